/**
 * One uploaded file: cheap checks on what Telegram declares, a bounded download, then the
 * upload use-case, then the reply. File contents never reach a log (docs/UPLOADS.md).
 */
import { InlineKeyboard } from "grammy";
import { checkUploadMeta, isIngestError } from "../../ingest/index.js";
import { uploadTexts } from "../../messages/upload.js";
import type { UploadOutcome, UploadScope } from "../../services/uploads/uploads.js";
import { heldUploadButton } from "../../render/callbackData.js";
import type { BotContext } from "../context.js";
import { detachOrRun } from "../detached.js";
import { downloadOrAnswer } from "../download.js";
import { replyHtml } from "../reply.js";
import { replyDossierImport } from "./dossiersUpload.js";

export type FileOptions = {
  /** A file the bot saw without being asked (it is a group administrator): refusals stay silent. */
  quiet: boolean;
};

function pendingKeyboard(id: number, saveLabel: string): InlineKeyboard {
  return new InlineKeyboard()
    .text(saveLabel, heldUploadButton.encode({ save: true, pendingId: id }))
    .text(uploadTexts.cancelButton, heldUploadButton.encode({ save: false, pendingId: id }));
}

export async function replyUploadOutcome(ctx: BotContext, outcome: UploadOutcome): Promise<unknown> {
  switch (outcome.kind) {
    case "file-rejected":
      return replyHtml(ctx, uploadTexts.fileRejected(outcome.message));
    case "empty":
      return replyHtml(ctx, uploadTexts.empty(outcome.exampleRows));
    case "saved":
      return replyHtml(ctx, uploadTexts.saved(outcome.summary, outcome.exampleRows));
    case "rows-rejected": {
      const { pending, valid } = outcome;
      const text = uploadTexts.rowsRejected(valid, outcome.rejected, pending !== null);
      return replyHtml(
        ctx,
        text,
        pending ? pendingKeyboard(pending.id, uploadTexts.saveValidButton(valid)) : undefined,
      );
    }
    case "preview": {
      const { pending } = outcome;
      return replyHtml(
        ctx,
        uploadTexts.preview(outcome.preview),
        pending ? pendingKeyboard(pending.id, uploadTexts.confirmButton) : undefined,
      );
    }
    case "dossiers":
      return replyDossierImport(ctx, outcome.outcome);
  }
}

export async function handleUploadedFile(ctx: BotContext, scope: UploadScope, opts: FileOptions): Promise<unknown> {
  const doc = ctx.message?.document;
  const chat = ctx.chat;
  if (!doc || !chat) return;
  const log = ctx.deps.logger.child({ chatId: chat.id, userId: ctx.from?.id, updateId: ctx.update.update_id });
  const fileName = doc.file_name ?? "";
  try {
    checkUploadMeta(fileName, doc.file_size);
  } catch (e) {
    if (!isIngestError(e)) throw e;
    log.info({ code: e.code, quiet: opts.quiet }, "upload refused before download");
    if (opts.quiet) return;
    // An administrator's private chat also takes directive files (admin.ts): say so.
    const hint = scope.kind === "all" && e.code === "UNSUPPORTED_TYPE" ? `\n${uploadTexts.adminFormatsHint}` : "";
    return replyHtml(ctx, uploadTexts.fileRejected(e.userMessage) + hint);
  }
  return detachOrRun(ctx, async () => {
    const data = await downloadOrAnswer(ctx, doc.file_id, {
      log,
      tooLarge: uploadTexts.fileTooLarge,
      quiet: opts.quiet,
    });
    if (!data) return;
    await ctx.replyWithChatAction("typing").catch(() => undefined);
    const outcome = await ctx.uc.uploads.processUpload({
      fileName,
      data,
      scope,
      userId: BigInt(ctx.from?.id ?? 0),
      chatId: BigInt(chat.id),
    });
    log.info({ outcome: outcome.kind, bytes: data.length, ...counts(outcome) }, "upload processed");
    if (opts.quiet && (outcome.kind === "file-rejected" || outcome.kind === "empty")) return;
    return replyUploadOutcome(ctx, outcome);
  });
}

/** Counts for the log: never a cell value or a unit name from the file. */
function counts(o: UploadOutcome): Record<string, number | string> {
  switch (o.kind) {
    case "file-rejected":
      return { code: o.code };
    case "empty":
      return { exampleRows: o.exampleRows };
    case "saved":
      return { saved: o.summary.saved, replaced: o.summary.replaced };
    case "rows-rejected":
      return { valid: o.valid, rejected: o.rejected.length };
    case "preview":
      return {
        items: o.preview.items.length,
        unmatched: o.preview.unmatched.length,
        rejected: o.preview.rejected.length,
      };
    case "dossiers":
      return { dossiers: o.outcome.kind };
  }
}
