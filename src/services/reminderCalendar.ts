/**
 * The working-day calendar the schedules obey (issue #4: reminders on working days only,
 * skipping public holidays, honouring make-up Saturdays). Read once from
 * `directives/calendar/vn-holidays.yaml`; a broken file fails the job run loudly (recorded in
 * JobRun) rather than guessing which days are worked.
 */
import { loadCalendarFile } from "../directives/loadCalendar.js";
import type { WorkCalendar } from "../domain/calendar/index.js";

export type CalendarSource = () => Promise<WorkCalendar>;

let cached: Promise<WorkCalendar> | undefined;

export const fileCalendar: CalendarSource = () => {
  cached ??= loadCalendarFile().then((r) => {
    if (r.ok) return r.calendar;
    cached = undefined;
    throw new Error(`lịch ngày nghỉ không hợp lệ: ${r.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`);
  });
  return cached;
};
