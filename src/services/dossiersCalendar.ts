/**
 * The working-day calendar the dossier features judge deadlines with (issue #5: Tết handled by
 * the holiday calendar). Read once from `directives/calendar/vn-holidays.yaml` and kept; a
 * broken file is an operator error, reported loudly rather than guessed around.
 */
import { loadCalendarFile } from "../directives/loadCalendar.js";
import type { WorkCalendar } from "../domain/calendar/index.js";
import { vnDate, type IsoDate } from "../domain/directive/dates.js";
import type { AppDeps } from "./context.js";

let cached: Promise<WorkCalendar> | undefined;

export function workCalendar(): Promise<WorkCalendar> {
  cached ??= loadCalendarFile().then((r) => {
    if (r.ok) return r.calendar;
    cached = undefined;
    throw new Error(`lịch ngày nghỉ không hợp lệ: ${r.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`);
  });
  return cached;
}

/** Today in Vietnam, by the application's clock. */
export function todayOf(deps: Pick<AppDeps, "clock">): IsoDate {
  return vnDate(deps.clock.now());
}
