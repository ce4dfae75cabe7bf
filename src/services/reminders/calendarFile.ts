/** Schedules take the calendar as a parameter (tests pass their own); production uses the file. */
import { workCalendar, type CalendarSource } from "../calendar.js";

export type { CalendarSource } from "../calendar.js";
export const fileCalendar: CalendarSource = workCalendar;
