/**
 * The leaders' peak-week status (DAILY_REMINDER_CRON): on each reminder day of a directive's
 * peak week (domain/schedule/peakWeek.ts), one status message per leaders' chat
 * (services/reminders/peakSections.ts). The units' part rides the morning message.
 */
import { vnDate } from "../domain/directive/dates.js";
import { isReminderDay } from "../domain/schedule/index.js";
import type { CalendarSource } from "../services/reminders/calendarFile.js";
import type { AppServices } from "../services/useCases.js";
import type { JobContext } from "./types.js";

export async function runPeakWeekLeaders(
  { uc }: AppServices,
  calendar: CalendarSource,
  { fireTime }: JobContext,
): Promise<unknown> {
  const day = vnDate(fireTime);
  if (!isReminderDay(day, await calendar())) return { skipped: "not a working day", day };
  return uc.reminders.sendPeakLeaderStatus(day);
}
