import { beforeAll, describe, expect, test } from "vitest";
import { addDays, isoWeekday } from "../../src/domain/calendar/days.js";
import { parseCalendarText, type WorkCalendar } from "../../src/domain/calendar/schema.js";
import {
  addWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  nonWorkingReason,
  onOrNextWorkingDay,
  previousWorkingDay,
  workingDaysBetween,
} from "../../src/domain/calendar/workingDays.js";
import { loadCalendarFile } from "../../src/directives/loadCalendar.js";

let cal: WorkCalendar;
beforeAll(async () => {
  const loaded = await loadCalendarFile();
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  cal = loaded.calendar;
});

describe("the shipped calendar covers 2022–2027", () => {
  test("every year is present", () => {
    expect([...cal.years].sort()).toEqual([2022, 2023, 2024, 2025, 2026, 2027]);
  });
  test.each([2022, 2023, 2024, 2025, 2026, 2027])("%i has 11 legal holidays and no worked holiday", (year) => {
    const holidays = [...cal.holidays.keys()].filter((d) => d.startsWith(`${year}-`));
    expect(holidays).toHaveLength(11);
    for (const d of holidays) expect(isWorkingDay(d, cal)).toBe(false);
  });
});

describe("isWorkingDay", () => {
  test.each<[string, boolean]>([
    // Tết Bính Ngọ 2026: off Saturday 14/02 to Sunday 22/02, back on Monday 23/02.
    ["2026-02-13", true],
    ["2026-02-14", false],
    ["2026-02-16", false],
    ["2026-02-17", false],
    ["2026-02-20", false],
    ["2026-02-22", false],
    ["2026-02-23", true],
    // Tết Dương lịch 2026: Friday 02/01 swapped for Saturday 10/01 (làm bù).
    ["2026-01-02", false],
    ["2026-01-10", true],
    ["2026-01-17", false],
    // 30/4–1/5/2024: Monday 29/04 off, Saturday 04/05 worked.
    ["2024-04-29", false],
    ["2024-05-04", true],
    ["2025-04-26", true],
    ["2025-05-02", false],
    // Quốc khánh: two days (2/9 and an adjacent day), and nghỉ bù when 2/9 is a Saturday.
    ["2023-09-01", false],
    ["2023-09-04", false],
    ["2023-09-05", true],
    ["2024-09-02", false],
    ["2024-09-03", false],
    ["2024-09-04", true],
    ["2025-09-01", false],
    ["2025-09-02", false],
    ["2025-09-03", true],
    ["2023-10-02", true],
    ["2023-09-30", false],
  ])("%s → %s", (date, expected) => {
    expect(isWorkingDay(date, cal)).toBe(expected);
  });

  test("outside the covered years only weekends are known", () => {
    expect(isWorkingDay("2030-01-01", cal)).toBe(true);
    expect(isWorkingDay("2030-01-05", cal)).toBe(false);
  });

  test("reasons are named", () => {
    expect(nonWorkingReason("2026-02-17", cal)).toBe("Tết Nguyên đán (mùng 1)");
    expect(nonWorkingReason("2023-09-04", cal)).toMatch(/Nghỉ bù Quốc khánh/);
    expect(nonWorkingReason("2023-10-01", cal)).toBe("Chủ nhật");
    expect(nonWorkingReason("2023-10-02", cal)).toBeNull();
  });
});

