/**
 * The daily reminder (DAILY_REMINDER_CRON, every day in the cron so that make-up Saturdays are
 * reached): on a reminder day (domain/schedule/days.ts) every active unit chat gets at most one
 * message combining the sections that concern it — missing figures, reporting-day countdown, peak
 * week, task deadlines (services/reminders/). On a day off nothing is sent.
 *
 * Sections are collected with `allSettled`: one broken section (say, a directive whose task
 * list trips an edge) is logged and left out; the others still go.
 */
import { nonWorkingReason } from "../domain/calendar/index.js";
import { vnDate } from "../domain/directive/dates.js";
import { isReminderDay } from "../domain/schedule/index.js";
import { describeError } from "../delivery/failures.js";
import type { AppDeps } from "../services/context.js";
import type { CalendarSource } from "../services/reminders/calendarFile.js";
import { figureSections } from "../services/reminders/figureReminders.js";
import { peakWeekSections } from "../services/reminders/peakSections.js";
import {
  activeUnitChats,
  sendMorningMessages,
  type MorningContext,
  type MorningContributor,
  type MorningSection,
} from "../services/reminders/reminders.js";
import { reportingSections } from "../services/reminders/reportingSections.js";
import { taskSections } from "../services/reminders/taskSections.js";
import type { JobContext } from "./types.js";

export const MORNING_CONTRIBUTORS: Readonly<Record<string, MorningContributor>> = {
  figures: figureSections,
  reporting: reportingSections,
  peak: peakWeekSections,
  tasks: taskSections,
};

export async function runDailyReminder(
  deps: AppDeps,
  calendar: CalendarSource,
  { fireTime, now }: JobContext,
): Promise<unknown> {
  const day = vnDate(fireTime);
  const cal = await calendar();
  if (!isReminderDay(day, cal)) return { day, skipped: nonWorkingReason(day, cal) };
  // Reports up to now count (a catch-up at 08:40 spares a unit that reported at 08:20).
  const ctx: MorningContext = { deps, day, at: now, cal, chats: await activeUnitChats(deps) };
  const names = Object.keys(MORNING_CONTRIBUTORS);
  const settled = await Promise.allSettled(Object.values(MORNING_CONTRIBUTORS).map((c) => c(ctx)));
  const sections: MorningSection[] = [];
  const failed: string[] = [];
  settled.forEach((s, i) => {
    if (s.status === "fulfilled") sections.push(...s.value);
    else {
      failed.push(names[i] ?? String(i));
      deps.logger.error(
        { job: "daily-reminder", section: names[i], reason: describeError(s.reason) },
        "morning section failed",
      );
    }
  });
  return { day, ...(await sendMorningMessages(ctx, sections)), ...(failed.length > 0 ? { failed } : {}) };
}
