/**
 * Working days of Vietnamese public bodies (docs/DIRECTIVES.md): Monday–Friday, minus holidays
 * and compensatory/swapped days off, plus make-up Saturdays (làm bù). Used for "N ngày làm
 * việc" deadlines and for not sending reminders on Tết.
 */
import type { IsoDate } from "../directive/dates.js";
import { addDays, isoWeekday } from "./days.js";
import type { WorkCalendar } from "./schema.js";

export function isWorkingDay(date: IsoDate, cal: WorkCalendar): boolean {
  // A make-up day overrides the weekend; nothing is both a make-up day and a day off (the
  // schema refuses it).
  if (cal.makeUpWorkingDays.has(date)) return true;
  if (cal.holidays.has(date) || cal.daysOff.has(date)) return false;
  return !cal.weekend.has(isoWeekday(date));
}

/** Why a date is not worked, in Vietnamese ("Tết Nguyên đán (mùng 1)", "Chủ nhật"), or null. */
export function nonWorkingReason(date: IsoDate, cal: WorkCalendar): string | null {
  if (isWorkingDay(date, cal)) return null;
  const named = cal.holidays.get(date) ?? cal.daysOff.get(date);
  if (named) return named;
  return isoWeekday(date) === 7 ? "Chủ nhật" : "Thứ Bảy";
}

/** Guards the day-by-day loops against a calendar whose weekend is every day. */
const MAX_SCAN_DAYS = 3660;

function step(date: IsoDate, direction: 1 | -1, cal: WorkCalendar): IsoDate {
  let d = date;
  for (let i = 0; i < MAX_SCAN_DAYS; i++) {
    d = addDays(d, direction);
    if (isWorkingDay(d, cal)) return d;
  }
  throw new RangeError("lịch không có ngày làm việc nào trong 10 năm");
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: IsoDate, cal: WorkCalendar): IsoDate {
  return step(date, 1, cal);
}

/** The last working day strictly before `date`. */
export function previousWorkingDay(date: IsoDate, cal: WorkCalendar): IsoDate {
  return step(date, -1, cal);
}

/**
 * `date` itself when worked, else the next working day: a time limit whose last day is a
 * day off ends on the next working day (Bộ luật Dân sự 2015, Điều 148).
 */
export function onOrNextWorkingDay(date: IsoDate, cal: WorkCalendar): IsoDate {
  return isWorkingDay(date, cal) ? date : nextWorkingDay(date, cal);
}

/**
 * Moves `n` working days from `date` (the start day is not counted; n < 0 goes back).
 * `addWorkingDays(d, 0)` is `d`, even on a day off.
 */
export function addWorkingDays(date: IsoDate, n: number, cal: WorkCalendar): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`số ngày làm việc phải là số nguyên: ${n}`);
  let d = date;
  for (let i = 0; i < Math.abs(n); i++) d = step(d, n > 0 ? 1 : -1, cal);
  return d;
}

/**
 * Working days in (from, to]: after `from`, up to and including `to`; negative when `to` is
 * before `from`. For a working day `to`, `addWorkingDays(from, workingDaysBetween(from, to))`
 * is `to`.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, cal: WorkCalendar): number {
  if (from === to) return 0;
  const [start, end, sign] = from < to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let d = addDays(start, 1); d <= end; d = addDays(d, 1)) if (isWorkingDay(d, cal)) count++;
  return sign * count;
}
