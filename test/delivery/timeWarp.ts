/**
 * A time line for the delivery worker (src/delivery/timeline.ts) and a Date clock that move
 * together: both run at wall-clock speed, and `advanceTo` jumps them forward, firing the timers
 * that fall due — a 15 s pause is waited out by the worker in its own time without the test
 * waiting 15 s of wall time. Everything the worker does between two jumps takes real time.
 */
import type { Clock } from "../../src/clock.js";
import type { Timeline } from "../../src/delivery/timeline.js";

export interface TimeWarp {
  timeline: Timeline;
  /** The application clock (notBefore, leases), moved by the same jumps. */
  clock: Clock;
  /** Moves both forward to `at` on the time line (no-op if already past it). */
  advanceTo(at: number): void;
  advanceBy(ms: number): void;
}

interface Pending {
  at: number;
  fn(): void;
  timer?: ReturnType<typeof setTimeout>;
}

export function timeWarp(): TimeWarp {
  let offset = 0;
  const now = (): number => performance.now() + offset;
  /** Pending timers, each with its instant on the time line and its wall-clock timer. */
  const timers = new Set<Pending>();
  const fire = (t: Pending): void => {
    clearTimeout(t.timer);
    if (timers.delete(t)) t.fn();
  };
  /** A wall-clock timer for what is left of the wait (shorter after a jump). */
  const arm = (t: Pending): void => {
    clearTimeout(t.timer);
    t.timer = setTimeout(() => fire(t), Math.max(0, t.at - now()));
  };
  const timeline: Timeline = {
    now,
    after(ms, fn) {
      const t: Pending = { at: now() + ms, fn };
      timers.add(t);
      arm(t);
      return () => {
        clearTimeout(t.timer);
        timers.delete(t);
      };
    },
  };
  const advanceTo = (at: number): void => {
    offset += Math.max(0, at - now());
    const pending = [...timers].sort((a, b) => a.at - b.at);
    for (const t of pending) if (t.at <= now()) fire(t);
    for (const t of pending) if (timers.has(t)) arm(t);
  };
  return {
    timeline,
    clock: { now: () => new Date(Date.now() + offset) },
    advanceTo,
    advanceBy: (ms) => advanceTo(now() + ms),
  };
}
