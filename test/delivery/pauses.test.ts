/**
 * Chats that cannot send for a while — a 429 retry_after, a retry backoff, a group's minute
 * allowance spent — as an operator sees them: the rows wait in the database with notBefore,
 * healthy chats keep going, every instance respects the pause, each message goes once and in
 * order when the pause ends, and the worker does not spin meanwhile.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { enqueue } from "../../src/delivery/outbox.js";
import { countingPrisma, intercept, sqlOf } from "./counting.js";
import { sentCounts, startWorld, type World } from "./setup.js";
import { timeWarp } from "./timeWarp.js";

const FAST = {
  global: 300,
  globalWindowMs: 1000,
  group: 20,
  groupWindowMs: 61_000,
  private: 1,
  privateWindowMs: 1_050,
};

let w: World;
beforeEach(async () => {
  w = await startWorld();
});
afterEach(async () => w.stop());

async function addPrivateChats(ids: number[]): Promise<void> {
  for (const id of ids) w.emu.addChat({ id, type: "private", firstName: `Cán bộ ${id}` });
  await w.db.prisma.chat.createMany({
    data: ids.map((id) => ({ chatId: BigInt(id), type: "private", kind: "private" })),
  });
}

async function push(chatId: number, dedupKey: string, text: string): Promise<void> {
  await enqueue(w.db.prisma, {
    dedupKey,
    chatId: BigInt(chatId),
    kind: "digest",
    method: "sendMessage",
    payload: { text },
  });
}

interface Answer {
  status: number;
  /** On the worker's time line (real time unless the test moves it). */
  at: number;
  /** Date.now(): the application clock's time while a test has not moved it. */
  wall: number;
}

/** When each chat's sendMessage calls were answered, and with what status. */
function answers(now: () => number = () => performance.now()): Map<number, Answer[]> {
  const seen = new Map<number, Answer[]>();
  w.emu.on("request", (r) => {
    if (r.method !== "sendMessage" || r.chatId === undefined) return;
    seen.set(r.chatId, [...(seen.get(r.chatId) ?? []), { status: r.status, at: now(), wall: Date.now() }]);
  });
  return seen;
}

/** Polls a database condition (the emulator's waitFor only re-checks synchronous probes). */
async function eventually(probe: () => Promise<boolean>, label: string, timeoutMs = 5_000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!(await probe())) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const texts = (chatId: number): string[] => w.emu.botMessages(chatId).map((m) => m.text ?? (m.photo ? "[ảnh]" : ""));

