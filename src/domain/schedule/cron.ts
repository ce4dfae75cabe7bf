/**
 * When each job fires: the default cron of every schedule and the cron arithmetic the scheduler
 * needs. node-cron 4 fires jobs but can only look forward (getNextRun); catching up a missed run
 * needs the *previous* fire time, which cron-parser computes, in the same timezone.
 *
 * Lives in the domain so that config.ts can validate and default the *_CRON variables without
 * importing the jobs that run on them.
 */
import { CronExpressionParser } from "cron-parser";

export const SCHEDULE_TIMEZONE = "Asia/Ho_Chi_Minh";

/**
 * Defaults of the *_CRON variables (docs/SCHEDULES.md "Biến môi trường"). The daily ones run
 * every day on purpose: the jobs skip days off by the holiday calendar themselves, so a make-up
 * Saturday is reached (a `1-5` cron would miss it).
 */
export const DEFAULT_CRON = {
  DAILY_REMINDER_CRON: "0 8 * * *",
  WEEKLY_DIGEST_CRON: "0 8 * * 1",
  OVERDUE_SWEEP_CRON: "30 8 * * *",
  LATE_LIST_CRON: "0 9 * * *",
  /** Nightly erasure of letter files past their purpose (docs/DOSSIERS.md, NĐ 13/2023). */
  RETENTION_CRON: "30 2 * * *",
} as const;

export class CronError extends Error {}

/** Five fields, as in config (DAILY_REMINDER_CRON…): a sixth "seconds" field is refused. */
export function assertCron(expr: string): void {
  if (!/^\S+(\s+\S+){4}$/.test(expr.trim())) {
    throw new CronError(`"${expr}": cần biểu thức cron 5 trường, ví dụ "0 8 * * 1-5"`);
  }
  try {
    CronExpressionParser.parse(expr, { tz: SCHEDULE_TIMEZONE });
  } catch (err) {
    throw new CronError(`"${expr}": ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The latest fire time at or before `at` (cron-parser's prev() is strictly before, hence +1 ms). */
export function latestFireAtOrBefore(expr: string, at: Date): Date | undefined {
  const it = CronExpressionParser.parse(expr, { currentDate: new Date(at.getTime() + 1), tz: SCHEDULE_TIMEZONE });
  try {
    return it.prev().toDate();
  } catch {
    return undefined; // an expression that never fired before `at` (e.g. 30 February)
  }
}

export function nextFireAfter(expr: string, at: Date): Date | undefined {
  const it = CronExpressionParser.parse(expr, { currentDate: at, tz: SCHEDULE_TIMEZONE });
  try {
    return it.next().toDate();
  } catch {
    return undefined;
  }
}
