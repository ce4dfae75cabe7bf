/**
 * Interruptible sleeps: `stop()` ends every wait at once, `kick()` ends the idle wait.
 *
 * A kick that arrives while nobody is idle (the loop is in the middle of a claim that may have
 * started before the new row was committed) is remembered, and the next idle sleep returns at
 * once; otherwise that row would wait a whole idle poll.
 */
import { realTimeline, type Timeline } from "./timeline.js";

export class Waker {
  constructor(private readonly time: Timeline = realTimeline) {}

  private readonly sleepers = new Set<{ wake(): void; kickable: boolean }>();
  private pendingKick = false;

  sleep(ms: number, kickable = false): Promise<void> {
    return this.nap(ms, kickable).done;
  }

  /** A sleep that can be called off, for racing against in-flight work without leaking timers. */
  nap(ms: number, kickable = false): { done: Promise<void>; cancel(): void } {
    if (kickable && this.pendingKick) {
      this.pendingKick = false;
      return { done: Promise.resolve(), cancel: () => {} };
    }
    let wake = (): void => {};
    const done = new Promise<void>((resolve) => {
      let cancel = (): void => {};
      const entry = {
        kickable,
        wake: () => {
          cancel();
          this.sleepers.delete(entry);
          resolve();
        },
      };
      this.sleepers.add(entry);
      cancel = this.time.after(Math.max(0, ms), entry.wake);
      wake = entry.wake;
    });
    return { done, cancel: () => wake() };
  }

  kick(): void {
    const idle = [...this.sleepers].filter((s) => s.kickable);
    if (idle.length === 0) this.pendingKick = true;
    for (const s of idle) s.wake();
  }

  wakeAll(): void {
    for (const s of [...this.sleepers]) s.wake();
  }
}
