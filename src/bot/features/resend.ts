/**
 * The administrator's resend buttons under a delivery loss summary (src/delivery/expiry.ts):
 * re-queue the given-up messages still useful, or — after a confirmation — all of them.
 */
import { Composer } from "grammy";
import { common } from "../../messages/common.js";
import { resendTexts } from "../../messages/resend.js";
import { alert, onButton } from "../buttons.js";
import { resendButton } from "../../render/callbackData.js";
import type { BotContext } from "../context.js";
import { isAdmin } from "./access.js";

export const resendFeature = new Composer<BotContext>();

onButton(resendFeature, resendButton, async (ctx, { action, first, last }) => {
  if (!(await isAdmin(ctx))) return alert(ctx, common.adminOnly);
  if (action === "keep") {
    await ctx.answerCallbackQuery({ text: resendTexts.cancelled });
    return ctx.editMessageText(resendTexts.cancelled).catch(() => undefined);
  }
  if (action === "askAll") {
    const waiting = await ctx.uc.outbox.countGivenUp(first, last);
    if (waiting === 0) return alert(ctx, resendTexts.nothing);
    await ctx.answerCallbackQuery();
    return ctx.reply(resendTexts.confirmAll(waiting), {
      parse_mode: "HTML",
      reply_markup: {
        inline_keyboard: [
          [
            { text: resendTexts.confirmButton, callback_data: resendButton.encode({ action: "all", first, last }) },
            { text: resendTexts.cancelButton, callback_data: resendButton.encode({ action: "keep", first, last }) },
          ],
        ],
      },
    });
  }
  const r = await ctx.uc.outbox.resendGivenUp({ first, last, all: action === "all", now: ctx.deps.clock.now() });
  if (r.requeued === 0) return alert(ctx, resendTexts.nothing);
  return ctx.answerCallbackQuery({ text: resendTexts.requeued(r.requeued, r.superseded), show_alert: true });
});
