/**
 * Chats side by side with the real bot (createBot: the ProcessedUpdate guard, chat tracking, the
 * features): a slow update in one chat holds neither another chat's answer nor the poll offset —
 * it is confirmed to Telegram once its row is written, like detached work.
 */
import { Composer } from "grammy";
import { afterEach, beforeEach, expect, it } from "vitest";
import type { BotContext } from "../../src/bot/context.js";
import { createBot } from "../../src/bot/createBot.js";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { startLeaderPolling, type LeaderPolling } from "../../src/instance/polling.js";
import { createLogger } from "../../src/logger.js";
import { createCatalogHolder } from "../../src/services/catalogHolder.js";
import type { AppDeps } from "../../src/services/context.js";
import { createAppServices } from "../../src/services/useCases.js";
import { createTestDb, type TestDb } from "../helpers/db.js";

const TOKEN = "123456789:TEST-guard-chats-token-AAAAAAAAAAAAAAAAA";
const BOT_ID = BigInt(TOKEN.split(":")[0] ?? "");
const A = 701;
const B = 702;

let db: TestDb;
let emu: Emulator;
let polling: LeaderPolling | undefined;
let open: () => void = () => undefined;
let slowStarted = false;

beforeEach(async () => {
  slowStarted = false;
  db = await createTestDb();
  emu = await startEmulator({ token: TOKEN, botUsername: "dondoc_test_bot" });
  for (const id of [A, B]) {
    emu.addUser({ id, firstName: "Cán bộ" });
    emu.addChat({ id, type: "private", firstName: "Cán bộ" });
  }
  const opened = new Promise<void>((resolve) => (open = resolve));
  const slow = new Composer<BotContext>();
  slow.command("cham", async (ctx) => {
    slowStarted = true;
    await opened; // a stand-in for a slow statement or a slow Bot API call
    await ctx.reply("xong");
  });
  const logger = createLogger("silent");
  const deps: AppDeps = {
    prisma: db.prisma,
    catalog: await createCatalogHolder(db.prisma),
    clock: { now: () => new Date() },
    logger,
    adminIds: [],
    kickDelivery: () => undefined,
  };
  const bot = createBot(createAppServices(deps), {
    token: TOKEN,
    apiRoot: emu.url,
    botInfo: emu.bot,
    extraFeatures: [slow],
  });
  polling = await startLeaderPolling({ bot, prisma: db.prisma, logger, holder: "a", ttlMs: 3_000, pollTimeoutS: 1 });
});
afterEach(async () => {
  open();
  await polling?.stop();
  await emu.stop();
  await db.cleanup();
});

const status = async (updateId: number) =>
  (
    await db.prisma.processedUpdate.findUnique({
      where: { botId_updateId: { botId: BOT_ID, updateId: BigInt(updateId) } },
    })
  )?.status;

it("a slow update is confirmed once marked, and holds no other chat's answer", async () => {
  const { updateId: slowId = 0 } = emu.injectText({ chatId: A, fromId: A, text: "/cham" });
  await emu.waitFor(() => slowStarted, { timeoutMs: 5_000, label: "slow update running" });
  const t = performance.now();
  const { updateId: fastId = 0 } = emu.injectText({ chatId: B, fromId: B, text: "/id" });
  await emu.waitForMessages(B, 1, 5_000);
  expect(performance.now() - t).toBeLessThan(1_000);
  await expect.poll(() => emu.pendingUpdates()).toBe(0); // both confirmed, the slow one still running
  expect(await status(slowId)).toBe("processing");
  await expect.poll(() => status(fastId)).toBe("done");

  open();
  await emu.waitForMessages(A, 1, 5_000);
  await expect.poll(() => status(slowId)).toBe("done");
});
