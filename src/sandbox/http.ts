/** Small node:http helpers for the sandbox page server (no framework: docs/SANDBOX.md). */
import type { IncomingMessage, ServerResponse } from "node:http";

/** An error the page shows as it is: bad input, an unknown chat, a time in the past. */
export class PageError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > maxBytes)
      throw new PageError(413, `Dữ liệu gửi lên quá lớn (tối đa ${Math.round(maxBytes / 1_048_576)} MB)`);
    chunks.push(buf);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
  } catch {
    throw new PageError(400, "Dữ liệu gửi lên không phải JSON hợp lệ");
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": String(Buffer.byteLength(text)),
    "cache-control": "no-store",
  });
  res.end(text);
}

export { contentDisposition } from "../render/contentDisposition.js";
