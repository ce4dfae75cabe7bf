/**
 * Which days a reminder goes out (src/domain/schedule/): at, just before and just after every
 * offset; working days against holidays and a make-up Saturday; the peak week's edges; the
 * reporting-day countdown. Calendar: test/domain/scheduleFixtures.ts (holiday Fri 20/11/2026,
 * make-up Sat 28/11/2026).
 */
import { describe, expect, test } from "vitest";
import {
  countdownSendDays,
  deadlineHit,
  isFirstWorkingDayOfMonth,
  isReminderDay,
  peakWeekOf,
  peakWeekOn,
  REPORTING_OFFSETS,
  reportingHitsOn,
  TASK_OFFSETS,
} from "../../src/domain/schedule/index.js";
import { cal, directive } from "./scheduleFixtures.js";

describe("reminder days", () => {
  test.each([
    ["2026-11-19", true], // Thursday
    ["2026-11-20", false], // the holiday, a Friday
    ["2026-11-21", false], // Saturday
    ["2026-11-22", false], // Sunday
    ["2026-11-28", true], // make-up Saturday
  ])("%s is a reminder day: %s", (day, yes) => expect(isReminderDay(day, cal)).toBe(yes));

  test.each([
    ["2026-11-02", true], // 01/11 is a Sunday: Monday the 2nd is the first working day
    ["2026-11-03", false],
    ["2026-11-01", false],
    ["2026-12-01", true],
  ])("%s is the first working day of its month: %s", (day, yes) =>
    expect(isFirstWorkingDayOfMonth(day, cal)).toBe(yes),
  );
});

describe(`task deadline due Thursday 12/11 (offsets ${TASK_OFFSETS.join(", ")}; overdue every working day)`, () => {
  const due = "2026-11-12";
  test.each([
    ["2026-11-04", null], // D-8: before the first offset
    ["2026-11-05", { kind: "countdown", daysLeft: 7 }], // D-7: at
    ["2026-11-06", null], // D-6: just after
    ["2026-11-08", null], // D-4, a Sunday
    ["2026-11-09", { kind: "countdown", daysLeft: 3 }],
    ["2026-11-10", null],
    ["2026-11-11", { kind: "countdown", daysLeft: 1 }],
    ["2026-11-12", { kind: "countdown", daysLeft: 0 }],
    ["2026-11-13", { kind: "overdue", daysLate: 1 }],
    ["2026-11-14", null], // Saturday: nothing leaves
    ["2026-11-16", { kind: "overdue", daysLate: 4 }],
    ["2026-11-20", null], // the holiday
    ["2026-11-28", { kind: "overdue", daysLate: 16 }], // make-up Saturday is worked
  ])("on %s", (today, hit) => expect(deadlineHit(due, today, TASK_OFFSETS, cal, true)).toEqual(hit));

  test("without the overdue rule (reporting), nothing after the due day", () => {
    expect(deadlineHit(due, "2026-11-13", TASK_OFFSETS, cal, false)).toBeNull();
  });
});

describe("a countdown day that is not worked moves to the working day before it", () => {
  test.each([
    // D-3 on the holiday and D-1 on Sunday: both go out on Thursday 19/11, once.
    ["2026-11-23", TASK_OFFSETS, ["2026-11-16", "2026-11-19", "2026-11-23"]],
    // D-1 on the make-up Saturday stays there instead of merging into Friday.
    ["2026-11-30", TASK_OFFSETS, ["2026-11-23", "2026-11-27", "2026-11-28", "2026-11-30"]],
    // Due on a Sunday: "on the day" goes out on Friday.
    ["2026-11-15", REPORTING_OFFSETS, ["2026-11-12", "2026-11-13"]],
  ])("due %s, offsets %j → %j", (due, offsets, days) => expect(countdownSendDays(due, offsets, cal)).toEqual(days));

  test("the merged day counts the real days left", () => {
    expect(deadlineHit("2026-11-23", "2026-11-19", TASK_OFFSETS, cal, true)).toEqual({
      kind: "countdown",
      daysLeft: 4,
    });
    expect(deadlineHit("2026-11-30", "2026-11-28", TASK_OFFSETS, cal, true)).toEqual({
      kind: "countdown",
      daysLeft: 2,
    });
  });
});

describe(`reporting day 25 each month (offsets ${REPORTING_OFFSETS.join(", ")})`, () => {
  const monthly = directive({ reporting: { cadence: "monthly", day: 25 } });
  const hits = (today: string) =>
    reportingHitsOn([monthly], today, cal).map((h) => ({
      due: h.due.due,
      daysLeft: h.daysLeft,
      firstSendDay: h.firstSendDay,
    }));
  test.each([
    ["2026-11-18", []],
    // D-3 is Sunday 22 → Friday 20 is the holiday → Thursday 19.
    ["2026-11-19", [{ due: "2026-11-25", daysLeft: 6, firstSendDay: "2026-11-19" }]],
    ["2026-11-20", []],
    ["2026-11-23", []],
    ["2026-11-24", [{ due: "2026-11-25", daysLeft: 1, firstSendDay: "2026-11-19" }]],
    ["2026-11-25", [{ due: "2026-11-25", daysLeft: 0, firstSendDay: "2026-11-19" }]],
    ["2026-11-26", []],
    ["2026-12-21", []],
    ["2026-12-22", [{ due: "2026-12-25", daysLeft: 3, firstSendDay: "2026-12-22" }]],
  ])("on %s", (today, expected) => expect(hits(today)).toEqual(expected));

  test("quarterly without a day falls due on the quarter's last day", () => {
    const quarterly = directive({ reporting: { cadence: "quarterly" } });
    expect(reportingHitsOn([quarterly], "2026-12-28", cal).map((h) => [h.due.due, h.daysLeft])).toEqual([
      ["2026-12-31", 3],
    ]);
    expect(reportingHitsOn([quarterly], "2026-12-29", cal)).toEqual([]);
  });

  test("a directive not yet in force does not count down", () => {
    const later = directive({ issuedOn: "01/12/2026", reporting: { cadence: "monthly", day: 25 } });
    expect(reportingHitsOn([later], "2026-11-24", cal)).toEqual([]);
  });
});

describe("peak week: days 1–7 of each month from `peakWeek.from`", () => {
  const longAn = directive({ peakWeek: { from: "2026-11" } });
  test.each([
    ["2026-10-01", null], // before `from`
    ["2026-10-31", null],
    ["2026-11-01", { from: "2026-11-01", to: "2026-11-07" }],
    ["2026-11-07", { from: "2026-11-01", to: "2026-11-07" }],
    ["2026-11-08", null],
    ["2026-12-01", { from: "2026-12-01", to: "2026-12-07" }],
  ])("on %s", (day, week) => expect(peakWeekOf(longAn, day)).toEqual(week));

  test("only directives in force have a peak week", () => {
    expect(peakWeekOn([longAn], "2026-11-02")?.directives).toEqual([longAn]);
    expect(peakWeekOn([directive({ issuedOn: "01/12/2026", peakWeek: { from: "2026-11" } })], "2026-11-02")).toBeNull();
    expect(peakWeekOn([directive({})], "2026-11-02")).toBeNull();
  });
});
