/**
 * The one working-day calendar of the application: schedules (docs/SCHEDULES.md: working days only,
 * make-up Saturdays) and dossier deadlines (docs/DOSSIERS.md: Tết) both judge days with it. Read once
 * from `directives/calendar/vn-holidays.yaml` and kept; a broken file is an operator error,
 * reported loudly (the job run records it) rather than guessed around.
 */
import { loadCalendarFile } from "../directives/loadCalendar.js";
import type { WorkCalendar } from "../domain/calendar/index.js";
import { vnDate, type IsoDate } from "../domain/directive/dates.js";
import { formatProblem } from "../domain/directive/problems.js";
import type { AppDeps } from "./context.js";

export type CalendarSource = () => Promise<WorkCalendar>;

let cached: Promise<WorkCalendar> | undefined;

export function workCalendar(): Promise<WorkCalendar> {
  cached ??= loadCalendarFile().then((r) => {
    if (r.ok) return r.calendar;
    cached = undefined;
    throw new Error(`lịch ngày nghỉ không hợp lệ: ${r.problems.map(formatProblem).join("; ")}`);
  });
  return cached;
}

/** Today in Vietnam, by the application's clock. */
export function todayOf(deps: Pick<AppDeps, "clock">): IsoDate {
  return vnDate(deps.clock.now());
}
