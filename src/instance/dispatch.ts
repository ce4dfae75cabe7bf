/**
 * The poll loop's side of concurrent handling: which updates are in hand and which offset may be
 * confirmed. Telegram confirms every update below the offset of the next getUpdates, and an
 * update confirmed before it is durably marked would be lost by a crash. So the offset only
 * passes an update once it is settled — its ProcessedUpdate row written (the guard's
 * `markClaimed`) or its handling over — and never passes an earlier unsettled one. Updates
 * behind an unsettled one are fetched again; those already in hand are skipped here, and any that
 * slip through (another poller, a restart) are duplicates the guard skips.
 */
import type { Update } from "grammy/types";
import { ChatQueues, chatKeyOf, onClaimed } from "../bot/concurrency.js";

export class UpdateDispatcher {
  /** Update id → settled, for the updates dispatched and not yet confirmed. */
  private readonly inHand = new Map<number, boolean>();
  private readonly running = new Set<Promise<unknown>>();
  private readonly queues: ChatQueues;
  private wake: () => void = () => undefined;

  constructor(
    private readonly handle: (u: Update) => Promise<void>,
    cap?: number,
  ) {
    this.queues = new ChatQueues(cap);
  }

  /** Queues the updates not already in hand; returns how many were new. */
  dispatch(updates: Update[]): number {
    let fresh = 0;
    for (const u of updates) {
      const id = u.update_id;
      if (this.inHand.has(id)) continue;
      fresh += 1;
      this.inHand.set(id, false);
      onClaimed(u, () => this.settle(id));
      const done = this.queues
        .enqueue(chatKeyOf(u), () => this.handle(u))
        .then((ran) => {
          if (ran) this.settle(id); // a dropped update stays unsettled: it is left unconfirmed
        });
      this.running.add(done);
      void done.finally(() => this.running.delete(done));
    }
    return fresh;
  }

  /**
   * The offset to send next: the lowest unsettled update at or above `current`, else one past
   * the highest dispatched. Below `current` Telegram has confirmed already (a redelivered old id).
   */
  nextOffset(current: number | undefined): number | undefined {
    let lowest: number | undefined;
    let highest: number | undefined;
    for (const [id, settled] of this.inHand) {
      if (current !== undefined && id < current) continue;
      if (!settled && (lowest === undefined || id < lowest)) lowest = id;
      if (highest === undefined || id > highest) highest = id;
    }
    const next = lowest ?? (highest === undefined ? current : highest + 1);
    if (next !== undefined) for (const [id, settled] of this.inHand) if (settled && id < next) this.inHand.delete(id);
    return current !== undefined && next !== undefined ? Math.max(current, next) : next;
  }

  /** Resolves at the next update settled. */
  progress(): Promise<void> {
    return new Promise((resolve) => (this.wake = resolve));
  }

  /** Starts nothing more; waits for the updates already running. */
  async close(): Promise<void> {
    this.queues.close();
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private settle(id: number): void {
    if (this.inHand.has(id)) this.inHand.set(id, true);
    this.wake();
  }
}
