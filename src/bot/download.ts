/**
 * A sent spreadsheet, downloaded for both upload flows (figures and dossier lists): a download
 * that fails or turns out larger than declared is answered here, the same way in both, and the
 * caller gets nothing to process.
 */
import { MAX_FILE_BYTES } from "../ingest/index.js";
import type { Logger } from "../logger.js";
import { common } from "../messages/common.js";
import type { BotContext } from "./context.js";
import { FileDownloadError, FileTooLargeError } from "./files.js";
import { replyHtml } from "./reply.js";

export async function downloadOrAnswer(
  ctx: BotContext,
  fileId: string,
  o: { log: Logger; tooLarge: string; quiet?: boolean },
): Promise<Buffer | undefined> {
  try {
    return await ctx.files.download(fileId, MAX_FILE_BYTES);
  } catch (e) {
    if (e instanceof FileDownloadError) {
      o.log.warn({ quiet: o.quiet ?? false, err: e.message }, "upload could not be downloaded");
      if (!o.quiet) await replyHtml(ctx, common.fileDownloadFailed);
      return undefined;
    }
    if (!(e instanceof FileTooLargeError)) throw e;
    o.log.info({ quiet: o.quiet ?? false }, "upload larger than declared");
    if (!o.quiet) await replyHtml(ctx, o.tooLarge);
    return undefined;
  }
}
