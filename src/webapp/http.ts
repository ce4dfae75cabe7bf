/**
 * node:http helpers of the Mini App server: headers every answer carries, a bounded JSON body,
 * short error answers. Nothing here writes a stack, a request body or the bot token anywhere.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

/** Filters and an `initData` of ≤ 4 KB fit many times over; more is not the page. */
export const MAX_BODY_BYTES = 16 * 1024;

/** Telegram Web (web.telegram.org/k and /a) shows a Mini App in an iframe; the phone apps use a web view. */
export const TELEGRAM_WEB_ORIGIN = "https://web.telegram.org";

/**
 * The page runs only what the deployment ships (no inline script or style, nothing remote), and
 * only Telegram Web (plus `extraAncestors`: the sandbox's page) may frame it.
 */
export function securityHeaders(extraAncestors: readonly string[]): Record<string, string> {
  const ancestors = ["'self'", TELEGRAM_WEB_ORIGIN, ...extraAncestors].join(" ");
  return {
    "content-security-policy": [
      "default-src 'self'",
      "img-src 'self' data: blob:",
      "style-src 'self'",
      "script-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      `frame-ancestors ${ancestors}`,
    ].join("; "),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cross-origin-resource-policy": "same-origin",
  };
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function readJsonBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > maxBytes) throw new HttpError(413, "Yêu cầu quá lớn");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > maxBytes) throw new HttpError(413, "Yêu cầu quá lớn");
    chunks.push(buf);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
  } catch {
    throw new HttpError(400, "Yêu cầu không phải JSON");
  }
}

export function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string | Uint8Array,
): void {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  res.writeHead(status, { ...headers, "content-length": String(bytes.length) });
  res.end(bytes);
}

export function sendJson(res: ServerResponse, status: number, headers: Record<string, string>, body: unknown): void {
  send(
    res,
    status,
    { ...headers, "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
    JSON.stringify(body),
  );
}
