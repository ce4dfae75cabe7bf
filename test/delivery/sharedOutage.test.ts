/**
 * A Telegram outage seen by several instances on one database (src/delivery/sharedOutage.ts):
 * once one instance has declared it the others stop sending and wait for its probes; its first
 * success lets everyone go; a pause left by an instance that died lapses and another probes.
 * Time is scaled down like outage.test.ts: probes at most 150 ms apart.
 */
import { spawn } from "node:child_process";
import { Api } from "grammy";
import { botApiClient } from "../../src/bot/botApiFetch.js";
import pino from "pino";
import { afterEach, beforeEach, expect, it } from "vitest";
import { systemClock } from "../../src/clock.js";
import { openDatabase, type OpenedDb } from "../../src/db/client.js";
import { enqueue } from "../../src/delivery/outbox.js";
import { OUTAGE_LEASE } from "../../src/delivery/sharedOutage.js";
import { createDeliveryWorker, type DeliveryWorker } from "../../src/delivery/worker.js";
import { sentCounts, startWorld, TOKEN, type World } from "./setup.js";

const RETRY = { baseMs: 30, maxMs: 300, probeMaxMs: 150 };
/** Slow enough (≈ 3 s for 120 chats alone) that the second instance has its share to send after recovery. */
const LIMITS = {
  global: 40,
  globalWindowMs: 1_000,
  group: 20,
  groupWindowMs: 61_000,
  private: 1,
  privateWindowMs: 1_050,
};

let w: World;
const extra: OpenedDb[] = [];
const running: DeliveryWorker[] = [];
beforeEach(async () => {
  w = await startWorld();
});
afterEach(async () => {
  for (const wk of running.splice(0)) await wk.stop();
  for (const db of extra.splice(0)) await db.close();
  await w.stop();
});

async function morning(ids: number[]): Promise<void> {
  await w.addGroups(ids);
  for (const id of ids) {
    await enqueue(w.db.prisma, {
      dedupKey: `reminder:2026-12-07:chat:${id}`,
      chatId: BigInt(id),
      kind: "reminder",
      method: "sendMessage",
      payload: { text: "Nhắc nộp số liệu" },
    });
  }
}

const storm = (): void => w.emu.faults.add({ method: "*", times: 1e9, fault: { kind: "server_error", status: 500 } });
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const outageRow = () => w.db.prisma.lease.findUnique({ where: { name: OUTAGE_LEASE } });

async function until(probe: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const end = performance.now() + timeoutMs;
  while (performance.now() < end) {
    if (await probe()) return true;
    await sleep(20);
  }
  return false;
}

/** An instance: its own connection and its own Api, whose sendMessage calls are logged. */
async function instance(
  name: string,
): Promise<{ worker: DeliveryWorker; sends: { at: number; ok: boolean; startedAt: number }[] }> {
  const db = await openDatabase(w.db.url);
  extra.push(db);
  const api = new Api(TOKEN, botApiClient(w.emu.url));
  /** `at`: answered (performance.now); `startedAt`: the attempt began (wall clock, as leases are). */
  const sends: { at: number; ok: boolean; startedAt: number }[] = [];
  api.config.use(async (prev, method, payload, signal) => {
    const startedAt = Date.now();
    const res = await prev(method, payload, signal);
    if (method === "sendMessage") sends.push({ at: performance.now(), ok: res.ok, startedAt });
    return res;
  });
  const worker = createDeliveryWorker({
    prisma: db.prisma,
    dialect: db.dialect,
    api,
    logger: pino({ level: "silent" }),
    clock: systemClock,
    instanceId: name,
    onAdminAlert: () => undefined,
    retry: RETRY,
    limits: LIMITS,
    batchSize: 20,
    idlePollMs: 100,
  });
  running.push(worker);
  return { worker, sends };
}

it("two instances: B sends nothing once A has declared the outage; both resume promptly; each chat once", {
  timeout: 60_000,
}, async () => {
  const ids = Array.from({ length: 120 }, (_, i) => -400_000 - i);
  await morning(ids);
  storm();
  const a = await instance("a");
  const b = await instance("b");
  a.worker.start();
  // A has found the outage and published it (the old code, where each instance found it alone, published nothing).
  await until(async () => (await outageRow())?.holder === "a", 10_000);
  b.worker.start();
  const bStarted = performance.now();
  const aBefore = a.sends.length;
  // A keeps probing (every ≤ 150 ms); B, at each of its looks, sees A's pause and has not tried once.
  for (let look = 0; look < 3; look++) await b.worker.whenIdle();
  expect(await until(async () => a.sends.length - aBefore > 3, 10_000)).toBe(true);
  expect(b.sends.filter((s) => s.at >= bStarted)).toEqual([]);

  w.emu.faults.clear();
  const ended = performance.now();
  const total = (): number => sentCounts(w.emu, ids).reduce((x, y) => x + y, 0);
  expect(await until(async () => total() >= ids.length, 20_000)).toBe(true);
  // Nothing further goes out: each instance's next look finds nothing due.
  await Promise.all([a.worker.whenIdle(), b.worker.whenIdle()]);
  expect(sentCounts(w.emu, ids)).toEqual(ids.map(() => 1));
  expect(await w.db.prisma.outboxMessage.count({ where: { status: "sent" } })).toBe(ids.length);
  expect(await outageRow()).toBeNull();
  const firstOk = (s: { at: number; ok: boolean }[]): number =>
    (s.find((x) => x.ok && x.at >= ended)?.at ?? Infinity) - ended;
  // A's next probe (≤ 150 ms), B at its next look (every 250 ms); slack for a loaded machine.
  expect(firstOk(a.sends)).toBeLessThan(1_500);
  expect(firstOk(b.sends)).toBeLessThan(2_500);
});

it("the pause of an instance killed during the outage lapses: another takes over, probes, sends everything once", {
  timeout: 60_000,
}, async () => {
  const ids = Array.from({ length: 30 }, (_, i) => -410_000 - i);
  await morning(ids);
  storm();
  const child = spawn(process.execPath, ["--import", "tsx", "test/delivery/fixtures/crashWorker.ts"], {
    env: {
      ...process.env,
      CRASH_DB_URL: w.db.url,
      CRASH_API_ROOT: w.emu.url,
      CRASH_TOKEN: TOKEN,
      CRASH_LEASE_MS: "1000",
      CRASH_RETRY: JSON.stringify({ ...RETRY, outageTakeoverMs: 1_500 }),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    expect(await until(async () => (await outageRow())?.holder === "doomed", 30_000)).toBe(true);
  } finally {
    child.kill("SIGKILL");
    await exited;
  }
  // B's attempts are counted by B's own Api: a request the dead process had on the wire is not one.
  const left = await outageRow();
  const lapses = left?.expiresAt.getTime() ?? 0;
  expect(lapses).toBeGreaterThan(Date.now());
  // Telegram is back, but nobody probes: the dead instance's pause holds the others until it lapses.
  w.emu.faults.clear();
  const b = await instance("b");
  b.worker.start();
  expect(await until(async () => sentCounts(w.emu, ids).every((n) => n === 1), 15_000)).toBe(true);
  const attempts = b.sends.map((s) => s.startedAt);
  expect(Math.min(...attempts)).toBeGreaterThanOrEqual(lapses - 20);
  expect(Math.min(...attempts) - lapses).toBeLessThan(1_500);
  expect(sentCounts(w.emu, ids)).toEqual(ids.map(() => 1));
  expect(await outageRow()).toBeNull();
});
