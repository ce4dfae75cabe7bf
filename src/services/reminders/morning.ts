/**
 * One reminder morning (the daily-reminder job decides whether the day is one): every section
 * module contributes what concerns each active unit chat (reminders.ts combines them into one
 * message a chat). Sections are collected with `allSettled`: one broken section (say, a directive
 * whose task list trips an edge) is logged and left out; the others still go.
 */
import type { WorkCalendar } from "../../domain/calendar/index.js";
import type { IsoDate } from "../../domain/directive/dates.js";
import { describeError } from "../../delivery/failures.js";
import type { AppDeps } from "../context.js";
import { figureSections } from "./figureReminders.js";
import { peakWeekSections } from "./peakSections.js";
import {
  activeUnitChats,
  sendMorningMessages,
  type MorningContext,
  type MorningContributor,
  type MorningResult,
  type MorningSection,
} from "./reminders.js";
import { reportingSections } from "./reportingSections.js";
import { taskSections } from "./taskSections.js";

export const MORNING_CONTRIBUTORS: Readonly<Record<string, MorningContributor>> = {
  figures: figureSections,
  reporting: reportingSections,
  peak: peakWeekSections,
  tasks: taskSections,
};

/** `at`: reports up to this instant count (a catch-up at 08:40 spares a unit that reported at 08:20). */
export async function sendMorning(
  deps: AppDeps,
  o: { day: IsoDate; at: Date; cal: WorkCalendar },
): Promise<MorningResult & { failed?: string[] }> {
  const ctx: MorningContext = { deps, day: o.day, at: o.at, cal: o.cal, chats: await activeUnitChats(deps) };
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
  return { ...(await sendMorningMessages(ctx, sections)), ...(failed.length > 0 ? { failed } : {}) };
}
