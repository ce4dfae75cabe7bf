/**
 * The escalation day, the staleness of figures, the catch-up windows and the default crons
 * (src/domain/schedule/), each at, just below and just above its limit.
 */
import { describe, expect, test } from "vitest";
import {
  assertCron,
  CATCH_UP_MS,
  DEFAULT_CRON,
  ESCALATE_AFTER,
  figuresDue,
  isWithinCatchUp,
  unitsToName,
} from "../../src/domain/schedule/index.js";

const reminded = (unitCode: string, ...days: string[]) => days.map((day) => ({ unitCode, day }));

describe(`escalation: named after ${ESCALATE_AFTER} reminders ignored since the last report`, () => {
  test.each([
    ["never reported, two reminders", new Map(), [], reminded("A", "2026-11-16", "2026-11-17"), []],
    ["never reported, three reminders", new Map(), [], reminded("A", "2026-11-16", "2026-11-17", "2026-11-18"), ["A"]],
    [
      "three reminders, the first on the report's day",
      new Map([["A", "2026-11-16"]]),
      [],
      reminded("A", "2026-11-16", "2026-11-17", "2026-11-18"),
      [],
    ],
    [
      "three reminders after the report",
      new Map([["A", "2026-11-13"]]),
      [],
      reminded("A", "2026-11-16", "2026-11-17", "2026-11-18"),
      ["A"],
    ],
    [
      "told on the second: the count restarts",
      new Map(),
      [{ unitCode: "A", day: "2026-11-17" }],
      reminded("A", "2026-11-16", "2026-11-17", "2026-11-18"),
      [],
    ],
    [
      "told, then three more ignored",
      new Map(),
      [{ unitCode: "A", day: "2026-11-17" }],
      reminded("A", "2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-23"),
      ["A"],
    ],
    [
      "told before the last report: the report is the later cut-off",
      new Map([["A", "2026-11-18"]]),
      [{ unitCode: "A", day: "2026-11-13" }],
      reminded("A", "2026-11-16", "2026-11-17", "2026-11-19"),
      [],
    ],
    [
      "one unit named, the other not",
      new Map(),
      [],
      [...reminded("A", "2026-11-16", "2026-11-17", "2026-11-18"), ...reminded("B", "2026-11-18")],
      ["A"],
    ],
  ])("%s", (_name, lastReport, told, rem, named) => {
    expect([...unitsToName({ lastReport, told, reminded: rem })]).toEqual(named);
  });

  test("the same day counted twice (two chats of one unit) is one reminder", () => {
    expect(
      unitsToName({
        lastReport: new Map(),
        told: [],
        reminded: reminded("A", "2026-11-16", "2026-11-16", "2026-11-17"),
      }).size,
    ).toBe(0);
  });
});

describe("figures are chased when the latest report is missing or old", () => {
  test.each([
    [null, "2026-11-23", 7, true],
    ["2026-11-17", "2026-11-23", 7, false], // 6 days: just below
    ["2026-11-16", "2026-11-23", 7, true], // 7 days: at
    ["2026-11-15", "2026-11-23", 7, true], // 8 days: just above
    ["2026-11-10", "2026-11-23", 14, false],
    ["2026-11-09", "2026-11-23", 14, true],
  ])("last report %s, today %s, window %i days → due %s", (last, day, window, due) => {
    expect(figuresDue(last, day, window)).toBe(due);
  });
});

describe("catch-up windows", () => {
  const fire = new Date("2026-11-23T08:00:00+07:00");
  test.each(Object.entries(CATCH_UP_MS))("%s: at its window (%i ms) still runs, 1 ms later not", (_job, ms) => {
    expect(isWithinCatchUp(fire, fire, ms)).toBe(true);
    expect(isWithinCatchUp(fire, new Date(fire.getTime() + ms - 1), ms)).toBe(true);
    expect(isWithinCatchUp(fire, new Date(fire.getTime() + ms), ms)).toBe(true);
    expect(isWithinCatchUp(fire, new Date(fire.getTime() + ms + 1), ms)).toBe(false);
  });

  test("the daily reminder missed until 08:40 still goes; until noon and a bit, not", () => {
    expect(isWithinCatchUp(fire, new Date("2026-11-23T08:40:00+07:00"), CATCH_UP_MS["daily-reminder"])).toBe(true);
    expect(isWithinCatchUp(fire, new Date("2026-11-23T12:00:01+07:00"), CATCH_UP_MS["daily-reminder"])).toBe(false);
  });
});

test.each(Object.entries(DEFAULT_CRON))("default %s (%s) is a valid five-field cron", (_name, expr) => {
  expect(() => assertCron(expr)).not.toThrow();
});
