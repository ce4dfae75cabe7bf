/**
 * `/capquyen`, `/thuquyen`, `/quyen` and the "↩️ Huỷ" under a grant: parse who is meant (the
 * replied-to message, a mention, @username, an id) → role use-case (services/roles/) → reply.
 * Naming by reply or mention works in a group, where the person is; @username and ids only in
 * private, so a group does not watch ids being typed.
 */
import { Composer, type Middleware } from "grammy";
import type { Message, User } from "grammy/types";
import type { Logger } from "../../logger.js";
import { adminTexts } from "../../messages/admin.js";
import { common } from "../../messages/common.js";
import { roleTexts } from "../../messages/roles.js";
import { roleUndoButton } from "../../render/callbackData.js";
import type { GrantableRole, Grantee, RoleTarget, RoleUseCases } from "../../services/roles/index.js";
import { alert, onButton } from "../buttons.js";
import type { BotContext } from "../context.js";
import { leadingKeyword } from "../parse/keyword.js";
import { replyHtml } from "../reply.js";
import { isAdmin } from "./access.js";
import { fullName } from "./approverNames.js";

/** Role keywords, normalized: "quản trị", "quantri", "lãnh đạo", "lanhdao". */
const ROLE_WORDS = { quantri: "admin", lanhdao: "leader" } as const satisfies Record<string, GrantableRole>;
const ID = /^\d{1,15}$/;
const USERNAME = /^@([A-Za-z0-9_]{4,32})$/;

const nameOf = (u: User) => fullName(u) ?? (u.username ? `@${u.username}` : `id ${u.id}`);
const seen = (u: User) => ({ telegramId: BigInt(u.id), username: u.username ?? null, displayName: nameOf(u) });

/** Everyone who writes is remembered (id, username, name), so they can later be named by @username. */
export function rememberSenders(roles: Pick<RoleUseCases, "remember">, logger: Logger): Middleware<BotContext> {
  return async (ctx, next) => {
    const from = ctx.from;
    if (from && !from.is_bot) {
      // A lost write costs only a later "@tên unknown"; the update itself goes on.
      await roles.remember(seen(from)).catch((e: unknown) => logger.warn({ err: e }, "sender not remembered"));
    }
    await next();
  };
}

type Parsed = { target: RoleTarget; rest: string[]; inPlace: boolean; isBot: boolean };

/** Who `/capquyen …` or `/thuquyen …` means, and the words after them; null = usage. */
function parseTarget(ctx: BotContext, text: string): Parsed | null {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const first = words[0] ?? "";
  if (ID.test(first))
    return { target: { kind: "id", id: BigInt(first) }, rest: words.slice(1), inPlace: false, isBot: false };
  const at = USERNAME.exec(first)?.[1];
  if (at) return { target: { kind: "username", username: at }, rest: words.slice(1), inPlace: false, isBot: false };
  const msg = ctx.message;
  // A mention of someone without a username carries the user itself (a "text_mention").
  const mention = msg?.entities?.find((e) => e.type === "text_mention");
  if (msg?.text && mention?.type === "text_mention") {
    const after = msg.text
      .slice(mention.offset + mention.length)
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    return {
      target: { kind: "user", user: seen(mention.user) },
      rest: after,
      inPlace: true,
      isBot: mention.user.is_bot,
    };
  }
  const replied = repliedAuthor(msg);
  if (replied)
    return { target: { kind: "user", user: seen(replied) }, rest: words, inPlace: true, isBot: replied.is_bot };
  return null;
}

/**
 * Whose message the command replies to: a forwarded message's original sender (when they let
 * forwards name them), else its author. In a forum topic every message "replies" to the topic's
 * first message: that is no one meant.
 */
function repliedAuthor(msg: Message | undefined): User | null {
  const r = msg?.reply_to_message;
  if (!r || r.forum_topic_created) return null;
  if (r.forward_origin?.type === "user") return r.forward_origin.sender_user;
  return r.from ?? null;
}

