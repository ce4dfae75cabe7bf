/**
 * How late a missed fire time may still run (bot down, clock jumped), and how the scheduler tells
 * a live run from a dead one (docs/SCHEDULES.md "Lỡ giờ", "Tiến trình chết giữa chừng"). Each
 * window is sized to the usefulness of what the job sends, not to a technical limit.
 */
const HOUR = 3_600_000;
const MINUTE = 60_000;

export const CATCH_UP_MS = {
  /** The 08:00 reminder missed until 08:40 (restart) still goes; missed until noon, not. */
  "daily-reminder": 4 * HOUR,
  /** The leaders' peak-week status rides the same morning as the units' reminder. */
  "peak-week-leaders": 4 * HOUR,
  /** A digest missed at 08:00 is still worth sending the same working day. */
  "weekly-digest": 8 * HOUR,
  /** A sweep missed by a restart still runs the same morning; a day late, the next one does it. */
  "overdue-sweep": 6 * HOUR,
  /** The monthly late list is read during the working day it is published. */
  "late-list": 8 * HOUR,
  /** A night missed by a restart is made up the same day; otherwise the next night erases it. */
  retention: 12 * HOUR,
} as const;

export type JobName = keyof typeof CATCH_UP_MS;

/** A "running" run whose heartbeat is older than this belongs to a process that died. */
export const STALE_RUN_MS = 10 * MINUTE;
/** How often a live run refreshes its heartbeat, and how often instances look for dead runs: well inside the stale limit. */
export const HEARTBEAT_MS = MINUTE;

/** Whether a fire time missed until `now` may still run: at most `windowMs` late, inclusive. */
export function isWithinCatchUp(fireTime: Date, now: Date, windowMs: number): boolean {
  return now.getTime() - fireTime.getTime() <= windowMs;
}
