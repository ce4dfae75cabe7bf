/**
 * A short-lived signed link to the dashboard's .xlsx (docs/WEBAPP.md "Tải tệp trong Telegram").
 * Telegram's phone apps download a Mini App's file only through `web_app_request_file_download`,
 * which takes a plain HTTPS GET URL: no body, so no `initData`. The server therefore signs, after
 * verifying `initData` and the scope, a token that carries that scope, the filters and an expiry.
 *
 * token = base64url(JSON payload) "." base64url(HMAC-SHA256(key, payload bytes)), key =
 * HMAC-SHA256(key "dondoc/export-link/v1", message bot token): derived, so a leaked link never
 * reveals anything usable against Telegram, and a token signed for another bot is refused.
 * Reusable until it expires (EXPORT_LINK_TTL_S): Telegram's client checks the URL with its own
 * servers before downloading, and the download may be retried; a one-shot token would need a
 * store and could be spent by that check. The token is a credential: never logged.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { DashboardScope } from "./contract.js";

/** Long enough for Telegram's confirmation dialog, short enough that a copied link soon dies. */
export const EXPORT_LINK_TTL_S = 120;
/** Far above any real token (a scope of a few units and five filters), far below a URL's limit. */
const MAX_TOKEN_LENGTH = 2048;

export function exportLinkKey(botToken: string): Buffer {
  return createHmac("sha256", "dondoc/export-link/v1").update(botToken).digest();
}

const payloadSchema = z.strictObject({
  u: z.string().regex(/^\d{1,20}$/),
  k: z.enum(["leader", "unitHead"]),
  c: z
    .string()
    .regex(/^-?\d{1,20}$/)
    .nullable(),
  r: z.array(z.string().min(1).max(100)).min(1).max(200),
  s: z.boolean(),
  /** Parsed again by the server's filter schema: this module does not know the filters. */
  f: z.record(z.string(), z.unknown()),
  /** Expiry, seconds since the epoch. */
  e: z.number().int().positive(),
});

const mac = (key: Buffer, body: string) => createHmac("sha256", key).update(body).digest();

export function signExportLink(
  key: Buffer,
  scope: DashboardScope,
  filters: object,
  now: Date,
  ttlS = EXPORT_LINK_TTL_S,
): string {
  const payload: z.infer<typeof payloadSchema> = {
    u: String(scope.userId),
    k: scope.kind,
    c: scope.chatId === null ? null : String(scope.chatId),
    r: [...scope.rootUnitIds],
    s: scope.subtree,
    f: { ...filters },
    e: Math.floor(now.getTime() / 1000) + ttlS,
  };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${mac(key, body).toString("base64url")}`;
}

export type ExportLinkFailure = "malformed" | "bad-mac" | "bad-payload" | "expired";
export type ExportLinkResult =
  | { ok: true; scope: DashboardScope; filters: unknown }
  | { ok: false; reason: ExportLinkFailure };

export function verifyExportLink(key: Buffer, token: string, now: Date): ExportLinkResult {
  const m = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: "malformed" };
  const [, body = "", given = ""] = m;
  const givenMac = Buffer.from(given, "base64url");
  const expected = mac(key, body);
  // The MAC before anything in the payload is read: nothing unauthenticated is parsed.
  if (givenMac.length !== expected.length || !timingSafeEqual(givenMac, expected))
    return { ok: false, reason: "bad-mac" };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "bad-payload" };
  }
  const p = payloadSchema.safeParse(json);
  if (!p.success) return { ok: false, reason: "bad-payload" };
  if (Math.floor(now.getTime() / 1000) >= p.data.e) return { ok: false, reason: "expired" };
  const { u, k, c, r, s, f } = p.data;
  return {
    ok: true,
    scope: { userId: BigInt(u), kind: k, chatId: c === null ? null : BigInt(c), rootUnitIds: r, subtree: s },
    filters: f,
  };
}
