/**
 * The daily reminder (DAILY_REMINDER_CRON, every day in the cron so that make-up Saturdays are
 * reached): on a reminder day (domain/schedule/days.ts) every active unit chat gets at most one
 * message combining the sections that concern it — missing figures, reporting-day countdown, peak
 * week, task deadlines (services/reminders/morning.ts). On a day off nothing is sent.
 */
import { nonWorkingReason } from "../domain/calendar/index.js";
import { vnDate } from "../domain/directive/dates.js";
import { isReminderDay } from "../domain/schedule/index.js";
import type { CalendarSource } from "../services/reminders/calendarFile.js";
import type { AppServices } from "../services/useCases.js";
import type { JobContext } from "./types.js";

export async function runDailyReminder(
  { uc }: AppServices,
  calendar: CalendarSource,
  { fireTime, now }: JobContext,
): Promise<unknown> {
  const day = vnDate(fireTime);
  const cal = await calendar();
  if (!isReminderDay(day, cal)) return { day, skipped: nonWorkingReason(day, cal) };
  // Reports up to now count (a catch-up at 08:40 spares a unit that reported at 08:20).
  return { day, ...(await uc.reminders.sendMorning({ day, at: now, cal })) };
}
