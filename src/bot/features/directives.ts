/**
 * `/chithi` and its buttons: the loaded directives with pause / resume / remove in the admin's
 * private chat, what binds the unit in a unit chat; and "✅ Áp dụng" / "Huỷ" under the dry run
 * of a directive file (sent in admin.ts). Every button works for administrators only.
 */
import { Composer } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import { vnDate } from "../../domain/directive/dates.js";
import { directivesBindingUnit } from "../../domain/directive/unitBindings.js";
import { adminTexts } from "../../messages/admin.js";
import { common } from "../../messages/common.js";
import { directiveListTexts as t } from "../../messages/directiveList.js";
import type { DirectiveOverview } from "../../services/directives/index.js";
import type { PressRefusal } from "../../services/uploads/pending.js";
import { onButton } from "../buttons.js";
import { directiveButton, directivePlanButton } from "../../render/callbackData.js";
import type { BotContext } from "../context.js";
import { MESSAGE_LIMIT, splitMessage } from "../../render/html.js";
import { replyHtml } from "../reply.js";
import { isAdmin, unitOfChat } from "./access.js";

export const directivesFeature = new Composer<BotContext>();

/** Telegram allows 100 buttons under a message: two per directive. */
const MAX_BUTTON_ROWS = 50;

const today = (ctx: BotContext) => vnDate(ctx.deps.clock.now());

function listKeyboard(items: readonly DirectiveOverview[]): InlineKeyboardMarkup {
  return {
    inline_keyboard: items.slice(0, MAX_BUTTON_ROWS).map((o, i) => [
      o.active
        ? { text: t.pauseButton(i + 1), callback_data: directiveButton.encode({ action: "pause", rowId: o.rowId }) }
        : {
            text: t.resumeButton(i + 1),
            callback_data: directiveButton.encode({ action: "resume", rowId: o.rowId }),
          },
      { text: t.removeButton(i + 1), callback_data: directiveButton.encode({ action: "remove", rowId: o.rowId }) },
    ]),
  };
}

directivesFeature.command("chithi", async (ctx) => {
  const day = today(ctx);
  const unit = unitOfChat(ctx);
  if (unit) {
    const catalog = ctx.deps.catalog.get();
    return replyHtml(ctx, t.unit(unit, directivesBindingUnit(catalog, unit, day), catalog.directives, day));
  }
  const items = await ctx.uc.directives.overviewDirectives(day);
  if (ctx.chat.type === "private" && (await isAdmin(ctx))) {
    return replyHtml(ctx, t.adminList(items, day), items.length > 0 ? listKeyboard(items) : undefined);
  }
  return replyHtml(ctx, t.publicList(items, day));
});

/** The list under the pressed buttons, redrawn; only the buttons when the list spans several messages. */
async function redrawList(ctx: BotContext): Promise<void> {
  const day = today(ctx);
  const items = await ctx.uc.directives.overviewDirectives(day);
  const html = t.adminList(items, day);
  const markup = listKeyboard(items);
  const edit =
    splitMessage(html).length === 1
      ? ctx.editMessageText(html, {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
          reply_markup: markup,
        })
      : ctx.editMessageReplyMarkup({ reply_markup: markup });
  await edit.catch(() => undefined);
}

/** Replaces the message under the buttons by `html`, without buttons; a reply when it cannot. */
async function settle(ctx: BotContext, html: string): Promise<void> {
  if (html.length <= MESSAGE_LIMIT) {
    const edited = await ctx
      .editMessageText(html, { parse_mode: "HTML", link_preview_options: { is_disabled: true } })
      .then(
        () => true,
        () => false,
      );
    if (edited) return;
  }
  await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
  await replyHtml(ctx, html);
}

onButton(directivesFeature, directiveButton, async (ctx, press) => {
  if (!(await isAdmin(ctx))) return ctx.answerCallbackQuery({ text: common.adminOnly, show_alert: true });
  const target = { rowId: press.rowId };
  if (press.action === "remove" || press.action === "keep") {
    const record = await ctx.uc.directives.findDirective(target);
    if (!record) return ctx.answerCallbackQuery({ text: t.gone, show_alert: true });
    await ctx.answerCallbackQuery();
    if (press.action === "keep") return settle(ctx, t.kept(record.number));
    return replyHtml(ctx, t.removeAsk(record.number, record.slug), {
      inline_keyboard: [
        [
          {
            text: t.removeConfirmButton,
            callback_data: directiveButton.encode({ action: "removeConfirm", rowId: record.rowId }),
          },
          { text: t.keepButton, callback_data: directiveButton.encode({ action: "keep", rowId: record.rowId }) },
        ],
      ],
    });
  }
  const action = press.action === "removeConfirm" ? "remove" : press.action;
  const r = await ctx.uc.directives.changeDirective(target, action);
  if (!r.ok && r.reason === "not-found") {
    await ctx.answerCallbackQuery({ text: t.gone, show_alert: true });
    if (action === "remove") await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
    return;
  }
  if (r.ok) {
    ctx.deps.logger.info({ slug: r.record.slug, action, by: ctx.from.id }, "directive changed");
  }
  if (action === "remove" && r.ok) {
    await ctx.answerCallbackQuery({ text: t.removedToast });
    return settle(ctx, t.removed(r.record.number));
  }
  const number = r.record.number;
  const toast = r.ok
    ? action === "pause"
      ? t.paused(number)
      : t.resumed(number)
    : r.reason === "already-paused"
      ? t.alreadyPaused(number)
      : t.alreadyActive(number);
  await ctx.answerCallbackQuery({ text: toast });
  await redrawList(ctx);
});

onButton(directivesFeature, directivePlanButton, async (ctx, press) => {
  if (!(await isAdmin(ctx))) return ctx.answerCallbackQuery({ text: common.adminOnly, show_alert: true });
  const req = { id: press.pendingId, chatId: BigInt(ctx.chat?.id ?? 0), userId: BigInt(ctx.from.id), isAdmin: true };
  const refuse = async (reason: PressRefusal) => {
    await ctx.answerCallbackQuery({ text: adminTexts.planRefusals[reason], show_alert: true });
    await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
  };
  if (!press.apply) {
    const r = await ctx.uc.directives.cancelHeldDirective(req);
    if (!r.ok) return refuse(r.reason);
    await ctx.answerCallbackQuery({ text: adminTexts.pressCancelled });
    return settle(ctx, adminTexts.planCancelled(r.preview));
  }
  const r = await ctx.uc.directives.applyHeldDirective(req);
  if (!r.ok) return refuse(r.reason);
  const outcome = r.result.ok ? adminTexts.installed(r.result) : adminTexts.rejected(r.result.problems);
  ctx.deps.logger.info({ pendingId: req.id, ok: r.result.ok, by: ctx.from.id }, "held directive applied");
  await ctx.answerCallbackQuery({ text: r.result.ok ? adminTexts.pressApplied : adminTexts.pressRejected });
  return settle(ctx, adminTexts.planApplied(r.preview, outcome));
});
