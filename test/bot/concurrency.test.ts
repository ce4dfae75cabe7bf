/**
 * Chats served side by side (src/bot/concurrency.ts, src/instance/dispatch.ts): the lease-guarded
 * poll loop runs different chats' updates concurrently, each chat in order; a slow update in one
 * chat does not hold another chat's answer; an update only waiting in its chat's queue stays
 * unconfirmed, so a stop hands it to the next poller.
 */
import { Bot } from "grammy";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ChatQueues, chatKeyOf } from "../../src/bot/concurrency.js";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { startLeaderPolling, type LeaderPolling } from "../../src/instance/polling.js";
import { createTestDb, type TestDb } from "../helpers/db.js";

const TOKEN = "123456789:TEST-chats-token-AAAAAAAAAAAAAAAAAAAAAAA";
// Private chats: in a group the bot (privacy mode) would see only commands.
const CHATS = [601, 602, 603, 604, 605];
const logger = pino({ level: "silent" });

let db: TestDb;
let emu: Emulator;
const running: LeaderPolling[] = [];

beforeEach(async () => {
  db = await createTestDb();
  emu = await startEmulator({ token: TOKEN, botUsername: "dondoc_test_bot" });
  for (const id of CHATS) {
    emu.addUser({ id, firstName: "Cán bộ" });
    emu.addChat({ id, type: "private", firstName: "Cán bộ" });
  }
});
afterEach(async () => {
  for (const p of running.splice(0)) await p.stop();
  await emu.stop();
  await db.cleanup();
});

const bareBot = () => new Bot(TOKEN, { botInfo: emu.bot, client: { apiRoot: emu.url } });
async function poll(bot: Bot, holder: string): Promise<LeaderPolling> {
  const p = await startLeaderPolling({ bot, prisma: db.prisma, logger, holder, ttlMs: 3_000, pollTimeoutS: 1 });
  running.push(p);
  return p;
}
const gate = () => {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
};

describe("ChatQueues", () => {
  it("keeps each key in order and never runs more than the cap", async () => {
    const q = new ChatQueues(2);
    let now = 0;
    let most = 0;
    const seen: string[] = [];
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        q.enqueue(`k${i % 3}`, async () => {
          now += 1;
          most = Math.max(most, now);
          await new Promise((r) => setTimeout(r, (i * 7) % 5));
          seen.push(`k${i % 3}:${i}`);
          now -= 1;
        }),
      ),
    );
    expect(most).toBe(2);
    for (const k of ["k0", "k1", "k2"]) {
      const order = seen.filter((s) => s.startsWith(`${k}:`)).map((s) => Number(s.split(":")[1]));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });

  it("keys an update by its chat, else its user", () => {
    const chat = { id: -5, type: "group" as const, title: "x" };
    const from = { id: 9, is_bot: false, first_name: "A" };
    expect(chatKeyOf({ update_id: 1, message: { message_id: 1, date: 0, chat, from, text: "a" } })).toBe("c-5");
    expect(chatKeyOf({ update_id: 2, inline_query: { id: "q", from, query: "", offset: "" } })).toBe("u9");
  });
});

it("handles chats concurrently while each chat keeps its order", async () => {
  const bot = bareBot();
  const order = new Map<number, number[]>();
  let now = 0;
  let most = 0;
  bot.on("message:text", async (ctx) => {
    now += 1;
    most = Math.max(most, now);
    const n = Number(ctx.message.text);
    await new Promise((r) => setTimeout(r, (n * 13) % 17)); // uneven: a later update could overtake
    order.set(ctx.chat.id, [...(order.get(ctx.chat.id) ?? []), n]);
    now -= 1;
  });
  await poll(bot, "a");
  for (let n = 0; n < 100; n++)
    emu.injectText({ chatId: CHATS[n % CHATS.length] ?? 0, fromId: CHATS[n % CHATS.length] ?? 0, text: String(n) });
  await emu.waitFor(() => [...order.values()].flat().length === 100, { timeoutMs: 15_000, label: "all handled" });
  for (const chat of CHATS) {
    const got = order.get(chat) ?? [];
    expect(got).toHaveLength(20);
    expect(got).toEqual([...got].sort((a, b) => a - b));
  }
  expect(most).toBeGreaterThan(1);
});

