/** initData verification as Telegram specifies it (src/webapp/initData.ts, docs/WEBAPP.md). */
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { INIT_DATA_MAX_AGE_S, initDataFields, signInitData, verifyInitData } from "../../src/webapp/initData.js";

const TOKEN = "123456789:TEST-token-AAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
const OTHER = "987654321:OTHER-token-BBBBBBBBBBBBBBBBBBBBBBBBBBB";
const NOW = new Date("2026-11-20T09:00:00+07:00");
const user = { id: 4242, first_name: "Tâm", username: "tam_ld" };
const fields = initDataFields({ user, at: NOW, startParam: "c-1001", chatType: "supergroup", chatInstance: "77" });

/** Telegram's algorithm written out independently of the module, over the decoded fields. */
function referenceHash(f: Record<string, string>, token: string): string {
  const dcs = Object.keys(f)
    .sort()
    .map((k) => `${k}=${f[k]}`)
    .join("\n");
  const secret = createHmac("sha256", "WebAppData").update(token).digest();
  return createHmac("sha256", secret).update(dcs).digest("hex");
}

describe("signInitData", () => {
  it("signs exactly as Telegram: hash = hex HMAC(HMAC('WebAppData', token), sorted key=value lines)", () => {
    const params = new URLSearchParams(signInitData(fields, TOKEN));
    expect(params.get("hash")).toBe(referenceHash(fields, TOKEN));
    expect(params.get("user")).toBe(JSON.stringify(user));
  });
});

describe("verifyInitData", () => {
  const valid = signInitData(fields, TOKEN);
  const without = (key: string) => {
    const { [key]: _gone, ...rest } = fields;
    return signInitData(rest, TOKEN);
  };
  const tamper = (raw: string, key: string, value: string) => {
    const p = new URLSearchParams(raw);
    p.set(key, value);
    return p.toString();
  };

  it("accepts what Telegram signed and returns the user, the start parameter and the chat type", () => {
    const r = verifyInitData(valid, TOKEN, NOW);
    expect(r).toEqual({
      ok: true,
      data: {
        userId: 4242n,
        firstName: "Tâm",
        authDate: new Date(Math.floor(NOW.getTime() / 1000) * 1000),
        startParam: "c-1001",
        chatType: "supergroup",
        chatInstance: "77",
        queryId: null,
      },
    });
  });

  it("accepts initData in any field order, and a field Telegram added later (signature)", () => {
    const withSignature = { ...fields, signature: "abc" };
    const reordered = new URLSearchParams(Object.entries(withSignature).reverse());
    reordered.set("hash", referenceHash(withSignature, TOKEN));
    expect(verifyInitData(reordered.toString(), TOKEN, NOW).ok).toBe(true);
  });

  it.each([
    ["tampered hash", tamper(valid, "hash", "0".repeat(64)), "bad-hash"],
    ["hash not hex", tamper(valid, "hash", "zz"), "bad-hash"],
    ["tampered user (another id)", tamper(valid, "user", JSON.stringify({ ...user, id: 1 })), "bad-hash"],
    ["tampered start_param (another chat)", tamper(valid, "start_param", "c-1002"), "bad-hash"],
    ["signed with another bot's token", signInitData(fields, OTHER), "bad-hash"],
    ["missing hash", new URLSearchParams(fields).toString(), "no-hash"],
    ["missing user", without("user"), "no-user"],
    ["user not JSON", signInitData({ ...fields, user: "{" }, TOKEN), "bad-user"],
    ["user without id", signInitData({ ...fields, user: JSON.stringify({ first_name: "A" }) }, TOKEN), "bad-user"],
    ["missing auth_date", without("auth_date"), "no-auth-date"],
    ["duplicate key", `${valid}&user=${encodeURIComponent(JSON.stringify({ ...user, id: 1 }))}`, "duplicate-key"],
    ["duplicate hash", `${valid}&hash=${"0".repeat(64)}`, "duplicate-key"],
    ["empty", "", "missing"],
    ["far too long", `${valid}&x=${"a".repeat(5000)}`, "too-long"],
  ])("refuses %s", (_name, raw, reason) => {
    expect(verifyInitData(raw, TOKEN, NOW)).toEqual({ ok: false, reason });
  });

  it("refuses a stale auth_date one second past the window, accepts it at the window", () => {
    const at = new Date(NOW.getTime() - INIT_DATA_MAX_AGE_S * 1000);
    const raw = signInitData(initDataFields({ user, at }), TOKEN);
    expect(verifyInitData(raw, TOKEN, NOW).ok).toBe(true);
    expect(verifyInitData(raw, TOKEN, new Date(NOW.getTime() + 1000))).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses an auth_date more than a minute in the future (a forged clock), not a skew of seconds", () => {
    const soon = signInitData(initDataFields({ user, at: new Date(NOW.getTime() + 30_000) }), TOKEN);
    const later = signInitData(initDataFields({ user, at: new Date(NOW.getTime() + 120_000) }), TOKEN);
    expect(verifyInitData(soon, TOKEN, NOW).ok).toBe(true);
    expect(verifyInitData(later, TOKEN, NOW)).toEqual({ ok: false, reason: "from-future" });
  });
});