describe("moving by working days", () => {
  test.each<[string, number, string]>([
    ["2026-02-13", 1, "2026-02-23"], // the Tết week is skipped
    ["2026-02-12", 2, "2026-02-23"],
    ["2026-02-23", -1, "2026-02-13"],
    ["2026-01-09", 1, "2026-01-10"], // the make-up Saturday counts
    ["2026-01-01", 1, "2026-01-05"],
    ["2023-08-31", 1, "2023-09-05"],
    ["2023-10-02", 5, "2023-10-09"],
    ["2023-10-02", 0, "2023-10-02"],
    ["2026-02-17", 0, "2026-02-17"],
  ])("addWorkingDays(%s, %i) → %s", (date, n, expected) => {
    expect(addWorkingDays(date, n, cal)).toBe(expected);
  });

  test("next and previous are strict", () => {
    expect(nextWorkingDay("2026-02-13", cal)).toBe("2026-02-23");
    expect(nextWorkingDay("2023-10-02", cal)).toBe("2023-10-03");
    expect(previousWorkingDay("2026-02-23", cal)).toBe("2026-02-13");
    expect(previousWorkingDay("2024-05-06", cal)).toBe("2024-05-04");
    expect(onOrNextWorkingDay("2026-02-17", cal)).toBe("2026-02-23");
    expect(onOrNextWorkingDay("2026-02-13", cal)).toBe("2026-02-13");
  });

  test.each<[string, string, number]>([
    ["2026-02-13", "2026-02-23", 1],
    ["2026-02-01", "2026-02-28", 15], // 20 weekdays − 5 Tết days
    ["2026-02-23", "2026-02-13", -1],
    ["2026-01-01", "2026-01-11", 6],
    ["2023-10-02", "2023-10-02", 0],
  ])("workingDaysBetween(%s, %s) → %i", (from, to, expected) => {
    expect(workingDaysBetween(from, to, cal)).toBe(expected);
  });

  test("addWorkingDays and workingDaysBetween agree over a whole year", () => {
    let d = "2025-12-31";
    for (let n = 1; n <= 260; n++) {
      d = nextWorkingDay(d, cal);
      expect(addWorkingDays("2025-12-31", n, cal)).toBe(d);
      expect(workingDaysBetween("2025-12-31", d, cal)).toBe(n);
    }
  });
});

test("day helpers", () => {
  expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
  expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
  expect(isoWeekday("2026-02-17")).toBe(2);
  expect(isoWeekday("2026-02-22")).toBe(7);
  expect(() => addDays("2023-02-30", 1)).toThrow(RangeError);
});

describe("calendar file validation", () => {
  const yaml = (body: string) => `weekend: [6, 7]\nyears:\n${body}`;
  test.each<[string, string, RegExp]>([
    ["wrong year", `  - year: 2024\n    holidays: [{ date: "2025-01-01", name: "x" }]\n`, /không thuộc năm 2024/],
    ["bad date", `  - year: 2024\n    holidays: [{ date: "2024-02-30", name: "x" }]\n`, /ngày không hợp lệ/],
    [
      "weekday make-up",
      `  - year: 2024\n    makeUpWorkingDays: [{ date: "2024-05-06", name: "x" }]\n`,
      /không phải ngày nghỉ hằng tuần/,
    ],
    [
      "both off and worked",
      `  - year: 2024\n    compensatoryDaysOff: [{ date: "2024-05-04", name: "x" }]\n    makeUpWorkingDays: [{ date: "2024-05-04", name: "y" }]\n`,
      /đã có trong/,
    ],
    ["duplicate year", `  - year: 2024\n  - year: 2024\n`, /bị lặp/],
  ])("%s", (_label, body, message) => {
    const result = parseCalendarText(yaml(body));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => `${p.path}: ${p.message}`).join("\n")).toMatch(message);
  });

  test.each<[string, string, string]>([
    [
      "holiday: for holidays:",
      `  - year: 2026\n    holiday:\n      - { date: "2026-02-17", name: "Tết Nguyên đán (mùng 1)" }\n`,
      "years[0].holiday",
    ],
    [
      "a typo in a day",
      `  - year: 2026\n    holidays: [{ date: "2026-02-17", nam: "Tết" }]\n`,
      "years[0].holidays[0].nam",
    ],
    ["a typo at the top", `  - year: 2026\nweekends: [6, 7]\n`, "weekends"],
  ])("an unknown key is rejected, not ignored: %s", (_label, body, path) => {
    const result = parseCalendarText(yaml(body));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((p) => p.path)).toContain(path);
      expect(result.problems.find((p) => p.path === path)?.message).toMatch(/khóa không hợp lệ .*viết sai tên trường/);
    }
  });

  test("broken YAML", () => {
    const result = parseCalendarText("years: [");
    expect(result.ok).toBe(false);
  });
});
