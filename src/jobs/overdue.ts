/**
 * The daily overdue-dossier sweep (OVERDUE_SWEEP_CRON). It skips days off by the holiday calendar
 * itself (services/dossiers/sweep.ts), so the cron may say "every day" and still reach make-up
 * Saturdays.
 */
import { vnDate } from "../domain/directive/dates.js";
import type { AppDeps } from "../services/context.js";
import { sweepOverdue } from "../services/dossiers/sweep.js";
import type { CalendarSource } from "../services/reminders/calendarFile.js";
import type { JobContext } from "./types.js";

export async function runOverdueSweep(
  deps: AppDeps,
  calendar: CalendarSource,
  { fireTime }: JobContext,
): Promise<unknown> {
  const day = vnDate(fireTime);
  return { day, ...(await sweepOverdue(deps, day, await calendar())) };
}