export function rolesFeature(roles: RoleUseCases): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  /** Private, or a group when the person is named by reply or mention; then administrators only. */
  async function gate(ctx: BotContext, parsed: Parsed | null): Promise<string | null> {
    if (ctx.chat?.type !== "private" && !parsed?.inPlace) return common.privateOnly;
    if (!(await isAdmin(ctx))) return common.adminOnly;
    return null;
  }

  feature.command("capquyen", async (ctx) => {
    const parsed = parseTarget(ctx, ctx.match);
    const refused = await gate(ctx, parsed);
    if (refused) return replyHtml(ctx, refused);
    const role = parsed ? leadingKeyword(parsed.rest, ROLE_WORDS)?.value : undefined;
    if (!parsed || !role) return replyHtml(ctx, roleTexts.usage);
    if (parsed.isBot) return replyHtml(ctx, roleTexts.isBot);
    const resolved = await roles.resolve(parsed.target);
    if (!resolved.ok) {
      const t = parsed.target;
      return replyHtml(
        ctx,
        t.kind === "username"
          ? roleTexts.unknownUsername(t.username)
          : roleTexts.unknownId(String(t.kind === "id" ? t.id : "")),
      );
    }
    const grantee = resolved.grantee;
    const by = BigInt(ctx.from?.id ?? 0);
    const r = await roles.grant({ grantee, role, by });
    if (!r.ok) {
      if (r.reason === "self") return replyHtml(ctx, roleTexts.self);
      if (r.reason === "configured-admin") return replyHtml(ctx, roleTexts.configuredAdmin(grantee));
      return replyHtml(ctx, roleTexts.unchanged(grantee, role));
    }
    const granter = ctx.from ? nameOf(ctx.from) : roleTexts.anAdmin;
    const toldPrivately = await tell(ctx, grantee, roleTexts.toGrantee(role, granter));
    const told = toldPrivately ? "private" : ctx.chat.type === "private" ? "not-told" : "here";
    return replyHtml(ctx, roleTexts.granted(grantee, role, told, ctx.me.username), {
      inline_keyboard: [
        [
          {
            text: roleTexts.undoButton,
            callback_data: roleUndoButton.encode({ rowId: r.rowId, granted: role, previous: r.previous }),
          },
        ],
      ],
    });
  });

  feature.command("thuquyen", async (ctx) => {
    const parsed = parseTarget(ctx, ctx.match);
    const refused = await gate(ctx, parsed);
    if (refused) return replyHtml(ctx, refused);
    if (!parsed) return replyHtml(ctx, roleTexts.usage);
    const t = parsed.target;
    const label = t.kind === "id" ? String(t.id) : t.kind === "username" ? `@${t.username}` : String(t.user.telegramId);
    const resolved = await roles.resolve(t);
    if (!resolved.ok) return replyHtml(ctx, adminTexts.notFound(label));
    if (roles.isConfiguredAdmin(resolved.grantee.telegramId)) return replyHtml(ctx, adminTexts.cannotRevokeConfigured);
    const done = await roles.revoke(resolved.grantee.telegramId);
    return replyHtml(ctx, done ? roleTexts.revoked(resolved.grantee) : adminTexts.notFound(label));
  });

  feature.command("quyen", async (ctx) => {
    if (ctx.chat.type !== "private") return replyHtml(ctx, common.privateOnly);
    if (!(await isAdmin(ctx))) return replyHtml(ctx, common.adminOnly);
    return replyHtml(ctx, roleTexts.list(await roles.list()));
  });

  onButton(feature, roleUndoButton, async (ctx, press) => {
    if (!(await isAdmin(ctx))) return alert(ctx, common.adminOnly);
    const r = await roles.undo({ ...press, by: BigInt(ctx.from.id) });
    if (!r.ok) {
      // The button cannot do anything any more: it goes, and the alert says why.
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      return alert(ctx, r.reason === "gone" ? roleTexts.undoGone : roleTexts.undoChanged);
    }
    await ctx.answerCallbackQuery({ text: roleTexts.pressUndone });
    await ctx
      .editMessageText(roleTexts.undone(r.grantee, press.granted, r.restored, nameOf(ctx.from)), { parse_mode: "HTML" })
      .catch(() => undefined);
    await tell(ctx, r.grantee, roleTexts.toGranteeUndone(press.granted));
  });

  return feature;
}

/** A private message to the person; false when Telegram refuses (they never opened a chat with the bot). */
async function tell(ctx: BotContext, to: Grantee, html: string): Promise<boolean> {
  if (BigInt(ctx.from?.id ?? 0) === to.telegramId) return false;
  return ctx.api
    .sendMessage(Number(to.telegramId), html, { parse_mode: "HTML" })
    .then(() => true)
    .catch(() => false);
}
