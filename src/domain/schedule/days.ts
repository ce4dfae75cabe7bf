/**
 * Which days each schedule acts on (docs/SCHEDULES.md). The crons fire every day; these rules
 * decide, by the holiday calendar, whether that day counts — so make-up Saturdays are reached
 * and Tết is skipped without touching the crons. The weekly digest has no such rule: it goes out
 * on its cron day even on a public holiday, because it informs and asks nobody to act that day.
 */
import { isWorkingDay, previousWorkingDay, type WorkCalendar } from "../calendar/index.js";
import { monthOf, type IsoDate } from "../directive/dates.js";

/**
 * The morning message, the leaders' peak-week status and the overdue sweep ask someone to act
 * today, so they go out on working days only (Mon–Fri minus holidays, plus make-up days).
 */
export function isReminderDay(day: IsoDate, cal: WorkCalendar): boolean {
  return isWorkingDay(day, cal);
}

/**
 * The monthly late list goes out on the first working day of the month: Tết or a long 1/1
 * weekend can push it to the 3rd or later.
 */
export function isFirstWorkingDayOfMonth(day: IsoDate, cal: WorkCalendar): boolean {
  return isWorkingDay(day, cal) && monthOf(previousWorkingDay(day, cal)) !== monthOf(day);
}
