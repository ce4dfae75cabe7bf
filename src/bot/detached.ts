/**
 * Work an update hands off so that the update loop can go on (`ctx.detach`): reading an
 * uploaded spreadsheet takes seconds, and done inline it would hold its chat's next updates and
 * one of the few handling slots shared by all chats (src/bot/concurrency.ts). The update stays "processing" in ProcessedUpdate,
 * heartbeat included, until the detached work ends (updateGuard.ts), so a process that dies
 * during it still leaves the row the sweep reports. Stopping drains the work before the
 * database closes (`drainDetached`).
 */
import type { Bot, Context } from "grammy";

export type Detach = (work: () => Promise<unknown>) => void;

export class DetachedWork {
  private readonly running = new Set<Promise<unknown>>();

  add(p: Promise<unknown>): void {
    this.running.add(p);
    void p.finally(() => this.running.delete(p));
  }

  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}

/**
 * The download, parse and answer of an upload: detached when the guard offers it (always in the
 * bot), inline otherwise. Returns at once when detached.
 */
export async function detachOrRun(ctx: { detach?: Detach }, work: () => Promise<unknown>): Promise<unknown> {
  if (!ctx.detach) return work();
  ctx.detach(work);
  return undefined;
}

const byBot = new WeakMap<object, DetachedWork>();

export function attachDetachedWork<C extends Context>(bot: Bot<C>, work: DetachedWork): void {
  byBot.set(bot, work);
}

/** Waits for the detached work of `bot` (after its updates stopped, before the database closes). */
export async function drainDetached<C extends Context>(bot: Bot<C>): Promise<void> {
  await byBot.get(bot)?.drain();
}
