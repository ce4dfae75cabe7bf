/**
 * Calendar dates in dondoc are ISO strings `YYYY-MM-DD` in Vietnam's local calendar.
 * A directive speaks in local dates ("Đến 30/09/2023"), never instants, so the domain keeps
 * plain date strings and leaves time zones to the edges (`asOf` is always a local date).
 */
export type IsoDate = string;
/** `YYYY-MM` — a reporting period or a "tháng 11/2023" deadline. */
export type IsoMonth = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function endOfMonth(year: number, month: number): IsoDate {
  return `${year}-${pad2(month)}-${pad2(daysInMonth(year, month))}`;
}

export function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** `2023-09-30` → `30/09/2023`, the way every Vietnamese document writes a date. */
export function formatViDate(d: IsoDate): string {
  const [y, m, day] = d.split("-");
  return `${day}/${m}/${y}`;
}

/** `2023-11` → `11/2023`. */
export function formatViMonth(m: IsoMonth): string {
  const [y, mo] = m.split("-");
  return `${mo}/${y}`;
}

/**
 * Parses a Vietnamese or ISO date: `30/09/2023`, `1/6/2023`, `2023-09-30`.
 * Returns null for anything else or an impossible date (31/02/2023).
 */
export function parseViDate(text: string): IsoDate | null {
  const t = text.trim();
  if (ISO_DATE.test(t)) return isValidIsoDate(t) ? t : null;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!m) return null;
  const iso = `${m[3]}-${pad2(Number(m[2]))}-${pad2(Number(m[1]))}`;
  return isValidIsoDate(iso) ? iso : null;
}

/**
 * The local calendar date in Vietnam of an instant. Vietnam keeps UTC+7 all year (no DST since
 * 1975), so a fixed offset is exact and keeps this pure.
 */
export function vnDate(instant: Date): IsoDate {
  return new Date(instant.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** The local time in Vietnam of an instant, "HH:MM" (UTC+7 all year, as vnDate). */
export function vnTime(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3600_000).toISOString().slice(11, 16);
}

/** `2026-11-22` → `2026-11`. */
export function monthOf(date: IsoDate): IsoMonth {
  return date.slice(0, 7);
}

/** Last day of a `YYYY-MM` month. */
export function lastDayOfMonth(month: IsoMonth): IsoDate {
  const [y, m] = month.split("-").map(Number);
  return endOfMonth(y ?? 1970, m ?? 1);
}
