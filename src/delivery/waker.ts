/** Interruptible sleeps: `stop()` ends every wait at once, `kick()` ends the idle wait. */
export class Waker {
  private readonly sleepers = new Set<{ wake(): void; kickable: boolean }>();

  sleep(ms: number, kickable = false): Promise<void> {
    return this.nap(ms, kickable).done;
  }

  /** A sleep that can be called off, for racing against in-flight work without leaking timers. */
  nap(ms: number, kickable = false): { done: Promise<void>; cancel(): void } {
    let wake = (): void => {};
    const done = new Promise<void>((resolve) => {
      const entry = {
        kickable,
        wake: () => {
          clearTimeout(timer);
          this.sleepers.delete(entry);
          resolve();
        },
      };
      const timer = setTimeout(entry.wake, Math.max(0, ms));
      this.sleepers.add(entry);
      wake = entry.wake;
    });
    return { done, cancel: () => wake() };
  }

  kick(): void {
    for (const s of [...this.sleepers]) if (s.kickable) s.wake();
  }

  wakeAll(): void {
    for (const s of [...this.sleepers]) s.wake();
  }
}
