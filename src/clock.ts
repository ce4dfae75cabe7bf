/**
 * Time as a dependency (STYLE.md: `now` is a parameter). Production uses the system clock; the
 * offline sandbox and tests use a manual clock they can jump forward, after which
 * `scheduler.fireDue(clock.now())` runs what fell due (docs/SCHEDULES.md, scheduled-run bookkeeping).
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface ManualClock extends Clock {
  /** Moves to `date`; refuses to go back (a run already claimed for a later fire time stays claimed). */
  advanceTo(date: Date): void;
  advanceBy(ms: number): void;
}

export interface ManualClockOptions {
  /**
   * When true, time keeps flowing at wall-clock speed from the last set point, so leases,
   * retry backoffs and notBefore still expire in a sandbox nobody is jumping. Default: frozen.
   */
  ticking?: boolean;
}

export class ClockError extends Error {}

export function createManualClock(start: Date, options: ManualClockOptions = {}): ManualClock {
  let base = start.getTime();
  let setAt = performance.now();
  const current = (): number => (options.ticking ? base + (performance.now() - setAt) : base);
  const moveTo = (ms: number): void => {
    if (!Number.isFinite(ms)) throw new ClockError("Thời điểm không hợp lệ");
    if (ms < current()) {
      throw new ClockError(
        `Đồng hồ chỉ tiến lên: ${new Date(ms).toISOString()} < ${new Date(current()).toISOString()}`,
      );
    }
    base = ms;
    setAt = performance.now();
  };
  return {
    now: () => new Date(current()),
    advanceTo: (date) => moveTo(date.getTime()),
    advanceBy: (ms) => moveTo(current() + ms),
  };
}
