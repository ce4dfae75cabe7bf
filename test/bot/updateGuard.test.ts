/**
 * The update guard (src/bot/updateGuard.ts) never drops a new update: not after the Bot API side
 * restarts its counter on the same database, not for an id remembered under another bot or long
 * ago; a true redelivery is still handled once, and old rows are pruned.
 */
import type { Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createBot } from "../../src/bot/createBot.js";
import { DEDUP_WINDOW_MS, PRUNE_EVERY_MS, updateFingerprint } from "../../src/bot/updateGuard.js";
import { claimUpdate } from "../../src/db/repos/processedUpdates.js";
import { startEmulator } from "../../src/emulator/index.js";
import { startHarness, TOKEN, type Harness } from "../helpers/harness.js";

const GUEST = 888;
const BOT_ID = BigInt(TOKEN.split(":")[0] ?? "");
const OTHER_BOT = 555_000_001n;
const HOUR = 3_600_000;
let h: Harness;

beforeEach(async () => {
  h = await startHarness();
  h.emu.addChat({ id: GUEST, type: "private", firstName: "Khách" });
});
afterEach(async () => h?.stop());

/** `/id` from the guest as a raw update, so the test knows its fingerprint before it is sent. */
function idCommand(updateId: number, messageId: number): Update {
  const from = { id: GUEST, is_bot: false, first_name: "Khách" };
  return {
    update_id: updateId,
    message: {
      message_id: messageId,
      date: Math.floor(h.clock.now().getTime() / 1000),
      chat: { id: GUEST, type: "private", first_name: "Khách" },
      from,
      text: "/id",
      entities: [{ type: "bot_command", offset: 0, length: 3 }],
    },
  };
}

const remember = (o: { botId: bigint; update: Update; agoMs: number }) =>
  h.db.prisma.processedUpdate.create({
    data: {
      botId: o.botId,
      updateId: BigInt(o.update.update_id),
      fingerprint: updateFingerprint(o.update),
      status: "done",
      createdAt: new Date(h.clock.now().getTime() - o.agoMs),
    },
  });
const answered = () => h.emu.botMessages(GUEST).length;
/** Every update handled, every message due sent: what the "nothing more" assertions wait for. */
const settle = () => h.idle();

describe("the Bot API side restarts its counter", () => {
  it("a new emulator hands out the same ids again on the same database: every message is answered at once", async () => {
    const first: number[] = [];
    for (let i = 1; i <= 3; i++) {
      first.push(h.emu.injectText({ chatId: GUEST, fromId: GUEST, text: "/id" }).updateId ?? 0);
      await h.emu.waitForMessages(GUEST, i);
    }
    await h.bot.stop();
    // The restart takes a while: the new messages are sent later (the fresh emulator numbers
    // the chat's messages from 1 again, so their time is what tells them apart).
    h.clock.advance(60_000);

    const emu = await startEmulator({
      token: TOKEN,
      botUsername: "dondoc_test_bot",
      clock: () => h.clock.now().getTime(),
    });
    const bot = createBot(h.services, { token: TOKEN, apiRoot: emu.url });
    try {
      await bot.init();
      void bot.start({ drop_pending_updates: false, timeout: 1 });
      await emu.waitFor(() => emu.calls("getUpdates") > 0, { timeoutMs: 5000 });
      emu.addChat({ id: GUEST, type: "private", firstName: "Khách" });
      const again: number[] = [];
      for (let i = 1; i <= 3; i++) {
        again.push(emu.injectText({ chatId: GUEST, fromId: GUEST, text: "/id" }).updateId ?? 0);
        await emu.waitForMessages(GUEST, i, 2000);
      }
      expect(again).toEqual(first); // the very ids the database remembers
      const redelivered = again[0] ?? 0;
      emu.redeliver(redelivered); // a true duplicate of the new session is still handled once
      // This bot is not the harness's: handled means the emulator holds no update (grammY confirms
      // a batch by polling again after handling it); /id is answered inline, not through the outbox.
      await emu.waitFor(() => emu.pendingUpdates() === 0);
      expect(emu.botMessages(GUEST)).toHaveLength(3);
    } finally {
      await bot.stop();
      await emu.stop();
    }
  });
});

