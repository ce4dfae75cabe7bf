import type { IncomingMessage } from "node:http";
import { ApiError, badRequest } from "./errors.js";
import { boundaryOf, MultipartError, parseMultipart, type UploadedPart } from "./multipart.js";

/** Parameters as received: JSON values, or strings from forms/query (coerced by params.ts). */
export type RawParams = Record<string, unknown>;

export interface ParsedRequest {
  params: RawParams;
  files: Map<string, UploadedPart>;
}

/** 50 MB is Telegram's upload limit for bots. */
export const DEFAULT_MAX_BODY = 50 * 1024 * 1024;

export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > maxBytes) throw new ApiError(413, "Request Entity Too Large");
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Telegram accepts query string, urlencoded, JSON and multipart; so does the emulator. */
export function parseRequest(url: URL, contentType: string | undefined, body: Buffer): ParsedRequest {
  const params: RawParams = Object.fromEntries(url.searchParams);
  const files = new Map<string, UploadedPart>();
  const type = (contentType ?? "").toLowerCase();
  if (body.length === 0) return { params, files };

  if (type.startsWith("application/json")) {
    const parsed = safeJson(body.toString("utf8"));
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw badRequest("invalid JSON body");
    }
    Object.assign(params, parsed);
  } else if (type.startsWith("multipart/form-data")) {
    const boundary = boundaryOf(contentType ?? "");
    if (!boundary) throw badRequest("multipart boundary missing");
    try {
      const parsed = parseMultipart(body, boundary);
      Object.assign(params, parsed.fields);
      for (const [k, v] of parsed.files) files.set(k, v);
    } catch (err) {
      if (err instanceof MultipartError) throw badRequest(`malformed multipart body: ${err.message}`);
      throw err;
    }
  } else {
    Object.assign(params, Object.fromEntries(new URLSearchParams(body.toString("utf8"))));
  }
  return { params, files };
}

export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
