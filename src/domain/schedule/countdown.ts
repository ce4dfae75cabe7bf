/**
 * Which days a dated reminder goes out (docs/SCHEDULES.md "Hạn báo cáo định kỳ", "Nhiệm vụ").
 *
 * Reminders only leave on working days (the morning job does not run on days off), so a
 * countdown day that falls on a Sunday or on Tết is moved to the last working day before it —
 * a reminder early is useful, one after the fact is not. Two countdown days that land on the
 * same working day give one reminder, whose text counts the real days left.
 */
import {
  addDays,
  daysBetween,
  isoWeekday,
  isWorkingDay,
  previousWorkingDay,
  type WorkCalendar,
} from "../calendar/index.js";
import { pad2, type IsoDate } from "../directive/dates.js";

/** Task deadlines: 7, 3 and 1 days before and on the day; then every working day while overdue. */
export const TASK_OFFSETS = [7, 3, 1, 0] as const;
/** Reporting day ("báo cáo vào ngày 25 mỗi tháng", Long An §4.7a): 3 and 1 days before and on the day. */
export const REPORTING_OFFSETS = [3, 1, 0] as const;

export function lastWorkingOnOrBefore(day: IsoDate, cal: WorkCalendar): IsoDate {
  return isWorkingDay(day, cal) ? day : previousWorkingDay(day, cal);
}

/** The working days on which the countdown `offsets` (days before `due`) are sent. */
export function countdownSendDays(due: IsoDate, offsets: readonly number[], cal: WorkCalendar): IsoDate[] {
  return [...new Set(offsets.map((k) => lastWorkingOnOrBefore(addDays(due, -k), cal)))].sort();
}

export type DeadlineHit =
  /** Days until the due date (0 = today). */
  { kind: "countdown"; daysLeft: number } | { kind: "overdue"; daysLate: number };

/**
 * Is `today` a reminder day for something due on `due`? Countdown days as above; once past due,
 * every working day (`overdue: true`) — task deadlines are chased until marked done.
 */
export function deadlineHit(
  due: IsoDate,
  today: IsoDate,
  offsets: readonly number[],
  cal: WorkCalendar,
  overdue: boolean,
): DeadlineHit | null {
  if (today > due)
    return overdue && isWorkingDay(today, cal) ? { kind: "overdue", daysLate: daysBetween(due, today) } : null;
  return countdownSendDays(due, offsets, cal).includes(today)
    ? { kind: "countdown", daysLeft: daysBetween(today, due) }
    : null;
}

/** ISO 8601 week of a date: `2026-W47` (the week's Thursday decides the year); keys the weekly digest. */
export function isoWeekKey(day: IsoDate): string {
  const thursday = addDays(day, 4 - isoWeekday(day));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${pad2(week)}`;
}
