/**
 * Clock targets of the sandbox page (docs/SANDBOX.md). Vietnam has kept UTC+7 without
 * daylight saving since 1975, so local wall time is a fixed offset from UTC.
 */
import type { Config } from "../config.js";
import { nextFireAfter } from "../domain/schedule/index.js";

const OFFSET_MS = 7 * 3_600_000;

/** The instant of `HH:MM` local time on local date `YYYY-MM-DD`. */
export function vnInstant(date: string, time = "08:00"): Date {
  const [y, mo, d] = date.split("-").map(Number);
  const [h, mi] = time.split(":").map(Number);
  return new Date(Date.UTC(y ?? NaN, (mo ?? NaN) - 1, d ?? NaN, h ?? NaN, mi ?? NaN) - OFFSET_MS);
}

type JobCrons = Pick<Config, "DAILY_REMINDER_CRON" | "WEEKLY_DIGEST_CRON">;

/**
 * Where the clock buttons jump: the next fire time, strictly after `now`, of the daily reminder
 * or the weekly digest as configured — 08:00 and Monday 08:00 by default, whatever
 * DAILY_REMINDER_CRON / WEEKLY_DIGEST_CRON say otherwise.
 */
export function nextJobTime(config: JobCrons, job: "daily-reminder" | "weekly-digest", now: Date): Date | undefined {
  return nextFireAfter(job === "daily-reminder" ? config.DAILY_REMINDER_CRON : config.WEEKLY_DIGEST_CRON, now);
}

const WEEKDAYS = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];
const pad = (n: number): string => String(n).padStart(2, "0");

const local = (instant: Date): Date => new Date(instant.getTime() + OFFSET_MS);
const hhmm = (l: Date): string => `${pad(l.getUTCHours())}:${pad(l.getUTCMinutes())}`;

/** "Thứ Hai, 23/11/2026 08:00" — what the clock control shows. */
export function formatVn(instant: Date): string {
  const l = local(instant);
  return `${WEEKDAYS[l.getUTCDay()] ?? ""}, ${pad(l.getUTCDate())}/${pad(l.getUTCMonth() + 1)}/${l.getUTCFullYear()} ${hhmm(l)}`;
}

/** The clock buttons, by the `to` the page posts to /api/clock. */
export type ClockJump = "next-0800" | "next-monday-0800";

/**
 * The buttons' labels, read off where they jump from `now` under the configured crons: "Tới 08:00
 * kế tiếp" and "Tới thứ Hai 08:00" by default, "Tới 07:30 kế tiếp" with DAILY_REMINDER_CRON
 * "30 7 * * *". Without a next fire time (nextFireAfter allows it) the label names no time.
 */
export function jumpLabels(config: JobCrons, now: Date): Record<ClockJump, string> {
  const daily = nextJobTime(config, "daily-reminder", now);
  const weekly = nextJobTime(config, "weekly-digest", now);
  const weekday = (l: Date): string => (WEEKDAYS[l.getUTCDay()] ?? "").replace(/^./, (c) => c.toLowerCase());
  return {
    "next-0800": daily ? `Tới ${hhmm(local(daily))} kế tiếp` : "Tới giờ nhắc việc kế tiếp",
    "next-monday-0800": weekly ? `Tới ${weekday(local(weekly))} ${hhmm(local(weekly))}` : "Tới giờ gửi bản tin tuần",
  };
}
