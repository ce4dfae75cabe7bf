/**
 * `/dangky` and the administrator's approval buttons: parse → registration use-case
 * (src/services/registration/) → reply. The feature is given the use-cases, not the database.
 */
import { Composer, InlineKeyboard } from "grammy";
import { clipText } from "../../domain/text.js";
import { registerTexts, type RegistrationKind } from "../../messages/register.js";
import { common } from "../../messages/common.js";
import type { DecisionOutcome, RegistrationUseCases, RequestOutcome } from "../../services/registration/index.js";
import { onButton } from "../buttons.js";
import { pressedTexts } from "../../messages/pressed.js";
import { registrationButton } from "../../render/callbackData.js";
import { markPressed } from "../pressed.js";
import type { BotContext } from "../context.js";
import { leadingKeyword } from "../parse/keyword.js";
import { replyHtml } from "../reply.js";
import { isAdmin, isGroup } from "./access.js";

/** Kind keywords, normalized (no diacritics, no spaces): "lãnh đạo", "lanhdao", "Thủ trưởng"… */
const KIND_WORDS: Record<string, RegistrationKind> = { lanhdao: "leaders", thutruong: "head" };

function displayName(from: { first_name: string; last_name?: string; username?: string; id: number }): string {
  const name = [from.first_name, from.last_name].filter(Boolean).join(" ");
  return from.username ? `${name} (@${from.username})` : `${name} (id ${from.id})`;
}

const adminButtons = (registrationId: number) =>
  new InlineKeyboard()
    .text(registerTexts.approveButton, registrationButton.encode({ approve: true, registrationId }))
    .text(registerTexts.rejectButton, registrationButton.encode({ approve: false, registrationId }));

function requestReply(r: RequestOutcome, code: string, kind: RegistrationKind): string {
  if (r.ok) return registerTexts.requested(r.unit, kind);
  switch (r.reason) {
    case "unknown-unit":
      return registerTexts.unknownUnit(clipText(code, 40), r.suggestions);
    case "already-bound":
      return registerTexts.alreadyBound(r.unit, kind);
    case "pending-exists":
      return registerTexts.pendingExists;
    case "no-admins":
      return registerTexts.noAdmins;
  }
}

function decisionRefusal(r: Exclude<DecisionOutcome, { ok: true }>): string {
  switch (r.reason) {
    case "not-found":
      return registerTexts.requestNotFound;
    case "unit-gone":
      return registerTexts.unitGone(r.unitCode);
    case "already-decided":
      return registerTexts.alreadyDecided;
  }
}

export function registerFeature(registration: RegistrationUseCases): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("dangky", async (ctx) => {
    if (!isGroup(ctx)) return replyHtml(ctx, registerTexts.groupsOnly);
    const words = (typeof ctx.match === "string" ? ctx.match : "").trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) return replyHtml(ctx, registerTexts.usage);
    const keyword = leadingKeyword(words, KIND_WORDS);
    const kind: RegistrationKind = keyword?.value ?? "unit";
    const code = words[keyword?.used ?? 0] ?? "";
    if (!code) return replyHtml(ctx, registerTexts.usage);
    const title = ("title" in ctx.chat ? ctx.chat.title : undefined) ?? String(ctx.chat.id);
    const r = await registration.request({
      chat: { id: BigInt(ctx.chat.id), title, record: ctx.chatRecord },
      code,
      kind,
      requester: { id: BigInt(ctx.from?.id ?? 0), displayName: ctx.from ? displayName(ctx.from) : "?" },
      adminButtons,
    });
    return replyHtml(ctx, requestReply(r, code, kind));
  });

  onButton(feature, registrationButton, async (ctx, { approve: approved, registrationId }) => {
    if (!(await isAdmin(ctx))) return ctx.answerCallbackQuery({ text: common.adminOnly, show_alert: true });
    const r = await registration.decide({
      registrationId,
      approved,
      by: BigInt(ctx.from.id),
      memberName: async (chatId, userId) => {
        const member = await ctx.api.getChatMember(Number(chatId), Number(userId)).catch(() => null);
        return member ? [member.user.first_name, member.user.last_name].filter(Boolean).join(" ") || null : null;
      },
    });
    if (!r.ok) return ctx.answerCallbackQuery({ text: decisionRefusal(r), show_alert: true });
    await ctx.answerCallbackQuery({ text: approved ? "Đã duyệt." : "Đã từ chối." });
    const line = pressedTexts.line(approved ? "approved" : "rejected", displayName(ctx.from), ctx.deps.clock.now());
    await markPressed(ctx, line);
  });

  return feature;
}
