/**
 * "The bot has nothing left to do" as an event, for negative assertions ("nothing was sent",
 * "handled once"): a fixed sleep before them passes whenever the bot is merely slow — on a loaded
 * machine the answer a test forbids can arrive after the sleep — so the test could not fail.
 */
import type { Bot } from "grammy";
import type { BotContext } from "../../src/bot/context.js";
import { drainDetached } from "../../src/bot/detached.js";
import type { Clock } from "../../src/clock.js";
import type { Emulator } from "../../src/emulator/index.js";
import type { TestDb } from "./db.js";

export interface IdleParts {
  db: TestDb;
  emu: Emulator;
  bot: Bot<BotContext>;
  clock: Clock;
  /** The real delivery worker; absent when a test drives delivery itself. */
  drain?: { drainOnce(): Promise<unknown> };
}

const RECHECK_MS = 20;

/**
 * Resolves once (1) the emulator holds no update, not even a delivered one: grammY confirms a
 * batch only by polling again after it handled every update in it; (2) the work those updates
 * detached (uploads) has ended; (3) with the real worker, no outbox row is due or being sent.
 * Loops because detached work can enqueue messages and a sent message can prompt nothing new,
 * but the check costs nothing when already idle. Rejects after `timeoutMs` saying what is busy.
 */
export async function waitIdle(p: IdleParts, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = Math.max(deadline - Date.now(), 1);
    await p.emu.waitFor(() => p.emu.pendingUpdates() === 0, { timeoutMs: left, label: "every update handled (idle)" });
    await drainDetached(p.bot);
    let busyRows = 0;
    if (p.drain) {
      await p.drain.drainOnce();
      busyRows = await p.db.prisma.outboxMessage.count({
        where: { OR: [{ status: "sending" }, { status: "pending", notBefore: { lte: p.clock.now() } }] },
      });
    }
    if (busyRows === 0 && p.emu.pendingUpdates() === 0) return;
    if (Date.now() > deadline)
      throw new Error(`idle: still busy after ${timeoutMs} ms (${busyRows} outbox rows due or sending)`);
    await new Promise((r) => setTimeout(r, RECHECK_MS));
  }
}
