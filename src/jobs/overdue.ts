/**
 * The daily overdue-dossier sweep (OVERDUE_SWEEP_CRON). It skips days off by the holiday calendar
 * itself (services/dossiers/sweep.ts), so the cron may say "every day" and still reach make-up
 * Saturdays.
 */
import { vnDate } from "../domain/directive/dates.js";
import type { CalendarSource } from "../services/reminders/calendarFile.js";
import type { AppServices } from "../services/useCases.js";
import type { JobContext } from "./types.js";

export async function runOverdueSweep(
  { uc }: AppServices,
  calendar: CalendarSource,
  { fireTime }: JobContext,
): Promise<unknown> {
  const day = vnDate(fireTime);
  return { day, ...(await uc.dossiers.sweepOverdue(day, await calendar())) };
}
