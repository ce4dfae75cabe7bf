/**
 * Chats whose rows this worker has written back with a `notBefore` (a 429 pause, a retry
 * backoff, a group's minute allowance used up). The database is what keeps those rows out of
 * every instance's claims; this map only remembers, per chat, the instant written, in two
 * timelines:
 *   - `until`, the injected clock's time, as stored in notBefore and compared by the claim;
 *   - `wakeAt`, real (monotonic) time, for the timers that wake the loop when it falls due.
 * A frozen manual clock never reaches `until`: the rows then wait until the clock is moved,
 * like any other notBefore, and the timers stop waiting for them once `wakeAt` has passed.
 */
import type { Clock } from "../clock.js";

interface Hold {
  until: number;
  wakeAt: number;
}

/** A timer may fire a millisecond before the clock shows the instant it was set for. */
const SLACK_MS = 50;
const RECHECK_MS = 5;
/**
 * Holds end on this grid: an outage's paused chats, refused one after another, then come due
 * together and are claimed in batches rather than one claim per chat. A pause only grows.
 */
const GRID_MS = 250;

export class ChatHolds {
  private readonly holds = new Map<bigint, Hold>();

  constructor(
    private readonly clock: Clock,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * The notBefore for a chat that cannot send for `waitMs`. Never earlier than one already
   * written for the chat: its rows then share one instant and are claimed again in id order,
   * so a digest's text still goes before its chart.
   */
  hold(chatId: bigint, waitMs: number): Date {
    const clockNow = this.clock.now().getTime();
    const due = Math.ceil((clockNow + Math.max(0, waitMs)) / GRID_MS) * GRID_MS;
    const until = Math.max(due, this.holds.get(chatId)?.until ?? 0);
    this.holds.set(chatId, { until, wakeAt: this.now() + (until - clockNow) });
    return new Date(until);
  }

  /**
   * True while the chat's rows wait in the database (by the clock the claim uses): a newer
   * row of the chat claimed meanwhile must wait with them, or it would overtake them.
   */
  holding(chatId: bigint): boolean {
    return (this.holds.get(chatId)?.until ?? 0) > this.clock.now().getTime();
  }

  /** Real milliseconds until the earliest hold falls due, for the idle loop's timer. */
  nextWakeMs(): number | undefined {
    const t = this.prune();
    const clockNow = this.clock.now().getTime();
    let next: number | undefined;
    for (const h of this.holds.values()) {
      // A timer that fired a little early finds the rows not yet due: look again shortly.
      const ms = h.wakeAt > t ? h.wakeAt - t : h.until > clockNow && h.wakeAt + SLACK_MS > t ? RECHECK_MS : undefined;
      if (ms !== undefined) next = Math.min(next ?? Number.POSITIVE_INFINITY, ms);
    }
    return next;
  }

  /** The latest notBefore written for holds still running (drainOnce waits for those rows). */
  waitingUntil(): Date | undefined {
    const t = this.prune();
    let latest: number | undefined;
    for (const h of this.holds.values()) if (h.wakeAt + SLACK_MS > t) latest = Math.max(latest ?? 0, h.until);
    return latest === undefined ? undefined : new Date(latest);
  }

  /** Forgets holds over in both timelines; returns the real time it used. */
  private prune(): number {
    const t = this.now();
    const clockNow = this.clock.now().getTime();
    for (const [chatId, h] of this.holds)
      if (h.until <= clockNow && h.wakeAt + SLACK_MS <= t) this.holds.delete(chatId);
    return t;
  }
}
