/**
 * Schedule rules, one home (docs/SCHEDULES.md is checked against these constants by
 * test/domain/scheduleDoc.test.ts). Pure: the day, the instant and the calendar are parameters.
 *
 * - cron.ts        default crons, timezone, fire-time arithmetic
 * - windows.ts     catch-up window of each job; heartbeat and stale-run limits
 * - days.ts        which days a schedule acts on (working days, first working day of the month)
 * - countdown.ts   task and reporting offsets, moving a countdown day off a day off, overdue days
 * - reporting.ts   reporting due dates and which directives count down today
 * - peakWeek.ts    the peak week of a directive
 * - figures.ts     when missing figures are chased (staleness by cadence)
 * - escalation.ts  when an ignored unit is named to its leaders
 */
export * from "./cron.js";
export * from "./windows.js";
export * from "./days.js";
export * from "./countdown.js";
export * from "./reporting.js";
export * from "./peakWeek.js";
export * from "./figures.js";
export * from "./escalation.js";
