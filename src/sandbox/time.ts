/**
 * Clock targets of the sandbox page (issue #6 "clock control"). Vietnam has kept UTC+7 without
 * daylight saving since 1975, so local wall time is a fixed offset from UTC.
 */
const OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** The instant of `HH:MM` local time on local date `YYYY-MM-DD`. */
export function vnInstant(date: string, time = "08:00"): Date {
  const [y, mo, d] = date.split("-").map(Number);
  const [h, mi] = time.split(":").map(Number);
  return new Date(Date.UTC(y ?? NaN, (mo ?? NaN) - 1, d ?? NaN, h ?? NaN, mi ?? NaN) - OFFSET_MS);
}

/** The first local 08:00 strictly after `now`. */
export function next0800(now: Date): Date {
  const local = now.getTime() + OFFSET_MS;
  const today0800 = Math.floor(local / DAY_MS) * DAY_MS + 8 * 3_600_000;
  const next = today0800 > local ? today0800 : today0800 + DAY_MS;
  return new Date(next - OFFSET_MS);
}

/** The first local Monday 08:00 strictly after `now` (the weekly digest's default fire time). */
export function nextMonday0800(now: Date): Date {
  let t = next0800(now);
  // getUTCDay of the shifted instant is the local weekday; 1 = Monday.
  while (new Date(t.getTime() + OFFSET_MS).getUTCDay() !== 1) t = new Date(t.getTime() + DAY_MS);
  return t;
}

const WEEKDAYS = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];
const pad = (n: number): string => String(n).padStart(2, "0");

/** "Thứ Hai, 23/11/2026 08:00" — what the clock control shows. */
export function formatVn(instant: Date): string {
  const l = new Date(instant.getTime() + OFFSET_MS);
  return `${WEEKDAYS[l.getUTCDay()] ?? ""}, ${pad(l.getUTCDate())}/${pad(l.getUTCMonth() + 1)}/${l.getUTCFullYear()} `
    + `${pad(l.getUTCHours())}:${pad(l.getUTCMinutes())}`;
}
