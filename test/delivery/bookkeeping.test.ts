/**
 * A database hiccup right after Telegram accepted a message: `markSent` fails (SQLITE_BUSY under
 * another process's write lock, scaled from 10 s to 1,5 s) at the repo boundary, the way
 * counting.ts intercepts the worker's client. The write must be retried as a write: the chat
 * gets the message once.
 */
import { afterEach, beforeEach, expect, it } from "vitest";
import type { Db } from "../../src/db/client.js";
import { enqueue } from "../../src/delivery/outbox.js";
import { sentCounts, startWorld, type World } from "./setup.js";

let w: World;
const GROUPS = Array.from({ length: 12 }, (_, i) => -4000 - i);
beforeEach(async () => {
  w = await startWorld();
  await w.addGroups(GROUPS);
});
afterEach(async () => w.stop());

const sqlOf = (args: unknown[]): string => {
  const first = args[0];
  return Array.isArray(first) ? first.join("?") : String(first);
};

/** The worker's client, whose markSent statements fail like a locked SQLite for `lockMs` from the first one. */
function lockedForMarkSent(prisma: Db, lockMs: number): { prisma: Db; refused: () => number } {
  let lockedAt: number | undefined;
  let refused = 0;
  const wrapped = new Proxy(prisma, {
    get(t, prop) {
      const value: unknown = Reflect.get(t, prop, t);
      if (prop !== "$executeRaw" || typeof value !== "function")
        return typeof value === "function" ? value.bind(t) : value;
      const exec = value as (...args: unknown[]) => Promise<number>;
      return (...args: unknown[]) => {
        if (sqlOf(args).includes(`"status" = 'sent'`)) {
          lockedAt ??= performance.now();
          if (performance.now() - lockedAt < lockMs) {
            refused += 1;
            return Promise.reject(Object.assign(new Error("SqliteError: database is locked"), { code: "SQLITE_BUSY" }));
          }
        }
        return exec.apply(t, args);
      };
    },
  });
  return { prisma: wrapped, refused: () => refused };
}

it("markSent failing after Telegram accepted the message: recorded later, never sent twice", {
  timeout: 30_000,
}, async () => {
  for (const id of GROUPS) {
    await enqueue(w.db.prisma, {
      dedupKey: `reminder:2026-12-07:chat:${id}`,
      chatId: BigInt(id),
      kind: "reminder",
      method: "sendMessage",
      payload: { text: "Nhắc nộp số liệu" },
    });
  }
  const locked = lockedForMarkSent(w.db.prisma, 1_500);
  const stats = await w.worker({ prisma: locked.prisma }).drainOnce();
  expect(locked.refused()).toBeGreaterThan(1);
  expect(sentCounts(w.emu, GROUPS)).toEqual(GROUPS.map(() => 1));
  expect(stats).toMatchObject({ sent: GROUPS.length, failed: 0 });
  const rows = await w.db.prisma.outboxMessage.findMany({ where: { status: "sent" } });
  expect(rows).toHaveLength(GROUPS.length);
  expect(rows.every((r) => r.attempts === 0 && r.sentMessageId !== null)).toBe(true);
});

it("a write that stays refused past the lease margin: remembered, recorded before the next claim, not sent again", {
  timeout: 30_000,
}, async () => {
  const id = GROUPS[0] ?? 0;
  await enqueue(w.db.prisma, {
    dedupKey: "r",
    chatId: BigInt(id),
    kind: "reminder",
    method: "sendMessage",
    payload: { text: "Một lần" },
  });
  // A 2 s lease leaves 1,5 s for retries in place; the lock lasts 3 s, so the row's lease runs out meanwhile.
  const locked = lockedForMarkSent(w.db.prisma, 3_000);
  const worker = w.worker({ prisma: locked.prisma, leaseMs: 2_000, idlePollMs: 100 });
  worker.start();
  await w.emu.waitForMessages(id, 1);
  const deadline = performance.now() + 10_000;
  while ((await w.db.prisma.outboxMessage.findUniqueOrThrow({ where: { dedupKey: "r" } })).status !== "sent") {
    if (performance.now() > deadline) throw new Error("never recorded");
    await new Promise((r) => setTimeout(r, 50));
  }
  // The lease ran out during the lock: a resend would have been claimed at a look before the
  // row was recorded, or at the next one. That look, begun now, finds nothing to send.
  await worker.whenIdle();
  await worker.stop();
  expect(sentCounts(w.emu, [id])).toEqual([1]);
  expect(w.emu.calls("sendMessage")).toBe(1);
  expect(w.logs.some((l) => l.includes("sent, but not recorded yet"))).toBe(true);
});
