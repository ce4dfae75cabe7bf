/** Downloading a file a user sent, with a size bound checked before and during the download. */
import type { Api } from "grammy";

export class FileTooLargeError extends Error {}

export interface FileFetcher {
  download(fileId: string, maxBytes: number): Promise<Buffer>;
}

export function createFileFetcher(api: Api, token: string, apiRoot: string): FileFetcher {
  return {
    async download(fileId, maxBytes) {
      const file = await api.getFile(fileId);
      if (file.file_size !== undefined && file.file_size > maxBytes) throw new FileTooLargeError();
      if (!file.file_path) throw new Error("getFile returned no file_path");
      const res = await fetch(`${apiRoot}/file/bot${token}/${file.file_path}`);
      // The URL holds the token: never let it reach an error message or a log.
      if (!res.ok || !res.body) throw new Error(`file download failed with HTTP ${res.status}`);
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
