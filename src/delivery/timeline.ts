/**
 * The worker's real (monotonic) time and its timers, as one dependency. Pacing, holds, the
 * outage probe and the idle loop's wake-ups all run on real time (pacer.ts says why); a test can
 * hand the worker a time line it moves forward itself, so a 15 s `retry_after` is observed in
 * full — the same waits, the same order — without being waited out on the wall clock.
 */
export interface Timeline {
  /** Milliseconds, monotonic (performance.now() in production). */
  now(): number;
  /** Calls `fn` once `ms` have passed on this time line; returns what cancels it. */
  after(ms: number, fn: () => void): () => void;
}

export const realTimeline: Timeline = {
  now: () => performance.now(),
  after(ms, fn) {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};
