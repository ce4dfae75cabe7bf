import { GrammyError, HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import { AlertGate } from "../../src/delivery/alerts.js";
import { backoffMs, classifyFailure, DEFAULT_RETRY, describeError } from "../../src/delivery/failures.js";
import { Pacer, TELEGRAM_LIMITS } from "../../src/delivery/pacer.js";

function paced(): { pacer: Pacer; at(ms: number): void } {
  let t = 0;
  return {
    pacer: new Pacer(TELEGRAM_LIMITS, () => t),
    at: (ms) => {
      t = ms;
    },
  };
}

/** Sends as fast as the pacer allows for `ms` of fake time; returns dispatch times. */
function drive(chats: bigint[], ms: number): number[] {
  const { pacer, at } = paced();
  const sent: number[] = [];
  let t = 0;
  let i = 0;
  while (t < ms) {
    const chat = chats[i % chats.length] ?? 0n;
    const wait = Math.max(pacer.globalWaitMs(), pacer.chatWaitMs(chat));
    if (wait > 0) {
      t += wait;
      at(t);
      continue;
    }
    pacer.record(chat);
    sent.push(t);
    i += 1;
  }
  return sent;
}

describe("Pacer", () => {
  it("never lets more than 30 through in any 1-second window, and keeps ≥ 28 msg/s", () => {
    const chats = Array.from({ length: 5000 }, (_, i) => BigInt(-1000 - i));
    const sent = drive(chats, 20_000);
    for (let k = 30; k < sent.length; k++) expect((sent[k] ?? 0) - (sent[k - 30] ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(sent.length / 20).toBeGreaterThanOrEqual(28);
  });

  it("holds one group to 20 per minute and one private chat to about 1 per second", () => {
    const group = drive([-42n], 120_000);
    expect(group.filter((t) => t < 60_000)).toHaveLength(20);
    const priv = drive([42n], 10_000);
    expect(priv.length).toBeLessThanOrEqual(10);
  });

  it("an album bigger than a chat's allowance still goes, alone, into an empty window", () => {
    const { pacer, at } = paced();
    expect(pacer.chatWaitMs(42n, 10)).toBe(0);
    pacer.record(42n, 10);
    at(500);
    expect(pacer.chatWaitMs(42n, 10)).toBeGreaterThan(0);
    at(1_100);
    expect(pacer.chatWaitMs(42n, 10)).toBe(0);
  });

  it("a bot-wide 429 widens the window (up to +25 %); successes narrow it back", () => {
    const { pacer } = paced();
    pacer.widenGlobal();
    expect(pacer.globalWindowMs()).toBe(TELEGRAM_LIMITS.globalWindowMs + 25);
    for (let i = 0; i < 100; i++) pacer.widenGlobal();
    expect(pacer.globalWindowMs()).toBe(TELEGRAM_LIMITS.globalWindowMs * 1.25);
    for (let i = 0; i < 100_000; i++) pacer.narrowGlobal();
    expect(pacer.globalWindowMs()).toBe(TELEGRAM_LIMITS.globalWindowMs);
  });

  it("a 429 on a quiet chat pauses everything; on a busy chat only that chat", () => {
    const { pacer, at } = paced();
    expect(pacer.isChatFlood(-1n)).toBe(false);
    for (let i = 0; i < 12; i++) {
      at(i * 100);
      pacer.record(-1n);
    }
    expect(pacer.isChatFlood(-1n)).toBe(true);
    pacer.pauseChat(-1n, 30_000);
    expect(pacer.chatWaitMs(-1n)).toBeGreaterThan(29_000);
    expect(pacer.blockedChats(5_000)).toEqual([-1n]);
    pacer.pauseAll(2_000);
    expect(pacer.globalWaitMs()).toBe(2_000);
  });
});

describe("failures", () => {
  const grammy = (error_code: number, description: string, parameters = {}): GrammyError =>
    new GrammyError("x", { ok: false, error_code, description, parameters }, "sendMessage", {});

  it.each([
    [
      "429",
      grammy(429, "Too Many Requests: retry after 3", { retry_after: 3 }),
      { kind: "rate_limited", retryAfterMs: 3000 },
    ],
    ["403 kicked", grammy(403, "Forbidden: bot was kicked from the group chat"), { kind: "chat_gone" }],
    ["403 deactivated", grammy(403, "Forbidden: user is deactivated"), { kind: "chat_gone" }],
    ["400 chat not found", grammy(400, "Bad Request: chat not found"), { kind: "chat_gone" }],
    [
      "400 migrated",
      grammy(400, "Bad Request: group chat was upgraded", { migrate_to_chat_id: -1009 }),
      { kind: "migrated", toChatId: -1009n },
    ],
    ["400 other", grammy(400, "Bad Request: can't parse entities"), { kind: "bad_request" }],
    ["502", grammy(502, "Bad Gateway"), { kind: "transient" }],
    [
      "network",
      new HttpError("Network request for 'sendMessage' failed!", new Error("ECONNRESET")),
      { kind: "transient" },
    ],
  ] as const)("%s", (_name, err, expected) => {
    expect(classifyFailure(err, false)).toMatchObject(expected);
  });

  it("a refused cached file_id means re-upload, only when one was used", () => {
    const e = grammy(400, "Bad Request: wrong file identifier/HTTP URL specified");
    expect(classifyFailure(e, true).kind).toBe("stale_file");
    expect(classifyFailure(e, false).kind).toBe("bad_request");
  });

  it("redacts the bot token from URLs and text", () => {
    const s =
      "request to https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage failed; token 123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    const d = describeError(new Error(s));
    expect(d).not.toContain("AAHdqTcv");
    expect(d).toContain("/bot<token>/sendMessage");
  });

  it("redacts a token glued to word characters (outbox lastError, JobRun.detail, admin alerts)", () => {
    const secret = "AAHxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
    for (const err of [
      new Error(`x bot123456789:${secret}`),
      `x bot123456789:${secret}`,
      grammy(400, `Bad Request: x bot123456789:${secret}`),
    ]) {
      const d = describeError(err);
      expect(d).not.toContain(secret);
      expect(d).not.toContain("123456789:");
      expect(d).toContain("bot<token>");
    }
  });

  it("backoff grows exponentially with jitter and is capped", () => {
    const lo = () => 0;
    const hi = () => 1;
    expect([1, 2, 3].map((a) => backoffMs(DEFAULT_RETRY, a, lo))).toEqual([500, 1000, 2000]);
    expect(backoffMs(DEFAULT_RETRY, 3, hi)).toBe(4000);
    expect(backoffMs(DEFAULT_RETRY, 20, hi)).toBe(DEFAULT_RETRY.maxMs);
  });

  it("an outage raises one alert per minute per topic, with the count of held ones", () => {
    let t = 0;
    const gate = new AlertGate(60_000, () => t);
    expect(gate.pass("failed", "a")).toBe("a");
    expect(gate.pass("failed", "b")).toBeUndefined();
    expect(gate.pass("bad_request", "c")).toBe("c");
    t = 61_000;
    expect(gate.pass("failed", "d")).toMatch(/^d\n\(\+1 /);
  });
});
