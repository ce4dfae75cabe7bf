/**
 * Calendar months as the deployment files them: "YYYY-MM" (IsoMonth), the period figures are
 * reported for and late lists are drawn up for. The day-level helpers are in directive/dates.ts.
 */
import type { IsoDate, IsoMonth } from "./directive/dates.js";
import { CLOSING_DAYS } from "./limits.js";

const parts = (m: IsoMonth | IsoDate) => ({ y: Number(m.slice(0, 4)), m: Number(m.slice(5, 7)) });
const iso = (y: number, m: number): IsoMonth => `${y}-${String(m).padStart(2, "0")}`;

/**
 * The month before the one `of` falls in: `2026-01` → `2025-12`, and a day `2027-01-04` →
 * `2026-12` (the late list and the reminders ask "last month" of today, the figures of a period).
 */
export function previousMonth(of: IsoMonth | IsoDate): IsoMonth {
  const { y, m } = parts(of);
  return m === 1 ? iso(y - 1, 12) : iso(y, m - 1);
}

/** How many months `earlier` is before `later` (0: the same month; negative: after it). */
export function monthsBetween(earlier: IsoMonth, later: IsoMonth): number {
  const a = parts(earlier);
  const b = parts(later);
  return (b.y - a.y) * 12 + (b.m - a.m);
}

/**
 * Month `month` (1–12) written without its year: the latest such month not after `current`,
 * so "tháng 10" in 12/2026 is 10/2026 and "tháng 12" in 01/2027 is 12/2026 (this year's, or
 * last year's when this year's has not come yet). Null for a month number outside 1–12.
 */
export function monthWithoutYear(month: number, current: IsoMonth): IsoMonth | null {
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  const { y, m } = parts(current);
  return month <= m ? iso(y, month) : iso(y - 1, month);
}

/**
 * The month whose figures a day is about: in the first CLOSING_DAYS days of a month, the month
 * before (it is being closed: "chốt số liệu tháng 12" on 04/01), otherwise the day's own month.
 */
export function closingPeriod(day: IsoDate): IsoMonth {
  return Number(day.slice(8, 10)) <= CLOSING_DAYS ? previousMonth(day) : day.slice(0, 7);
}
