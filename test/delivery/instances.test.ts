/** Several instances on one database (docs/SCHEDULES.md): atomic claims, no message sent twice. */
import { Api } from "grammy";
import { botApiClient } from "../../src/bot/botApiFetch.js";
import pino from "pino";
import { afterEach, beforeEach, expect, it } from "vitest";
import { systemClock } from "../../src/clock.js";
import { openDatabase, type OpenedDb } from "../../src/db/client.js";
import { enqueue } from "../../src/delivery/outbox.js";
import { createDeliveryWorker } from "../../src/delivery/worker.js";
import { intercept, sqlOf } from "./counting.js";
import { sentCounts, startWorld, TOKEN, type World } from "./setup.js";

const GROUPS = Array.from({ length: 150 }, (_, i) => -300_000 - i);
const FAST = {
  global: 300,
  globalWindowMs: 1000,
  group: 20,
  groupWindowMs: 61_000,
  private: 1,
  privateWindowMs: 1_050,
};

let w: World;
const extra: OpenedDb[] = [];
beforeEach(async () => {
  w = await startWorld();
  await w.addGroups(GROUPS);
});
afterEach(async () => {
  for (const db of extra.splice(0)) await db.close();
  await w.stop();
});

/** One digest row queued for each group. */
async function queueDigests(): Promise<void> {
  for (const id of GROUPS) {
    await enqueue(w.db.prisma, {
      dedupKey: `digest:2026-W47:chat:${id}`,
      chatId: BigInt(id),
      kind: "digest",
      method: "sendMessage",
      payload: { text: "Tổng hợp" },
    });
  }
}

it("three workers with their own connections drain one outbox: each chat gets one message", async () => {
  await queueDigests();
  const workers = await Promise.all(
    ["a", "b", "c"].map(async (name) => {
      const db = await openDatabase(w.db.url);
      extra.push(db);
      return createDeliveryWorker({
        prisma: db.prisma,
        dialect: db.dialect,
        api: new Api(TOKEN, botApiClient(w.emu.url)),
        logger: pino({ level: "silent" }),
        clock: systemClock,
        instanceId: name,
        onAdminAlert: () => undefined,
        limits: FAST,
        batchSize: 10,
      });
    }),
  );
  const stats = await Promise.all(workers.map((wk) => wk.drainOnce()));
  expect(stats.reduce((a, s) => a + s.sent, 0)).toBe(GROUPS.length);
  expect(stats.filter((s) => s.sent > 0).length).toBeGreaterThan(1);
  expect(sentCounts(w.emu, GROUPS).every((n) => n === 1)).toBe(true);
});

it("one worker's loop and a drainOnce claiming at the same instant (as the harness's idle() does): each chat gets one message", async () => {
  await queueDigests();
  // The first two claims are held until both are asked, then go to the database together: on
  // PostgreSQL the pool runs them on two connections. A worker told the wrong dialect (no SKIP
  // LOCKED) had both claim the same rows and send them twice.
  const waiting: (() => void)[] = [];
  const prisma = intercept(w.db.prisma, {
    $queryRaw: async (call, args) => {
      if (sqlOf(args).includes(`SET "lockedBy"`) && waiting.length < 2) {
        await new Promise<void>((go) => {
          waiting.push(go);
          if (waiting.length === 2) for (const g of waiting) g();
        });
      }
      return call();
    },
  });
  const worker = w.worker({ prisma, limits: FAST, batchSize: 50, idlePollMs: 5 });
  worker.start();
  await worker.drainOnce();
  await w.emu.waitFor(() => sentCounts(w.emu, GROUPS).every((n) => n > 0), { label: "every chat's message" });
  await worker.stop();
  expect(waiting).toHaveLength(2);
  expect(sentCounts(w.emu, GROUPS).filter((n) => n !== 1)).toEqual([]);
  expect(worker.stats().sent).toBe(GROUPS.length);
});
