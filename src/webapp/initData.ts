/**
 * Telegram's Mini App `initData`, verified exactly as "Validating data received via the Mini App"
 * (https://core.telegram.org/bots/webapps#validating-data-received-via-the-mini-app) says:
 * data-check-string = every received field but `hash`, sorted by key, `key=<value>` joined by "\n";
 * secret_key = HMAC-SHA256(key "WebAppData", message bot token); the data is Telegram's when
 * hex(HMAC-SHA256(key secret_key, message data-check-string)) equals `hash`. Telegram leaves the
 * age to the server ("you can additionally check the auth_date field"): see INIT_DATA_MAX_AGE_S.
 * docs/WEBAPP.md explains the choices (age, replay, duplicate keys).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/**
 * How long an `initData` is accepted after Telegram issued it. The page sends it with every
 * request (there is no session), so this is also how long a page stays usable; after it the
 * person presses the button again. An hour: one sitting with the dashboard, while a copied
 * `initData` (a shared screenshot of devtools, a proxy log) soon stops opening anything.
 */
export const INIT_DATA_MAX_AGE_S = 3600;
/** A clock a little ahead on Telegram's side must not lock people out. */
const FUTURE_SKEW_S = 60;
/** Telegram's real `initData` is well under 1 KB; anything far longer is not from Telegram. */
export const INIT_DATA_MAX_LENGTH = 4096;

/** WebAppUser as Telegram documents it; only `id` is relied on, the rest is kept as given. */
const webAppUser = z.looseObject({
  id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  is_bot: z.boolean().optional(),
  first_name: z.string().max(256),
  last_name: z.string().max(256).optional(),
  username: z.string().max(64).optional(),
  language_code: z.string().max(35).optional(),
});

export type VerifiedInitData = {
  userId: bigint;
  firstName: string;
  authDate: Date;
  /** `startapp` of the link that opened the app (a direct or main Mini App link), as Telegram passed it. */
  startParam: string | null;
  chatType: string | null;
  chatInstance: string | null;
  queryId: string | null;
};

export type InitDataFailure =
  | "missing"
  | "too-long"
  | "duplicate-key"
  | "no-hash"
  | "bad-hash"
  | "no-auth-date"
  | "expired"
  | "from-future"
  | "no-user"
  | "bad-user";

export type InitDataResult = { ok: true; data: VerifiedInitData } | { ok: false; reason: InitDataFailure };

function secretKey(botToken: string): Buffer {
  return createHmac("sha256", "WebAppData").update(botToken).digest();
}

function dataCheckString(fields: ReadonlyMap<string, string>): string {
  return [...fields.entries()]
    .filter(([k]) => k !== "hash")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("\n");
}

function signatureOf(fields: ReadonlyMap<string, string>, botToken: string): string {
  return createHmac("sha256", secretKey(botToken)).update(dataCheckString(fields)).digest("hex");
}

/**
 * The fields of a query string, or null when a key repeats: Telegram never repeats one, and two
 * readers of a repeated key may pick different values (the one checked, the one used).
 */
function fieldsOf(raw: string): Map<string, string> | null {
  const fields = new Map<string, string>();
  for (const [k, v] of new URLSearchParams(raw)) {
    if (fields.has(k)) return null;
    fields.set(k, v);
  }
  return fields;
}

function hashMatches(expectedHex: string, givenHex: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(givenHex)) return false;
  return timingSafeEqual(Buffer.from(expectedHex, "hex"), Buffer.from(givenHex, "hex"));
}

export function verifyInitData(
  raw: string,
  botToken: string,
  now: Date,
  maxAgeS: number = INIT_DATA_MAX_AGE_S,
): InitDataResult {
  if (raw.length === 0) return { ok: false, reason: "missing" };
  if (raw.length > INIT_DATA_MAX_LENGTH) return { ok: false, reason: "too-long" };
  const fields = fieldsOf(raw);
  if (!fields) return { ok: false, reason: "duplicate-key" };
  const hash = fields.get("hash");
  if (!hash) return { ok: false, reason: "no-hash" };
  if (!hashMatches(signatureOf(fields, botToken), hash)) return { ok: false, reason: "bad-hash" };
  // Signed by Telegram from here on; what follows checks age and shape.
  const authDate = Number(fields.get("auth_date"));
  if (!Number.isSafeInteger(authDate) || authDate <= 0) return { ok: false, reason: "no-auth-date" };
  const ageS = now.getTime() / 1000 - authDate;
  if (ageS > maxAgeS) return { ok: false, reason: "expired" };
  if (ageS < -FUTURE_SKEW_S) return { ok: false, reason: "from-future" };
  const userJson = fields.get("user");
  if (!userJson) return { ok: false, reason: "no-user" };
  let user: z.infer<typeof webAppUser>;
  try {
    user = webAppUser.parse(JSON.parse(userJson));
  } catch {
    return { ok: false, reason: "bad-user" };
  }
  return {
    ok: true,
    data: {
      userId: BigInt(user.id),
      firstName: user.first_name,
      authDate: new Date(authDate * 1000),
      startParam: fields.get("start_param") ?? null,
      chatType: fields.get("chat_type") ?? null,
      chatInstance: fields.get("chat_instance") ?? null,
      queryId: fields.get("query_id") ?? null,
    },
  };
}

/**
 * `fields` signed as Telegram signs them, as the query string a Mini App receives in
 * `tgWebAppData`. The sandbox signs for the person it plays; tests forge and tamper with it.
 */
export function signInitData(fields: Readonly<Record<string, string>>, botToken: string): string {
  const map = new Map(Object.entries(fields).filter(([k]) => k !== "hash"));
  const params = new URLSearchParams([...map.entries()]);
  params.set("hash", signatureOf(map, botToken));
  return params.toString();
}

/** The fields Telegram passes for a person opening the app at `at` (user as JSON, auth_date in seconds). */
export function initDataFields(o: {
  user: { id: number; first_name: string; last_name?: string; username?: string; language_code?: string };
  at: Date;
  startParam?: string;
  chatType?: string;
  chatInstance?: string;
}): Record<string, string> {
  return {
    auth_date: String(Math.floor(o.at.getTime() / 1000)),
    user: JSON.stringify(o.user),
    ...(o.startParam ? { start_param: o.startParam } : {}),
    ...(o.chatType ? { chat_type: o.chatType } : {}),
    ...(o.chatInstance ? { chat_instance: o.chatInstance } : {}),
  };
}
