/**
 * The buttons under a held upload: "Lưu N dòng hợp lệ" / "Xác nhận lưu" and "Huỷ". Only the
 * sender or an administrator may press; the second press of a save finds nothing to save. The
 * preview the buttons sit under is itself the confirmation (it lists what will be saved), so a
 * press acts at once and then writes on the preview what was done, by whom and when.
 */
import { Composer } from "grammy";
import { uploadTexts } from "../../messages/upload.js";
import type { PressRequest } from "../../services/uploads/pending.js";
import { pressedTexts } from "../../messages/pressed.js";
import { onButton, type ButtonContext } from "../buttons.js";
import { markPressed, presserName, setButtons } from "../pressed.js";
import { heldUploadButton } from "../../render/callbackData.js";
import type { BotContext } from "../context.js";
import { replyHtml } from "../reply.js";
import { isAdmin } from "./access.js";

export const uploadConfirmFeature = new Composer<BotContext>();

const removeButtons = (ctx: ButtonContext) => setButtons(ctx);
/** The preview, once decided: what was done with it, by whom and when, and no buttons left. */
const decided = (ctx: ButtonContext, action: "saved" | "cancelled", what?: string) =>
  markPressed(ctx, pressedTexts.line(action, presserName(ctx.from), ctx.deps.clock.now(), what));

onButton(uploadConfirmFeature, heldUploadButton, async (ctx, press) => {
  const req: PressRequest = {
    id: press.pendingId,
    chatId: BigInt(ctx.chat?.id ?? 0),
    userId: BigInt(ctx.from.id),
    isAdmin: await isAdmin(ctx),
  };
  if (!press.save) {
    const r = await ctx.uc.uploads.cancelPending(req);
    if (!r.ok) return ctx.answerCallbackQuery({ text: uploadTexts.refusals[r.reason], show_alert: true });
    await ctx.answerCallbackQuery({ text: uploadTexts.pressCancelled });
    await decided(ctx, "cancelled");
    return replyHtml(ctx, uploadTexts.cancelled);
  }
  const r = await ctx.uc.uploads.confirmPending(req);
  if (!r.ok) {
    await ctx.answerCallbackQuery({ text: uploadTexts.refusals[r.reason], show_alert: true });
    // Someone else pressing does not retire the buttons of the sender.
    if (r.reason !== "forbidden") await removeButtons(ctx);
    return;
  }
  ctx.deps.logger.info({ chatId: ctx.chat?.id, pendingId: req.id, saved: r.summary.saved }, "held upload saved");
  await ctx.answerCallbackQuery({ text: uploadTexts.pressSaved });
  await decided(ctx, "saved", uploadTexts.savedRows(r.summary.saved));
  return replyHtml(ctx, uploadTexts.saved(r.summary));
});
