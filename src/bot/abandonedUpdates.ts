/**
 * Updates whose process died handling them (a poison file, an out-of-memory crash, a kill):
 * never handled again — they may be what killed the process, and a crash loop stops every
 * chat — but reported once: the sender is asked to try again, the administrators get an
 * alert. Logs and alerts carry the update's id, kind and chat, never its content.
 *
 * Found two ways: Telegram delivers the update again after the restart (the guard's claim
 * says "abandoned"), or the restart confirmed it without handling it, e.g. while its heartbeat
 * was still fresh: the periodic sweep (`sweepAbandonedUpdates`) then finds its row.
 *
 * The sweep never takes an update this very process is still handling (`UpdatesInHand`): the
 * heartbeat is written with the app's clock, which a clock moved forward (tests move it by days,
 * an operator may fix a wrong one) can make look stale while the handler is alive.
 */
import type { Update } from "grammy/types";
import type { UpdateKind } from "../messages/reliability.js";
import type { AppServices } from "../services/useCases.js";

export { NOTICE_KIND } from "../services/updates/abandoned.js";

/** A handler refreshes its row this often; a row this much older is a dead process's. */
export const HEARTBEAT_MS = 15_000;
export const STALE_UPDATE_MS = 60_000;
export const SWEEP_EVERY_MS = 30_000;

export function updateKind(u: Update): UpdateKind {
  if (u.callback_query) return "button";
  const m = u.message ?? u.edited_message ?? u.channel_post;
  if (m?.document) return "file";
  if (m?.text?.startsWith("/")) return "command";
  return "message";
}

/** The updates one bot is handling in this process, from its claim until its detached work ends. */
export class UpdatesInHand {
  /** update id → handlers at it (a redelivery may be claimed again while the first still runs). */
  private readonly held = new Map<bigint, number>();

  /** Marks `updateId` in hand; the returned function lets go of it (once). */
  take(updateId: bigint): () => void {
    this.held.set(updateId, (this.held.get(updateId) ?? 0) + 1);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const left = (this.held.get(updateId) ?? 1) - 1;
      if (left > 0) this.held.set(updateId, left);
      else this.held.delete(updateId);
    };
  }

  ids(): bigint[] {
    return [...this.held.keys()];
  }
}

const byBot = new WeakMap<object, UpdatesInHand>();

/** The registry of `bot`, shared by its update guard and its timer sweep (src/app.ts). */
export function updatesInHand(bot: object): UpdatesInHand {
  let found = byBot.get(bot);
  if (!found) {
    found = new UpdatesInHand();
    byBot.set(bot, found);
  }
  return found;
}

/**
 * Marks and reports (services/updates/abandoned.ts) the rows of `botId` whose heartbeat went
 * stale, except the updates in hand here; returns how many.
 */
export function sweepAbandonedUpdates(
  s: Pick<AppServices, "uc" | "clock">,
  botId: bigint,
  inHand?: UpdatesInHand,
): Promise<number> {
  const now = s.clock.now();
  return s.uc.updates.sweepAbandoned({
    botId,
    staleBefore: new Date(now.getTime() - STALE_UPDATE_MS),
    handling: inHand?.ids() ?? [],
  });
}

/** The sweep on a wall-clock timer, for a process that may get no update for a while. */
export function startAbandonedSweep(
  s: Pick<AppServices, "uc" | "clock" | "logger">,
  botId: bigint,
  inHand?: UpdatesInHand,
  everyMs = SWEEP_EVERY_MS,
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = sweepAbandonedUpdates(s, botId, inHand).catch((err: unknown) =>
      s.logger.warn({ err }, "sweep of abandoned updates failed"),
    );
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
