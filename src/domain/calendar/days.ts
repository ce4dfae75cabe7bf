/**
 * Day arithmetic on ISO local dates. `Date.UTC` is used as a pure day counter (never the
 * clock, never a time zone): a Vietnamese date is a calendar day, not an instant.
 */
import { isValidIsoDate, pad2, type IsoDate } from "../directive/dates.js";

const MS_PER_DAY = 86_400_000;

function toDayNumber(date: IsoDate): number {
  if (!isValidIsoDate(date)) throw new RangeError(`ngày không hợp lệ: "${date}" (cần YYYY-MM-DD)`);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

function fromDayNumber(day: number): IsoDate {
  const t = new Date(day * MS_PER_DAY);
  return `${t.getUTCFullYear()}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + n);
}

/** ISO weekday: 1 = Thứ Hai … 6 = Thứ Bảy, 7 = Chủ nhật. */
export function isoWeekday(date: IsoDate): number {
  const dow = new Date(toDayNumber(date) * MS_PER_DAY).getUTCDay();
  return dow === 0 ? 7 : dow;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}
