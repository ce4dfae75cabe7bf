/**
 * The buttons of the dossier features (docs/DOSSIERS.md), `dossierButton` in callbackData.ts: under a
 * prompt "Lập văn bản xin lỗi" and "Đã trả kết quả"; "Lập báo cáo giải trình" when a second
 * re-appointment is refused; "Gửi thủ trưởng duyệt"; in the head's chat "Duyệt" and "Trả lại".
 */
import { Composer } from "grammy";
import { approverTexts as a } from "../../messages/approvers.js";
import { dossierTexts as t } from "../../messages/dossiers.js";
import { alert, onButton, type ButtonContext } from "../buttons.js";
import { dossierButton } from "../../render/callbackData.js";
import type { BotContext } from "../context.js";
import { replyHtml } from "../reply.js";
import { unitOfChat } from "./access.js";
import { decidingUser, headUnitOfChat, markDecidedElsewhere, messageText, refusal } from "./dossiersAccess.js";
import { refusalMessage, refusalText } from "./dossiersRefusals.js";
import { ask } from "./dossiersReplies.js";

export const dossiersApologyFeature = new Composer<BotContext>();

/** Alerts are plain text: the HTML of a message text is dropped. */
const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

onButton(dossiersApologyFeature, dossierButton, async (ctx, { action, dossierId }) => {
  switch (action) {
    case "apology":
    case "explanation":
      return start(ctx, dossierId, action === "apology");
    case "returned":
      return returned(ctx, dossierId);
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

async function returned(ctx: ButtonContext, dossierId: number): Promise<unknown> {
  const unit = unitOfChat(ctx);
  if (!unit) return alert(ctx, plain(t.notThisChat));
  const dossier = await ctx.uc.dossiers.dossierById(dossierId);
  if (!dossier || dossier.unitCode !== unit.code) return alert(ctx, plain(t.notThisChat));
  const marked = await ctx.uc.dossiers.markResultReturned(dossier);
  await ctx.answerCallbackQuery({ text: "Đã ghi nhận." });
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
  await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
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
