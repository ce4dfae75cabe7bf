/** Several instances on one database (docs/SCHEDULES.md): atomic claims, no message sent twice. */
import { Api } from "grammy";
import { botApiClient } from "../../src/bot/botApiFetch.js";
import pino from "pino";
import { afterEach, beforeEach, expect, it } from "vitest";
import { systemClock } from "../../src/clock.js";
import { openDatabase, type OpenedDb } from "../../src/db/client.js";
import { enqueue } from "../../src/delivery/outbox.js";
import { createDeliveryWorker } from "../../src/delivery/worker.js";
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

it("three workers with their own connections drain one outbox: each chat gets one message", async () => {
  for (const id of GROUPS) {
    await enqueue(w.db.prisma, {
      dedupKey: `digest:2026-W47:chat:${id}`,
      chatId: BigInt(id),
      kind: "digest",
      method: "sendMessage",
      payload: { text: "Tổng hợp" },
    });
  }
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
