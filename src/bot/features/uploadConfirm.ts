/**
 * The buttons under a held upload: "Lưu N dòng hợp lệ" / "Xác nhận lưu" and "Huỷ", then, once
 * saved, "↩️ Hoàn tác". Only the sender or an administrator may press; the second press of a save
 * finds nothing to save. The preview the buttons sit under is itself the confirmation (it lists
 * what will be saved), so a press acts at once and then writes on the preview what was done, by
 * whom and when; the undo that follows is the way back from a slip, as under a `/nop` answer.
 */
import { Composer, InlineKeyboard } from "grammy";
import { uploadTexts } from "../../messages/upload.js";
import type { PressRequest } from "../../services/uploads/pending.js";
import { pressedTexts, type PressedAction } from "../../messages/pressed.js";
import { alert, onButton, type ButtonContext } from "../buttons.js";
import { markPressed, presserName, setButtons } from "../pressed.js";
import { heldUploadButton, uploadUndoButton } from "../../render/callbackData.js";
import type { BotContext } from "../context.js";
import { replyHtml } from "../reply.js";
import { isAdmin } from "./access.js";

export const uploadConfirmFeature = new Composer<BotContext>();

const removeButtons = (ctx: ButtonContext) => setButtons(ctx);
/** The preview, once decided: what was done with it, by whom and when, and only `keyboard` left. */
const decided = (ctx: ButtonContext, action: PressedAction, what?: string, keyboard?: InlineKeyboard) =>
  markPressed(ctx, pressedTexts.line(action, presserName(ctx.from), ctx.deps.clock.now(), what), keyboard);

const pressRequest = async (ctx: ButtonContext, pendingId: number): Promise<PressRequest> => ({
  id: pendingId,
  chatId: BigInt(ctx.chat?.id ?? 0),
  userId: BigInt(ctx.from.id),
  isAdmin: await isAdmin(ctx),
});

onButton(uploadConfirmFeature, heldUploadButton, async (ctx, press) => {
  const req = await pressRequest(ctx, press.pendingId);
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
    // Someone else pressing does not retire the buttons of the sender; a press that lost to the
    // one that saved leaves the buttons to it (they are now the save's undo).
    if (r.reason !== "forbidden" && r.reason !== "already-saved") await removeButtons(ctx);
    return;
  }
  ctx.deps.logger.info({ chatId: ctx.chat?.id, pendingId: req.id, saved: r.summary.saved }, "held upload saved");
  await ctx.answerCallbackQuery({ text: uploadTexts.pressSaved });
  const undo = new InlineKeyboard().text(uploadTexts.undoButton, uploadUndoButton.encode({ pendingId: req.id }));
  await decided(ctx, "saved", uploadTexts.savedRows(r.summary.saved), undo);
  return replyHtml(ctx, uploadTexts.saved(r.summary));
});

onButton(uploadConfirmFeature, uploadUndoButton, async (ctx, press) => {
  const r = await ctx.uc.uploads.undoSavedUpload(await pressRequest(ctx, press.pendingId));
  if (!r.ok) {
    await alert(ctx, uploadTexts.undoRefusals[r.reason]);
    // Too late or done already: the button is retired; someone else's press leaves it to the sender.
    if (r.reason !== "forbidden") await removeButtons(ctx);
    return;
  }
  ctx.deps.logger.info(
    { chatId: ctx.chat?.id, pendingId: press.pendingId, reverted: r.reverted },
    "held upload undone",
  );
  await ctx.answerCallbackQuery({ text: uploadTexts.pressUndone(r.reverted) });
  await decided(ctx, "undone", uploadTexts.undoneRows(r.reverted, r.kept.length));
  if (r.kept.length > 0) await replyHtml(ctx, uploadTexts.undoneKept(r.reverted, r.kept));
});
