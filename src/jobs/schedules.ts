/**
 * The schedules of issue #4, registered in the job registry (src/jobs/index.ts). Times come from
 * configuration (DAILY_REMINDER_CRON, WEEKLY_DIGEST_CRON; Asia/Ho_Chi_Minh); what each sends
 * and why is in docs/SCHEDULES.md.
 */
import type { Config } from "../config.js";
import type { AppDeps } from "../services/context.js";
import { fileCalendar, type CalendarSource } from "../services/reminders/calendarFile.js";
import { dailyReminderJob } from "./dailyReminder.js";
import { peakWeekLeadersJob } from "./peakWeek.js";
import type { JobDefinition } from "./scheduler.js";
import { weeklyDigestJob } from "./weeklyDigest.js";

export function scheduleJobs(deps: AppDeps, config: Pick<Config, "DAILY_REMINDER_CRON" | "WEEKLY_DIGEST_CRON">, calendar: CalendarSource = fileCalendar): JobDefinition[] {
  return [
    dailyReminderJob(deps, config.DAILY_REMINDER_CRON, calendar),
    peakWeekLeadersJob(deps, config.DAILY_REMINDER_CRON, calendar),
    weeklyDigestJob(deps, config.WEEKLY_DIGEST_CRON),
  ];
}
