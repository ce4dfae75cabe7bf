/** Downloading a file a user sent, with a size bound checked before and during the download. */
import { GrammyError, HttpError, type Api } from "grammy";

export class FileTooLargeError extends Error {}

/**
 * Telegram would not hand the file over: getFile refused (a file_id gone or "temporarily
 * unavailable"), or the download answered an error (its path expires an hour after getFile).
 * The user can send the file again; it is not a fault of the bot's.
 */
export class FileDownloadError extends Error {}

export interface FileFetcher {
  download(fileId: string, maxBytes: number): Promise<Buffer>;
}

export function createFileFetcher(api: Api, token: string, apiRoot: string): FileFetcher {
  return {
    async download(fileId, maxBytes) {
      const file = await api.getFile(fileId).catch((e: unknown) => {
        // Bots may download up to 20 MB: Telegram says so with "Bad Request: file is too big".
        if (e instanceof GrammyError && /file is too big/i.test(e.description)) throw new FileTooLargeError();
        if (e instanceof GrammyError) throw new FileDownloadError(`getFile failed: ${e.error_code} ${e.description}`);
        if (e instanceof HttpError) throw new FileDownloadError("getFile failed: network error");
        throw e;
      });
      if (file.file_size !== undefined && file.file_size > maxBytes) throw new FileTooLargeError();
      if (!file.file_path) throw new FileDownloadError("getFile returned no file_path");
      // The URL holds the token: never let it reach an error message or a log.
      const res = await fetch(`${apiRoot}/file/bot${token}/${file.file_path}`).catch(() => {
        throw new FileDownloadError("file download failed: network error");
      });
      if (!res.ok || !res.body) throw new FileDownloadError(`file download failed with HTTP ${res.status}`);
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of res.body) {
        size += chunk.length;
        if (size > maxBytes) throw new FileTooLargeError();
        chunks.push(Buffer.from(chunk));
      }
      return Buffer.concat(chunks);
    },
  };
}
