/**
 * The buttons of the dossier features (docs/DOSSIERS.md), `dossierButton` in callbackData.ts: under a
 * prompt "Lập văn bản xin lỗi" and "Đã trả kết quả" (asked again before it is recorded); "Lập báo cáo giải trình" when a second
 * re-appointment is refused; "Gửi thủ trưởng duyệt"; in the head's chat "Duyệt" and "Trả lại".
 */
import { Composer } from "grammy";
import { approverTexts as a } from "../../messages/approvers.js";
import { dossierTexts as t } from "../../messages/dossiers.js";
import { alert, onButton, type ButtonContext } from "../buttons.js";
import { dossierButtonTexts as bt } from "../../messages/dossiersButtons.js";
import { pressedTexts } from "../../messages/pressed.js";
import { dossierButton, type DossierAction } from "../../render/callbackData.js";
import { plainText as plain } from "../../render/html.js";
import {
  confirmRow,
  markPressed,
  pressedKeyboard,
  presserName,
  replaceButton,
  setButtons,
  withoutButtons,
} from "../pressed.js";
import type { BotContext } from "../context.js";
import { replyHtml } from "../reply.js";
import { unitOfChat } from "./access.js";
import { decidingUser, headUnitOfChat, markDecidedElsewhere, messageText, refusal } from "./dossiersAccess.js";
import { refusalMessage, refusalText } from "./dossiersRefusals.js";
import { ask } from "./dossiersReplies.js";

export const dossiersApologyFeature = new Composer<BotContext>();

onButton(dossiersApologyFeature, dossierButton, async (ctx, { action, dossierId }) => {
  switch (action) {
    case "apology":
    case "explanation":
      return start(ctx, dossierId, action === "apology");
    case "returned":
    case "returnedConfirm":
    case "returnedKeep":
      return returned(ctx, dossierId, action);
    case "sendToHead":
      return sendToHead(ctx, dossierId);
    case "approve":
      return approve(ctx, dossierId);
    case "sendBack":
      return sendBack(ctx, dossierId);
  }
});

async function start(ctx: ButtonContext, dossierId: number, withApology: boolean): Promise<unknown> {
  const unit = unitOfChat(ctx);
  if (!unit) return alert(ctx, plain(t.notThisChat));
  const check = await ctx.uc.apology.checkStart(dossierId, unit.code, withApology);
  if (!check.ok) {
    const code = await ctx.uc.dossiers.dossierCodeById(dossierId);
    if (check.reason !== "issued") return alert(ctx, plain(refusalMessage(check, code)));
    await ctx.answerCallbackQuery();
    return refusalText(ctx, check, code, dossierId);
  }
  await ctx.answerCallbackQuery();
  return ask(ctx, t.askReason(check.dossier.code), t.reasonPlaceholder, "dossier-reason", { dossierId, withApology });
}

/**
 * "Đã trả kết quả" stops every reminder of the dossier at one tap, so the tap only asks
 * (✔️ Xác nhận / Không in its place); the confirmation writes who and when on the message and
 * retires the apology button — an apology is refused once the result is returned (checkStart).
 */
async function returned(
  ctx: ButtonContext,
  dossierId: number,
  step: "returned" | "returnedConfirm" | "returnedKeep",
): Promise<unknown> {
  const unit = unitOfChat(ctx);
  if (!unit) return alert(ctx, plain(t.notThisChat));
  const dossier = await ctx.uc.dossiers.dossierById(dossierId);
  if (!dossier || dossier.unitCode !== unit.code) return alert(ctx, plain(t.notThisChat));
  const data = (a: DossierAction) => dossierButton.encode({ action: a, dossierId });
  const keyboard = pressedKeyboard(ctx);
  if (step === "returned") {
    const ask = confirmRow(bt.returnedConfirm, data("returnedConfirm"), data("returnedKeep"));
    await setButtons(ctx, replaceButton(keyboard, data("returned"), ask));
    return ctx.answerCallbackQuery({ text: bt.returnedAsk });
  }
  if (step === "returnedKeep") {
    const back = replaceButton(keyboard, data("returnedConfirm"), [
      { text: t.returnedButton, callback_data: data("returned") },
    ]);
    await setButtons(ctx, replaceButton(back, data("returnedKeep"), []));
    return ctx.answerCallbackQuery({ text: bt.returnedKept });
  }
  const marked = await ctx.uc.dossiers.markResultReturned(dossier);
  await ctx.answerCallbackQuery({ text: "Đã ghi nhận." });
  const stale = new Set([data("returnedConfirm"), data("returnedKeep"), data("returned"), data("apology")]);
  const line = pressedTexts.line("returned", presserName(ctx.from), ctx.deps.clock.now(), dossier.code);
  await markPressed(
    ctx,
    line,
    withoutButtons(keyboard, (d) => stale.has(d)),
  );
  if (!marked) return;
  return replyHtml(ctx, t.resultReturned(dossier.code));
}

async function sendToHead(ctx: ButtonContext, dossierId: number): Promise<unknown> {
  const unit = unitOfChat(ctx);
  if (!unit) return alert(ctx, plain(t.notThisChat));
  const result = await ctx.uc.apology.resendDrafts(dossierId, unit.code);
  if (result === "no-head") return alert(ctx, plain(t.noHeadChat(unit.code)).split("\n")[0] ?? "");
  if (result === "nothing") return alert(ctx, t.alreadyDecided);
  await ctx.answerCallbackQuery({ text: "Đã gửi." });
  await markPressed(ctx, pressedTexts.line("sentToHead", presserName(ctx.from), ctx.deps.clock.now()));
  const code = await ctx.uc.dossiers.dossierCodeById(dossierId);
  return replyHtml(ctx, t.draftSent(code, true));
}

async function approve(ctx: ButtonContext, dossierId: number): Promise<unknown> {
  const head = headUnitOfChat(ctx);
  if (!head) return alert(ctx, t.headOnly);
  const r = await ctx.uc.apology.approveDrafts({ dossierId, headUnitCode: head, by: decidingUser(ctx) });
  if (!r.ok) return alert(ctx, await refusal(ctx, r));
  await ctx.answerCallbackQuery({ text: "Đã duyệt." });
  await markDecided(ctx, a.approvedLine(r.decider));
  const pressed = ctx.callbackQuery.message;
  await markDecidedElsewhere(
    ctx,
    r.dossier.id,
    a.approvedLine(r.decider),
    pressed && { chatId: pressed.chat.id, messageId: pressed.message_id },
  );
  return replyHtml(ctx, t.approvedHead(r.dossier.code, r.numbers));
}

async function sendBack(ctx: ButtonContext, dossierId: number): Promise<unknown> {
  const head = headUnitOfChat(ctx);
  if (!head) return alert(ctx, t.headOnly);
  const r = await ctx.uc.apology.canDecide(dossierId, head, decidingUser(ctx));
  if (!r.ok) return alert(ctx, await refusal(ctx, r));
  await ctx.answerCallbackQuery();
  const request = ctx.callbackQuery.message;
  return ask(ctx, t.askReturnReason(r.dossier.code), t.returnPlaceholder, "dossier-return", {
    dossierId,
    ...(request ? { requestMessageId: request.message_id, requestText: messageText(request) } : {}),
  });
}

/** The approval request, edited in place: who decided and when, and no buttons left to press. */
async function markDecided(ctx: ButtonContext, line: string): Promise<void> {
  const request = ctx.callbackQuery.message;
  if (!request) return;
  await ctx
    .editMessageText(a.decidedRequest(messageText(request), line), { parse_mode: "HTML", reply_markup: undefined })
    .catch(() => ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined));
}
