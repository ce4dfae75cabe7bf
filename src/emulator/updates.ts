import type { Update } from "grammy/types";
import { ApiError } from "./errors.js";

/**
 * The bot's update queue with Telegram's getUpdates semantics:
 * - `offset` confirms (drops) every update with a smaller update_id; a negative offset keeps
 *   only the last |offset| updates;
 * - `timeout` (seconds) holds the request open until an update arrives or time runs out;
 * - a second concurrent getUpdates ends the first with 409 Conflict, as Telegram does when
 *   two bot instances poll — the symptom we want tests to catch, not hide.
 * Replayed updates (a duplicate of an already confirmed update_id) bypass the offset filter
 * until they have been delivered once: that is how a real duplicate reaches a bot.
 */
interface Pending {
  update: Update;
  replay: boolean;
  delivered: boolean;
}

interface Waiter {
  limit: number;
  resolve: (updates: Update[]) => void;
  reject: (err: ApiError) => void;
  timer: NodeJS.Timeout;
}

export interface TakeOptions {
  offset?: number;
  limit?: number;
  timeoutSec?: number;
}

const MAX_TIMEOUT_SEC = 50;

export class UpdateQueue {
  private pending: Pending[] = [];
  private waiter: Waiter | undefined;
  private wakeScheduled = false;
  private readonly history = new Map<number, Update>();
  private lastId: number;

  constructor(firstUpdateId: number) {
    this.lastId = firstUpdateId - 1;
  }

  nextId(): number {
    this.lastId += 1;
    return this.lastId;
  }

  push(update: Update, replay = false): void {
    this.lastId = Math.max(this.lastId, update.update_id);
    this.history.set(update.update_id, update);
    this.pending.push({ update, replay, delivered: false });
    this.scheduleWake();
  }

  find(updateId: number): Update | undefined {
    return this.history.get(updateId);
  }

  size(): number {
    return this.pending.length;
  }

  /** deleteWebhook/setWebhook with drop_pending_updates. */
  dropPending(): void {
    this.pending = [];
  }

  take(opts: TakeOptions, signal: AbortSignal): Promise<Update[]> {
    this.confirm(opts.offset);
    const limit = Math.min(Math.max(opts.limit ?? 100, 1), 100);
    const ready = this.select(limit);
    const timeoutSec = Math.min(Math.max(opts.timeoutSec ?? 0, 0), MAX_TIMEOUT_SEC);
    if (ready.length > 0 || timeoutSec === 0) return Promise.resolve(ready);

    if (this.waiter) {
      const old = this.waiter;
      this.waiter = undefined;
      clearTimeout(old.timer);
      old.reject(
        new ApiError(
          409,
          "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
        ),
      );
    }
    return new Promise((resolve, reject) => {
      const finish = (updates: Update[]): void => {
        if (this.waiter !== waiter) return;
        this.waiter = undefined;
        clearTimeout(waiter.timer);
        resolve(updates);
      };
      const waiter: Waiter = {
        limit,
        resolve: finish,
        reject,
        timer: setTimeout(() => finish([]), timeoutSec * 1000),
      };
      this.waiter = waiter;
      signal.addEventListener("abort", () => finish([]), { once: true });
    });
  }

  /** Ends any held long poll with an empty result (emulator shutdown). */
  releaseAll(): void {
    this.waiter?.resolve([]);
  }

  private confirm(offset: number | undefined): void {
    if (offset === undefined) return;
    if (offset < 0) {
      this.pending = this.pending.slice(offset);
      return;
    }
    this.pending = this.pending.filter((p) => p.update.update_id >= offset || (p.replay && !p.delivered));
  }

  /**
   * A batch never goes backwards in update_id: grammY confirms with (last id + 1), so a
   * replayed old id after a newer one would otherwise silently confirm the newer ones away.
   */
  private select(limit: number): Update[] {
    const batch: Pending[] = [];
    for (const p of this.pending) {
      const last = batch[batch.length - 1];
      if (batch.length >= limit || (last && p.update.update_id < last.update.update_id)) break;
      batch.push(p);
    }
    for (const p of batch) p.delivered = true;
    return batch.map((p) => p.update);
  }

  /** Deferred so that updates injected in one synchronous burst arrive in one batch. */
  private scheduleWake(): void {
    if (this.wakeScheduled) return;
    this.wakeScheduled = true;
    setImmediate(() => {
      this.wakeScheduled = false;
      const waiter = this.waiter;
      if (waiter && this.pending.length > 0) waiter.resolve(this.select(waiter.limit));
    });
  }
}
