/**
 * A Telegram outage (HTTP 500 on every send) during a morning fan-out, scaled down in time:
 * the storm lasts seconds instead of 60 s, and the backoff is shortened through `retry`
 * (scripts/bench-fanout.ts --storm500 60 runs the real length with the default policy).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resendButton } from "../../src/render/callbackData.js";
import { enqueue } from "../../src/delivery/outbox.js";
import { resendGivenUp } from "../../src/delivery/resend.js";
import { sentCounts, startWorld, type World } from "./setup.js";

const CHATS = Array.from({ length: 220 }, (_, i) => -3000 - i);
/** Short steps so the scaled storm is many retries long; probes at most 150 ms apart. */
const RETRY = { baseMs: 30, maxMs: 300, probeMaxMs: 150 };
/**
 * The old worker gave up after `maxAttempts` (6, about 31 s with its 1 s…60 s steps), which a
 * 60 s storm outlasted. Scaled to a 3 s storm its budget is scaled too: it honoured this
 * option (it lost chats with it); the worker now has no attempt bound and ignores it.
 */
const OLD_BUDGET = { maxAttempts: 2 };
const FAST = {
  global: 200,
  globalWindowMs: 1_000,
  group: 20,
  groupWindowMs: 61_000,
  private: 1,
  privateWindowMs: 1_050,
};

let w: World;
let keyboards: unknown[];
beforeEach(async () => {
  w = await startWorld();
  keyboards = [];
});
afterEach(async () => w.stop());

async function morning(ids: number[], usefulUntil?: Date): Promise<void> {
  for (const id of ids) {
    await enqueue(w.db.prisma, {
      dedupKey: `reminder:2026-12-07:chat:${id}`,
      chatId: BigInt(id),
      kind: "reminder",
      method: "sendMessage",
      payload: { text: "Nhắc nộp số liệu" },
      ...(usefulUntil ? { usefulUntil } : {}),
    });
  }
}

/** HTTP 500 on every call from now until `ms` later; resolves with the instant it ended. */
function storm500(ms: number): Promise<number> {
  w.emu.faults.add({ method: "*", times: 1e9, fault: { kind: "server_error", status: 500 } });
  return new Promise((resolve) =>
    setTimeout(() => {
      w.emu.faults.clear();
      resolve(performance.now());
    }, ms),
  );
}