it("a slow update in one chat does not hold another chat's answer", async () => {
  const bot = bareBot();
  const slow = gate();
  let slowStarted = false;
  bot.on("message:text", async (ctx) => {
    if (ctx.message.text === "chậm") {
      slowStarted = true;
      await slow.opened;
    }
    await ctx.reply(`đã nhận ${ctx.message.text}`);
  });
  await poll(bot, "a");
  const [A = 0, B = 0] = CHATS;
  emu.injectText({ chatId: A, fromId: A, text: "chậm" });
  await emu.waitFor(() => slowStarted, { timeoutMs: 5_000, label: "slow update running" });
  const t = performance.now();
  emu.injectText({ chatId: B, fromId: B, text: "/nop 1" });
  const [answer] = await emu.waitForMessages(B, 1, 5_000);
  expect(performance.now() - t).toBeLessThan(1_000);
  expect(answer?.text).toBe("đã nhận /nop 1");
  expect(emu.botMessages(A)).toHaveLength(0);
  slow.open();
  await emu.waitForMessages(A, 1, 5_000);
});

it("an update waiting behind its chat's running one stays unconfirmed: after a stop the next poller handles it", async () => {
  const handled: { by: string; text: string }[] = [];
  const seen = new Set<number>(); // stand-in for the ProcessedUpdate guard
  const slow = gate();
  let slowStarted = false;
  const make = (name: string) => {
    const bot = bareBot();
    bot.use(async (ctx, next) => {
      if (seen.has(ctx.update.update_id)) return;
      seen.add(ctx.update.update_id);
      await next();
    });
    bot.on("message:text", async (ctx) => {
      if (ctx.message.text === "chậm") {
        slowStarted = true;
        await slow.opened;
      }
      handled.push({ by: name, text: ctx.message.text });
    });
    return bot;
  };
  const a = await poll(make("a"), "a");
  const [A = 0, B = 0] = CHATS;
  emu.injectText({ chatId: A, fromId: A, text: "chậm" });
  await emu.waitFor(() => slowStarted, { timeoutMs: 5_000, label: "slow update running" });
  emu.injectText({ chatId: A, fromId: A, text: "sau" });
  emu.injectText({ chatId: B, fromId: B, text: "khác" });
  await emu.waitFor(() => handled.some((h) => h.text === "khác"), { timeoutMs: 5_000, label: "other chat answered" });
  expect(emu.pendingUpdates()).toBe(3); // nothing settled at the front: nothing confirmed

  const stopping = a.stop();
  slow.open();
  await stopping;
  expect(handled).toEqual([
    { by: "a", text: "khác" },
    { by: "a", text: "chậm" },
  ]);
  expect(emu.pendingUpdates()).toBe(2); // "sau" and, behind it, "khác" (a duplicate to skip)

  await poll(make("b"), "b");
  await emu.waitFor(() => handled.length === 3, { timeoutMs: 5_000, label: "b handles the rest" });
  expect(handled[2]).toEqual({ by: "b", text: "sau" });
});

it("waiting for a held-back update to settle leaves no abort listeners piling up on the poll's signal", async () => {
  // One chat's slow update holds the offset back, so every other update that settles makes the
  // loop fetch again, find nothing new and wait. Each wait once left a listener on the poll's
  // signal for 50 ms; a burst of them is what Node warns about as a leak.
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(w.name);
  process.on("warning", onWarning);
  try {
    const bot = bareBot();
    const slow = gate();
    let handled = 0;
    bot.on("message:text", async (ctx) => {
      if (ctx.message.text === "slow") await slow.opened;
      else await new Promise((r) => setTimeout(r, 5)); // settles spread out: one refetch and wait each
      handled += 1;
    });
    await poll(bot, "a");
    emu.injectText({ chatId: CHATS[0] ?? 0, fromId: CHATS[0] ?? 0, text: "slow" });
    for (let n = 0; n < 60; n++) {
      const chat = CHATS[1 + (n % (CHATS.length - 1))] ?? 0;
      emu.injectText({ chatId: chat, fromId: chat, text: String(n) });
    }
    await emu.waitFor(() => handled === 60, { timeoutMs: 15_000, label: "the fast ones handled" });
    slow.open();
    await emu.waitFor(() => handled === 61, { timeoutMs: 15_000, label: "the slow one handled" });
  } finally {
    process.off("warning", onWarning);
  }
  expect(warnings).not.toContain("MaxListenersExceededWarning");
});