describe("which remembered ids count", () => {
  it("the same id under another bot does not drop an update", async () => {
    const update = idCommand(5000, 1);
    await remember({ botId: OTHER_BOT, update, agoMs: 1000 });
    h.emu.injectRaw(update);
    await h.emu.waitForMessages(GUEST, 1, 2000);
  });

  it("the same update remembered beyond the window (Telegram keeps updates 24 h) is handled as new", async () => {
    const update = idCommand(5001, 1);
    await remember({ botId: BOT_ID, update, agoMs: DEDUP_WINDOW_MS + HOUR });
    h.emu.injectRaw(update);
    await h.emu.waitForMessages(GUEST, 1, 2000);
  });

  it("a true duplicate — same bot, same id, same update, recent — is ignored", async () => {
    const update = idCommand(5002, 1);
    await remember({ botId: BOT_ID, update, agoMs: HOUR });
    h.emu.injectRaw(update, { times: 2 });
    await settle();
    expect(answered()).toBe(0);
    const fresh = idCommand(5003, 2);
    h.emu.injectRaw(fresh, { times: 2 });
    await h.emu.waitForMessages(GUEST, 1, 2000);
    await settle();
    expect(answered()).toBe(1);
  });

  it("instances racing for a reused id: exactly one handles it", async () => {
    const old = idCommand(5004, 1);
    await remember({ botId: BOT_ID, update: old, agoMs: HOUR });
    const now = h.clock.now();
    const claim = () =>
      claimUpdate(h.db.prisma, {
        botId: BOT_ID,
        updateId: 5004n,
        fingerprint: updateFingerprint(idCommand(5004, 2)),
        now,
        forgetBefore: new Date(now.getTime() - DEDUP_WINDOW_MS),
        staleBefore: new Date(now.getTime() - 60_000),
      });
    const claims = await Promise.all(Array.from({ length: 6 }, claim));
    expect(claims.filter((c) => c === "reused")).toHaveLength(1);
    expect(claims.filter((c) => c === "duplicate")).toHaveLength(5);
  });
});

describe("pruning", () => {
  it("deletes rows older than the window on the first update, then at most hourly", async () => {
    await remember({ botId: BOT_ID, update: idCommand(1, 1), agoMs: DEDUP_WINDOW_MS + HOUR });
    await remember({ botId: OTHER_BOT, update: idCommand(2, 1), agoMs: 30 * 24 * HOUR });
    await remember({ botId: BOT_ID, update: idCommand(3, 1), agoMs: HOUR });
    const ids = async () =>
      (await h.db.prisma.processedUpdate.findMany({ orderBy: { updateId: "asc" } })).map((r) => Number(r.updateId));

    h.emu.injectText({ chatId: GUEST, fromId: GUEST, text: "/id" });
    await h.emu.waitForMessages(GUEST, 1);
    await expect.poll(ids).toEqual([3, 1000]);

    await remember({ botId: BOT_ID, update: idCommand(4, 1), agoMs: DEDUP_WINDOW_MS + HOUR });
    h.emu.injectText({ chatId: GUEST, fromId: GUEST, text: "/id" });
    await h.emu.waitForMessages(GUEST, 2);
    await settle();
    expect(await ids()).toEqual([3, 4, 1000, 1001]); // pruned less than an hour ago: not yet

    h.clock.advance(PRUNE_EVERY_MS);
    h.emu.injectText({ chatId: GUEST, fromId: GUEST, text: "/id" });
    await h.emu.waitForMessages(GUEST, 3);
    await expect.poll(ids).toEqual([3, 1000, 1001, 1002]);
  });
});