describe("a Telegram outage (HTTP 500 on every send)", () => {
  it("during a fan-out to 220 chats: every chat gets its message exactly once, promptly after recovery", {
    timeout: 60_000,
  }, async () => {
    await w.addGroups(CHATS);
    await morning(CHATS);
    const ended = storm500(3_000);
    const firstAfter: number[] = [];
    w.emu.on("request", (r) => {
      if (r.method === "sendMessage" && r.status === 200 && firstAfter.length === 0) firstAfter.push(performance.now());
    });
    const stats = await w.worker({ retry: { ...RETRY, ...OLD_BUDGET }, limits: FAST }).drainOnce();
    const endedAt = await ended;
    expect(sentCounts(w.emu, CHATS)).toEqual(CHATS.map(() => 1));
    expect(stats).toMatchObject({ sent: CHATS.length, failed: 0 });
    expect(stats.retried).toBeGreaterThan(0);
    expect(await w.db.prisma.outboxMessage.count({ where: { status: "sent" } })).toBe(CHATS.length);
    expect(w.alerts).toEqual([]);
    // Re-driven after recovery: the first send lands within a probe interval (plus slack for a loaded machine).
    expect((firstAfter[0] ?? Infinity) - endedAt).toBeLessThan(1_500);
  });

  it("outlasting the messages' useful-until: all given up, ONE summary alert that counts them, with resend buttons", {
    timeout: 30_000,
  }, async () => {
    const ids = CHATS.slice(0, 30);
    await w.addGroups(ids);
    await morning(ids, new Date(Date.now() + 1_200));
    w.emu.faults.add({ method: "*", times: 1e9, fault: { kind: "server_error", status: 500 } });
    const stats = await w
      .worker({
        retry: RETRY,
        onAdminAlert: (text, kb) => {
          w.alerts.push(text);
          keyboards.push(kb);
        },
      })
      .drainOnce();
    expect(stats).toMatchObject({ sent: 0, failed: ids.length });
    expect(
      await w.db.prisma.outboxMessage.count({ where: { status: "failed", lastError: { startsWith: "expired: 500" } } }),
    ).toBe(ids.length);
    expect(w.alerts).toHaveLength(1);
    expect(w.alerts[0]).toContain("30 tin không gửi được");
    expect(w.alerts[0]).toContain("30 nhắc việc buổi sáng");
    expect(JSON.stringify(keyboards[0])).toContain("rs:u:");
    // Nothing is retried after the give-up, however long the worker keeps looking.
    const calls = w.emu.calls("sendMessage");
    await w.worker().drainOnce();
    expect(w.emu.calls("sendMessage")).toBe(calls);
  });

  it("the resend: still-useful ones re-queued and sent once; one already replaced only with 'all'", {
    timeout: 30_000,
  }, async () => {
    const ids = CHATS.slice(0, 5);
    await w.addGroups(ids);
    await morning(ids, new Date(Date.now() + 800));
    w.emu.faults.add({ method: "*", times: 1e9, fault: { kind: "server_error", status: 500 } });
    await w
      .worker({
        retry: RETRY,
        onAdminAlert: (text, kb) => {
          w.alerts.push(text);
          keyboards.push(kb);
        },
      })
      .drainOnce();
    w.emu.faults.clear();
    const replaced = ids[0] ?? 0;
    await enqueue(w.db.prisma, {
      dedupKey: `reminder:2026-12-08:chat:${replaced}`,
      chatId: BigInt(replaced),
      kind: "reminder",
      method: "sendMessage",
      payload: { text: "Nhắc ngày mới" },
    });
    await w.worker().drainOnce();
    expect(sentCounts(w.emu, ids)).toEqual([1, 0, 0, 0, 0]);

    const data = (JSON.stringify(keyboards[0]).match(/rs:u:\d+:\d+/) ?? [""])[0];
    const press = resendButton.parse(data);
    expect(press).toMatchObject({ action: "useful" });
    if (!press) return;
    const now = new Date();
    expect(await resendGivenUp(w.db.prisma, { ...press, all: false, now })).toEqual({ requeued: 4, superseded: 1 });
    expect(await resendGivenUp(w.db.prisma, { ...press, all: false, now })).toEqual({ requeued: 0, superseded: 1 });
    await w.worker().drainOnce();
    expect(sentCounts(w.emu, ids)).toEqual([1, 1, 1, 1, 1]);
    expect(await resendGivenUp(w.db.prisma, { ...press, all: true, now })).toEqual({ requeued: 1, superseded: 0 });
    await w.worker().drainOnce();
    expect(sentCounts(w.emu, ids)).toEqual([2, 1, 1, 1, 1]);
    expect(w.emu.botMessages(replaced).map((m) => m.text)).toEqual(["Nhắc ngày mới", "Nhắc nộp số liệu"]);
  });

  it("one chat's 5xx while others go through backs off that chat only, until it recovers", async () => {
    const ids = CHATS.slice(0, 10);
    await w.addGroups(ids);
    w.emu.faults.add({ method: "sendMessage", chatId: ids[0], times: 6, fault: { kind: "server_error", status: 500 } });
    await morning(ids);
    const stats = await w.worker({ retry: { baseMs: 20, maxMs: 100 } }).drainOnce();
    expect(stats).toMatchObject({ sent: 10, retried: 6, failed: 0 });
    expect(sentCounts(w.emu, ids)).toEqual(ids.map(() => 1));
  });
});

describe("callback data of the resend buttons", () => {
  it("round-trips and refuses what the bot never wrote", () => {
    const v = { action: "askAll" as const, first: 12, last: 3456 };
    expect(resendButton.parse(resendButton.encode(v))).toEqual(v);
    for (const bad of [
      "rs:u:5:4",
      "rs:u:0:4",
      "rs:z:1:2",
      "rs:u:1:99999999999",
      "rs:u:1:2:3",
      "rs:u:01:2",
      "rs:u:1:2000002",
      undefined,
    ]) {
      expect(resendButton.parse(bad)).toBeNull();
    }
  });
});