describe("paused chats wait in the database", () => {
  it("an outage pausing more chats than a claim can exclude: healthy chats go at once, paused ones once after their pause, no spinning", {
    timeout: 90_000,
  }, async () => {
    // 600 > MAX_EXCLUDED (500). Private chats: one message there fills the chat's own limit,
    // so Telegram's 429 is taken as that chat's (a quiet group's 429 pauses the whole bot).
    const paused = Array.from({ length: 600 }, (_, i) => 800_001 + i);
    const healthy = Array.from({ length: 20 }, (_, i) => -900_001 - i);
    // The worker runs on a time line the test moves (timeWarp), so the pause costs no wall time:
    // it is long enough for the first pass (1,240 statements) to end before it on a very busy
    // machine, which is what lets "healthy went first" be observed; then the test jumps past it.
    const RETRY_AFTER_S = 60;
    const warp = timeWarp();
    await addPrivateChats(paused);
    await w.addGroups(healthy);
    for (const id of paused)
      w.emu.faults.add({
        method: "sendMessage",
        chatId: id,
        fault: { kind: "retry_after", retryAfter: RETRY_AFTER_S },
      });
    // The healthy chats' rows are queued last: claims go in id order, so a worker that kept
    // claiming paused rows would starve them.
    for (const id of [...paused, ...healthy]) await push(id, `digest:2026-W47:chat:${id}`, "Tổng hợp tuần 47");
    const seen = answers(warp.timeline.now);
    const counted = countingPrisma(w.db.prisma);
    // The production loop (start, default 2 s idle poll), not drainOnce: its claims are the ones
    // that must not spin.
    const timed = { clock: warp.clock, timeline: warp.timeline };
    const worker = w.worker({ prisma: counted.prisma, limits: FAST, ...timed });
    const started = warp.timeline.now();
    worker.start();

    await w.emu.waitFor(() => sentCounts(w.emu, healthy).every((n) => n === 1), {
      timeoutMs: 60_000,
      label: "healthy chats delivered",
    });
    expect(sentCounts(w.emu, paused).every((n) => n === 0)).toBe(true);
    expect(
      await w.db.prisma.outboxMessage.count({
        where: { status: "pending", lockedBy: null, notBefore: { gt: new Date() } },
      }),
    ).toBe(paused.length);
    // Each paused chat's rows wait in the database until retry_after has passed since its 429.
    const rows = await w.db.prisma.outboxMessage.findMany({ where: { chatId: { in: paused.map(BigInt) } } });
    const early = rows.filter(
      (r) => r.notBefore.getTime() < (seen.get(Number(r.chatId))?.[0]?.wall ?? Infinity) + RETRY_AFTER_S * 1000,
    );
    expect(early.map((r) => r.dedupKey)).toEqual([]);

    // 10 ms before the first refused chat may send again: nothing paused is due — not in the
    // database (another worker claims nothing), not in this worker — then past every pause.
    const refusedAt = paused.map((id) => seen.get(id)?.[0]?.at ?? Number.NaN);
    expect(refusedAt.every(Number.isFinite)).toBe(true);
    warp.advanceTo(Math.min(...refusedAt) + RETRY_AFTER_S * 1000 - 10);
    expect(await w.worker({ limits: FAST, ...timed }).drainOnce()).toMatchObject({ sent: 0 });
    expect(sentCounts(w.emu, paused).every((n) => n === 0)).toBe(true);
    warp.advanceTo(Math.max(...refusedAt) + RETRY_AFTER_S * 1000);

    await w.emu.waitFor(() => sentCounts(w.emu, paused).every((n) => n === 1), {
      timeoutMs: 60_000,
      label: "paused chats delivered",
    });
    await worker.stop();
    const ranMs = warp.timeline.now() - started;
    expect(worker.stats()).toMatchObject({
      sent: paused.length + healthy.length,
      rateLimited: paused.length,
      failed: 0,
      dropped: 0,
    });
    expect(sentCounts(w.emu, [...paused, ...healthy]).every((n) => n === 1)).toBe(true);
    for (const id of paused) {
      const [refused, accepted, ...more] = seen.get(id) ?? [];
      expect(refused?.status).toBe(429);
      expect(more).toEqual([]);
      // retry_after honoured (a few ms of slack: the clock and the timers round differently).
      expect((accepted?.at ?? 0) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000 - 5);
    }
    // No spinning: every row claimed became one request to Telegram, and the claims are the
    // batches, the idle polls and a wake-up per 250 ms of refusals (≈ 21 + 8 + 25 here).
    expect(counted.counts.claimedRows).toBe(w.emu.calls("sendMessage"));
    expect(w.emu.calls("sendMessage")).toBe(2 * paused.length + healthy.length);
    expect(counted.counts.claims).toBeLessThan(150);
    // One sweep at start, then one per 30 s on the time line (INACTIVE_SWEEP_MS in src/delivery/worker.ts),
    // never one per claim: a loaded machine that stretches the run past 30 s sees a second.
    expect(counted.counts.sweeps).toBeGreaterThanOrEqual(1);
    expect(counted.counts.sweeps).toBeLessThanOrEqual(1 + Math.floor(ranMs / 30_000));
  });

  it("another instance does not send into a chat's pause; the paused worker wakes for it without a poll or a kick", async () => {
    const P = 810_001;
    await addPrivateChats([P]);
    w.emu.faults.add({ method: "sendMessage", chatId: P, fault: { kind: "retry_after", retryAfter: 4 } });
    await push(P, "reminder:P", "Nhắc nộp số liệu");
    const warp = timeWarp();
    const timed = { clock: warp.clock, timeline: warp.timeline };
    const seen = answers(warp.timeline.now);
    const a = w.worker({ idlePollMs: 60_000, ...timed });
    a.start();
    a.kick();
    await w.emu.waitFor(() => seen.get(P)?.length === 1, { label: "the 429" });
    const refusedAt = seen.get(P)?.[0]?.at ?? 0;
    await eventually(
      async () =>
        (await w.db.prisma.outboxMessage.count({ where: { dedupKey: "reminder:P", status: "pending" } })) === 1,
      "row given back",
    );
    const row = await w.db.prisma.outboxMessage.findUniqueOrThrow({ where: { dedupKey: "reminder:P" } });
    expect(row).toMatchObject({ status: "pending", lockedBy: null });
    expect(row.notBefore.getTime()).toBeGreaterThanOrEqual((seen.get(P)?.[0]?.wall ?? Infinity) + 4_000);

    expect(await w.worker(timed).drainOnce()).toMatchObject({ sent: 0 });
    expect(seen.get(P)).toHaveLength(1);
    // 10 ms before the pause ends (on the time line the test moves): still not due for anyone.
    warp.advanceTo(refusedAt + 4_000 - 10);
    expect(await w.worker(timed).drainOnce()).toMatchObject({ sent: 0 });
    expect(seen.get(P)).toHaveLength(1);
    warp.advanceTo(refusedAt + 4_000);

    // Waits past the bound below, so a late retry fails on the measured delay rather than on
    // this wait (whose clock starts a little after the 429); the 60 s poll would miss both.
    await w.emu.waitFor(() => seen.get(P)?.length === 2, { timeoutMs: 8_000, label: "the retry" });
    const waited = (seen.get(P)?.[1]?.at ?? 0) - refusedAt;
    expect(waited).toBeGreaterThanOrEqual(4_000 - 5);
    expect(waited).toBeLessThan(6_000); // the hold's timer, not the 60 s poll
    await a.stop();
    expect(sentCounts(w.emu, [P])).toEqual([1]);
  });

  it("a paused chat's messages keep their order, including one queued during the pause", async () => {
    const P = 820_001;
    await addPrivateChats([P]);
    const chart = await w.png(5);
    w.emu.faults.add({ method: "sendMessage", chatId: P, fault: { kind: "retry_after", retryAfter: 1 } });
    await push(P, "m1", "1");
    await enqueue(w.db.prisma, {
      dedupKey: "m2",
      chatId: BigInt(P),
      kind: "chart",
      method: "sendPhoto",
      payload: { photo: { blobId: chart } },
    });
    await push(P, "m3", "3");
    const seen = answers();
    const warp = timeWarp();
    const draining = w.worker({ clock: warp.clock, timeline: warp.timeline }).drainOnce();
    await w.emu.waitFor(() => seen.get(P)?.length === 1, { label: "the 429" });
    await push(P, "m4", "4");
    // The pause and the private chat's one message per 1,05 s then pass on the worker's time
    // line, twenty times as fast as on the wall clock: only their order is asserted here.
    const fast = setInterval(() => warp.advanceBy(100), 5);
    try {
      expect(await draining).toMatchObject({ sent: 4, rateLimited: 1 });
    } finally {
      clearInterval(fast);
    }
    expect(texts(P)).toEqual(["1", "[ảnh]", "3", "4"]);
  });

  it("a pause that ends while a claim is finding nothing (a busy machine): drainOnce looks again and sends", async () => {
    const P = 820_101;
    await addPrivateChats([P]);
    w.emu.faults.add({ method: "sendMessage", chatId: P, fault: { kind: "retry_after", retryAfter: 1 } });
    await push(P, "s1", "1");
    await push(P, "s2", "2");
    const warp = timeWarp();
    // The first claim that finds nothing (the chat is paused) takes 2 s on the time line: the
    // pause and its slack are over by the time the worker asks what it still holds.
    let slowed = false;
    const prisma = intercept(w.db.prisma, {
      $queryRaw: (call, args) =>
        (call() as Promise<unknown[]>).then((rows) => {
          if (!slowed && rows.length === 0 && sqlOf(args).includes(`SET "lockedBy"`)) {
            slowed = true;
            warp.advanceBy(2_000);
          }
          return rows;
        }),
    });
    const stats = await w.worker({ prisma, clock: warp.clock, timeline: warp.timeline }).drainOnce();
    expect(slowed).toBe(true);
    expect(stats).toMatchObject({ sent: 2, rateLimited: 1 });
    expect(texts(P)).toEqual(["1", "2"]);
  });

  it("a group whose allowance is spent for longer than the hold time waits in the database, not under a lease", {
    timeout: 20_000,
  }, async () => {
    const G = -830_001;
    await w.addGroups([G]);
    for (let i = 1; i <= 5; i++) await push(G, `g${i}`, String(i));
    const warp = timeWarp();
    const draining = w
      .worker({ limits: { ...FAST, group: 3, groupWindowMs: 6_500 }, clock: warp.clock, timeline: warp.timeline })
      .drainOnce();
    await w.emu.waitForMessages(G, 3);
    await eventually(
      async () => (await w.db.prisma.outboxMessage.count({ where: { status: "pending" } })) === 2,
      "rows 4–5 given back",
    );
    const waiting = await w.db.prisma.outboxMessage.findMany({ where: { status: "pending" }, orderBy: { id: "asc" } });
    expect(waiting.map((r) => r.dedupKey)).toEqual(["g4", "g5"]);
    for (const r of waiting) {
      expect(r.lockedBy).toBeNull();
      expect(r.notBefore.getTime()).toBeGreaterThan(Date.now() + 4_000);
    }
    // The minute's rest (6,5 s here) passes on the worker's time line, not on the wall clock.
    warp.advanceBy(6_500);
    expect(await draining).toMatchObject({ sent: 5 });
    expect(texts(G)).toEqual(["1", "2", "3", "4", "5"]);
  });

  it("a 5xx retry waits out its backoff in the database while other chats go on", async () => {
    const [bad, good] = [-840_001, -840_002];
    await w.addGroups([bad, good]);
    w.emu.faults.add({ method: "sendMessage", chatId: bad, fault: { kind: "server_error", status: 502 } });
    await push(bad, "bad", "Tổng hợp");
    await push(good, "good", "Tổng hợp");
    const start = Date.now();
    // Backoff of the first retry: between 1 s and 2 s (equal jitter over a 2 s step).
    const stats = await w.worker({ retry: { baseMs: 2_000, maxMs: 2_000 } }).drainOnce();
    expect(stats).toMatchObject({ sent: 2, retried: 1, failed: 0 });
    const rows = await w.db.prisma.outboxMessage.findMany({ orderBy: { id: "asc" } });
    const [b, g] = rows;
    expect(b).toMatchObject({ status: "sent", attempts: 1 });
    expect(b?.notBefore.getTime()).toBeGreaterThanOrEqual(start + 1_000);
    expect(b?.sentAt?.getTime()).toBeGreaterThanOrEqual(b?.notBefore.getTime() ?? Infinity);
    expect(g?.sentAt?.getTime() ?? Infinity).toBeLessThan(b?.notBefore.getTime() ?? 0); // not held up by the retry
  });
});
