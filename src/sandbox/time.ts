/**
 * Clock targets of the sandbox page (issue #6 "clock control"). Vietnam has kept UTC+7 without
 * daylight saving since 1975, so local wall time is a fixed offset from UTC.
 */
import type { Config } from "../config.js";
import { nextFireAfter } from "../jobs/cronTimes.js";

const OFFSET_MS = 7 * 3_600_000;

/** The instant of `HH:MM` local time on local date `YYYY-MM-DD`. */
export function vnInstant(date: string, time = "08:00"): Date {
  const [y, mo, d] = date.split("-").map(Number);
  const [h, mi] = time.split(":").map(Number);
  return new Date(Date.UTC(y ?? NaN, (mo ?? NaN) - 1, d ?? NaN, h ?? NaN, mi ?? NaN) - OFFSET_MS);
}

/**
 * Where the clock buttons jump: the next fire time, strictly after `now`, of the daily reminder
 * ("Tới 08:00 kế tiếp") or the weekly digest ("Tới thứ Hai 08:00") as configured — 08:00 and
 * Monday 08:00 by default, whatever DAILY_REMINDER_CRON / WEEKLY_DIGEST_CRON say otherwise.
 */
export function nextJobTime(
  config: Pick<Config, "DAILY_REMINDER_CRON" | "WEEKLY_DIGEST_CRON">,
  job: "daily-reminder" | "weekly-digest",
  now: Date,
): Date | undefined {
  return nextFireAfter(job === "daily-reminder" ? config.DAILY_REMINDER_CRON : config.WEEKLY_DIGEST_CRON, now);
}

const WEEKDAYS = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];
const pad = (n: number): string => String(n).padStart(2, "0");

/** "Thứ Hai, 23/11/2026 08:00" — what the clock control shows. */
export function formatVn(instant: Date): string {
  const l = new Date(instant.getTime() + OFFSET_MS);
  return `${WEEKDAYS[l.getUTCDay()] ?? ""}, ${pad(l.getUTCDate())}/${pad(l.getUTCMonth() + 1)}/${l.getUTCFullYear()} `
    + `${pad(l.getUTCHours())}:${pad(l.getUTCMinutes())}`;
}
