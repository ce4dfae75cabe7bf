/**
 * A note or a file replying to the bot's "đã ghi nhận hoàn thành" prompt (force-reply reaches
 * the bot even in privacy mode). Who may attach and how much is the service's rule
 * (services/tasks/evidence.ts); the size Telegram announces is checked before downloading.
 */
import { Composer } from "grammy";
import { common } from "../../messages/common.js";
import { taskTexts } from "../../messages/tasks.js";
import { MAX_EVIDENCE_FILE_BYTES, type EvidenceOutcome, type Sender } from "../../services/tasks/evidence.js";
import type { BotContext } from "../context.js";
import { FileDownloadError, FileTooLargeError } from "../files.js";
import { replyHtml } from "../reply.js";
import { isAdmin } from "./access.js";

export const taskEvidenceFeature = new Composer<BotContext>();

function answer(ctx: BotContext, r: EvidenceOutcome, kind: "file" | "note"): Promise<unknown> {
  if (r.ok) return replyHtml(ctx, taskTexts.evidenceSaved(r.taskCode, kind));
  switch (r.reason) {
    case "gone":
      return replyHtml(ctx, taskTexts.evidenceGone);
    case "not-marker":
      return replyHtml(ctx, taskTexts.evidenceNotYours);
    case "quota":
      return replyHtml(ctx, taskTexts.evidenceQuota(r.usedBytes, r.quotaBytes));
  }
}

taskEvidenceFeature.on("message", async (ctx, next) => {
  const replyTo = ctx.message.reply_to_message;
  if (!replyTo || replyTo.from?.id !== ctx.me.id || ctx.message.text?.startsWith("/")) return next();
  const rowId = await ctx.uc.tasks.evidencePromptRow(BigInt(ctx.chat.id), replyTo.message_id);
  if (rowId === null) return next();
  const sender: Sender = { userId: BigInt(ctx.from.id), isAdmin: () => isAdmin(ctx) };
  const doc = ctx.message.document;
  if (doc) {
    const gate = await ctx.uc.tasks.evidenceGate(rowId, sender);
    if (!gate.ok) return answer(ctx, gate, "file");
    if ((doc.file_size ?? 0) > MAX_EVIDENCE_FILE_BYTES) return replyHtml(ctx, taskTexts.evidenceTooLarge);
    const early = await ctx.uc.tasks.quotaRefusal(gate.unitCode, rowId, doc.file_size ?? 0);
    if (early) return answer(ctx, early, "file");
    let bytes: Buffer;
    try {
      bytes = await ctx.files.download(doc.file_id, MAX_EVIDENCE_FILE_BYTES);
    } catch (e) {
      if (e instanceof FileTooLargeError) return replyHtml(ctx, taskTexts.evidenceTooLarge);
      if (e instanceof FileDownloadError) return replyHtml(ctx, common.fileDownloadFailed);
      throw e;
    }
    const file = {
      bytes,
      mime: doc.mime_type ?? "application/octet-stream",
      name: doc.file_name ?? "minh-chung",
      ...(ctx.message.caption ? { caption: ctx.message.caption } : {}),
    };
    return answer(ctx, await ctx.uc.tasks.attachEvidenceFile(rowId, sender, file), "file");
  }
  const text = (ctx.message.text ?? ctx.message.caption ?? "").trim();
  if (!text) return next();
  return answer(ctx, await ctx.uc.tasks.attachEvidenceNote(rowId, sender, text), "note");
});
