/**
 * Lease-guarded long polling in process (docs/PERFORMANCE.md): two instances on one database and one
 * emulator; only the lease holder calls getUpdates, a graceful stop hands over at once, a lost
 * lease stops polling, and every update is handled exactly once across the handover.
 * (Crash takeover through real processes: test/instances/failover.test.ts.)
 */
import { Bot } from "grammy";
import pino from "pino";
import { afterEach, beforeEach, expect, it } from "vitest";
import { openDatabase, type OpenedDb } from "../../src/db/client.js";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { POLLING_LEASE, startLeaderPolling, type LeaderPolling } from "../../src/instance/polling.js";
import { createTestDb, type TestDb } from "../helpers/db.js";

const TOKEN = "123456789:TEST-lease-token-AAAAAAAAAAAAAAAAAAAAAAA";
const USER = 501;
const TTL = 1_500;

let db: TestDb;
let other: OpenedDb;
let emu: Emulator;
const handled: { by: string; updateId: number; at: number }[] = [];
const conflicts: number[] = [];
const running: LeaderPolling[] = [];

beforeEach(async () => {
  handled.length = 0;
  conflicts.length = 0;
  db = await createTestDb();
  other = await openDatabase(db.url, { poolMax: 2 });
  emu = await startEmulator({ token: TOKEN, botUsername: "dondoc_test_bot" });
  emu.addUser({ id: USER, firstName: "Cán bộ" });
  emu.addChat({ id: USER, type: "private", firstName: "Cán bộ" });
  emu.on("request", (r: { method: string; status: number }) => {
    if (r.method === "getUpdates" && r.status === 409) conflicts.push(Date.now());
  });
});
afterEach(async () => {
  for (const p of running.splice(0)) await p.stop();
  await emu.stop();
  await other.close();
  await db.cleanup();
});

async function instance(name: string, prisma: OpenedDb["prisma"]): Promise<LeaderPolling> {
  const bot = new Bot(TOKEN, { botInfo: emu.bot, client: { apiRoot: emu.url } });
  bot.on("message:text", async (ctx) => {
    handled.push({ by: name, updateId: ctx.update.update_id, at: Date.now() });
    await ctx.reply(`đã nhận ${ctx.message.text}`);
  });
  const p = await startLeaderPolling({
    bot,
    prisma,
    logger: pino({ level: "silent" }),
    holder: name,
    ttlMs: TTL,
    pollTimeoutS: 1,
  });
  running.push(p);
  return p;
}

async function say(n: number, from: number): Promise<void> {
  for (let i = 0; i < n; i++) emu.injectText({ chatId: USER, fromId: USER, text: `/nop ${from + i}` });
  await emu.waitForMessages(USER, from + n - 1, 10_000); // total bot messages so far
}

it("only the lease holder polls; a graceful stop hands over at once; each update handled once", async () => {
  const a = await instance("a", db.prisma);
  const b = await instance("b", other.prisma);
  expect([a.isPolling(), b.isPolling()]).toEqual([true, false]);
  await say(5, 1);
  expect(handled.map((h) => h.by)).toEqual(["a", "a", "a", "a", "a"]);

  const t = Date.now();
  await a.stop();
  await emu.waitFor(() => b.isPolling(), { timeoutMs: 5_000, label: "b polls" });
  expect(Date.now() - t).toBeLessThan(TTL); // released, not expired
  await say(5, 6);
  expect(handled.slice(5).every((h) => h.by === "b")).toBe(true);
  expect(new Set(handled.map((h) => h.updateId)).size).toBe(10);
  expect(conflicts).toEqual([]);
});

it("an instance whose lease is taken away stops polling; a lapsed lease is picked up again", async () => {
  const a = await instance("a", db.prisma);
  expect(a.isPolling()).toBe(true);
  const lapses = Date.now() + 2_000;
  await db.prisma.lease.update({
    where: { name: POLLING_LEASE },
    data: { holder: "intruder", expiresAt: new Date(lapses) },
  });
  await emu.waitFor(() => !a.isPolling(), { timeoutMs: 5_000, label: "a stops" });
  emu.injectText({ chatId: USER, fromId: USER, text: "/nop while nobody polls" });
  await emu.waitFor(() => a.isPolling(), { timeoutMs: 6_000, label: "a polls again" });
  await emu.waitForMessages(USER, 1, 5_000);
  expect(handled.map((h) => h.by)).toEqual(["a"]);
  // Nobody took the update while the intruder held the lease: it was handled after that lapsed.
  expect(handled[0]?.at).toBeGreaterThanOrEqual(lapses);
});
