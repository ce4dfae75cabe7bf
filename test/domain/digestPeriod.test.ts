import { describe, expect, test } from "vitest";
import { CLOSING_DAYS, digestPeriod, workWeekOf } from "../../src/domain/digest/period.js";
import { weekText } from "../../src/messages/digest.js";

describe("the month a digest shows: the month just ended in the first days of a month", () => {
  test.each([
    // The first Monday of December 2026 is the 7th: still November's final figures.
    ["2026-12-01", "2026-11", true],
    ["2026-12-07", "2026-11", true],
    ["2026-12-08", "2026-12", false],
    ["2026-11-23", "2026-11", false],
    ["2026-11-30", "2026-11", false],
    // Across the year: 04/01 is the first Monday of 2027 and shows December 2026.
    ["2027-01-04", "2026-12", true],
    ["2027-01-11", "2027-01", false],
  ])("%s → %s (closed: %s)", (day, period, closed) => {
    expect(digestPeriod(day)).toEqual({ period, closed });
  });

  test("every month's first Monday falls within the closing days", () => {
    expect(CLOSING_DAYS).toBe(7);
  });
});

describe("the week by its dates, Monday to Friday", () => {
  test.each([
    ["2026-11-30", "2026-11-30", "2026-12-04", "tuần 30/11–04/12"],
    ["2026-12-03", "2026-11-30", "2026-12-04", "tuần 30/11–04/12"],
    ["2026-12-06", "2026-11-30", "2026-12-04", "tuần 30/11–04/12"],
    ["2026-12-28", "2026-12-28", "2027-01-01", "tuần 28/12–01/01"],
  ])("%s → %s … %s (%s)", (day, monday, friday, text) => {
    expect(workWeekOf(day)).toEqual({ monday, friday });
    expect(weekText(day)).toBe(text);
  });
});
