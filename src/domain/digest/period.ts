/**
 * Which month a leaders' digest shows, and how its week is named (docs/SCHEDULES.md "Bản tin tuần").
 *
 * The first days of a month: days 1 … CLOSING_DAYS (src/domain/limits.ts). On those days the new month has next to no
 * figures (units report a month as it goes and close it in its first days), so the digest shows the
 * month just ended — its final figures — instead of an empty chart. Seven days make every month's
 * first Monday (day 1–7) a closing digest and the second Monday (day 8–14) the new month's first.
 * The directives' reporting days do not mark this: "báo cáo vào ngày 25 mỗi tháng" (Long An §4.7a)
 * is when a unit reports to the province within the month, not when the previous month closes.
 */
import { addDays, isoWeekday } from "../calendar/days.js";
import { monthOf, type IsoDate, type IsoMonth } from "../directive/dates.js";
import { CLOSING_DAYS } from "../limits.js";
import { closingPeriod } from "../month.js";

export { CLOSING_DAYS };

export type DigestPeriod = {
  period: IsoMonth;
  /** True: a month that has ended, shown in the first days of the next one. */
  closed: boolean;
};

export function digestPeriod(day: IsoDate): DigestPeriod {
  const period = closingPeriod(day);
  return { period, closed: period !== monthOf(day) };
}

/**
 * The working week (Monday to Friday) that contains `day`, as offices name it: "30/11–04/12"
 * rather than an ISO week number, which no office uses.
 */
export function workWeekOf(day: IsoDate): { monday: IsoDate; friday: IsoDate } {
  const monday = addDays(day, 1 - isoWeekday(day));
  return { monday, friday: addDays(monday, 4) };
}
