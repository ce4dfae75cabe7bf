/** The one `previousMonth` (src/domain/month.ts): of a period and of a day, across the year's turn. */
import { describe, expect, it } from "vitest";
import { closingPeriod, monthsBetween, monthWithoutYear, previousMonth } from "../../src/domain/month.js";

describe("previousMonth", () => {
  it.each([
    ["2026-02", "2026-01"],
    ["2026-01", "2025-12"],
    ["2026-12", "2026-11"],
    ["2026-10", "2026-09"],
    ["2026-11", "2026-10"],
    ["2027-01-04", "2026-12"],
    ["2026-03-31", "2026-02"],
    ["2026-10-01", "2026-09"],
    ["2000-01-01", "1999-12"],
  ])("%s → %s", (of, month) => {
    expect(previousMonth(of)).toBe(month);
  });
});

describe("closingPeriod: the month a day's reminders ask about", () => {
  it.each([
    ["2027-01-04", "2026-12"],
    ["2027-01-05", "2026-12"],
    ["2027-01-07", "2026-12"],
    ["2027-01-08", "2027-01"],
    ["2026-12-01", "2026-11"],
    ["2026-12-31", "2026-12"],
  ])("%s → %s", (day, month) => {
    expect(closingPeriod(day)).toBe(month);
  });
});

describe("monthWithoutYear and monthsBetween", () => {
  it.each([
    [10, "2026-12", "2026-10"],
    [12, "2026-12", "2026-12"],
    [12, "2027-01", "2026-12"],
    [1, "2027-01", "2027-01"],
    [13, "2026-12", null],
    [0, "2026-12", null],
  ])("month %i seen from %s → %s", (m, current, expected) => {
    expect(monthWithoutYear(m, current)).toBe(expected);
  });

  it.each([
    ["2022-12", "2026-12", 48],
    ["2026-10", "2026-12", 2],
    ["2026-11", "2027-01", 2],
    ["2026-12", "2026-12", 0],
  ])("%s is %s minus %i months", (a, b, n) => {
    expect(monthsBetween(a, b)).toBe(n);
  });
});
