/**
 * The job registry: every job the app runs, one line each (STYLE.md: one registry
 * [{ name, cron, run }]; each run is a sweep calling services). When a job fires comes from
 * configuration (the *_CRON variables, defaults in domain/schedule/cron.ts); how late it may
 * still run, from domain/schedule/windows.ts; what it sends and why, docs/SCHEDULES.md.
 */
import type { Config } from "../config.js";
import { CATCH_UP_MS } from "../domain/schedule/index.js";
import type { AppServices } from "../services/useCases.js";
import { fileCalendar, type CalendarSource } from "../services/reminders/calendarFile.js";
import { runDailyReminder } from "./dailyReminder.js";
import { runLateList } from "./lateList.js";
import { runOverdueSweep } from "./overdue.js";
import { runPeakWeekLeaders } from "./peakWeek.js";
import { runRetention } from "./retention.js";
import type { JobDefinition } from "./types.js";
import { runWeeklyDigest } from "./weeklyDigest.js";

export type JobFactory = (services: AppServices, config: Config) => JobDefinition[];

/**
 * `services`: the use-cases and harmless values (src/services/useCases.ts), never the database client.
 * `calendar`: the holiday calendar the jobs judge days by (tests pass their own).
 */
export function createJobs(
  services: AppServices,
  config: Config,
  calendar: CalendarSource = fileCalendar,
): JobDefinition[] {
  const c = CATCH_UP_MS;
  return [
    {
      name: "daily-reminder",
      cron: config.DAILY_REMINDER_CRON,
      catchUpWithinMs: c["daily-reminder"],
      run: (x) => runDailyReminder(services, calendar, x),
    },
    {
      name: "peak-week-leaders",
      cron: config.DAILY_REMINDER_CRON,
      catchUpWithinMs: c["peak-week-leaders"],
      run: (x) => runPeakWeekLeaders(services, calendar, x),
    },
    {
      name: "weekly-digest",
      cron: config.WEEKLY_DIGEST_CRON,
      catchUpWithinMs: c["weekly-digest"],
      run: (x) => runWeeklyDigest(services, x),
    },
    {
      name: "overdue-sweep",
      cron: config.OVERDUE_SWEEP_CRON,
      catchUpWithinMs: c["overdue-sweep"],
      run: (x) => runOverdueSweep(services, calendar, x),
    },
    {
      name: "late-list",
      cron: config.LATE_LIST_CRON,
      catchUpWithinMs: c["late-list"],
      run: (x) => runLateList(services, calendar, x),
    },
    {
      name: "retention",
      cron: config.RETENTION_CRON,
      catchUpWithinMs: c.retention,
      run: (x) => runRetention(services, x),
    },
  ] satisfies (JobDefinition & { name: keyof typeof CATCH_UP_MS })[];
}

/** The registry's jobs named `names`, in that order (tests run one job by hand). */
export function jobsNamed(jobs: readonly JobDefinition[], ...names: string[]): JobDefinition[] {
  return names.map((n) => {
    const job = jobs.find((j) => j.name === n);
    if (!job) throw new Error(`no job named "${n}" in the registry`);
    return job;
  });
}
