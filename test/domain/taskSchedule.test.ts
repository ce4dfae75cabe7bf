import { expect, test } from "vitest";
import { taskDeadlineObjectSchema, type TaskDeadline } from "../../src/domain/directive/schema.js";
import { currentOccurrence } from "../../src/domain/directive/taskSchedule.js";

const dl = (x: unknown): TaskDeadline => taskDeadlineObjectSchema.parse(x);

test.each<[string, unknown, string, string | null, string]>([
  // One-off deadlines never move, even once passed (seed 001 BR-7, 003 TQ-1.5, 004 Phụ lục II).
  ["date, before", { kind: "date", date: "09/12/2023" }, "2023-12-01", "2023-12-09", "2023-12-09"],
  ["date, on the day", { kind: "date", date: "09/12/2023" }, "2023-12-09", "2023-12-09", "2023-12-09"],
  ["date, after", { kind: "date", date: "09/12/2023" }, "2024-01-05", "2023-12-09", "2023-12-09"],
  ["month", { kind: "month", month: "2022-09" }, "2022-08-15", "2022-09-30", "2022-09"],
  ["month, February of a leap year", { kind: "month", month: "2024-02" }, "2024-02-01", "2024-02-29", "2024-02"],
  [
    "month range 9-10/2022",
    { kind: "monthRange", from: "2022-09", to: "2022-10" },
    "2022-09-01",
    "2022-10-31",
    "2022-09..2022-10",
  ],
  [
    "month range 9-10-11/2022",
    { kind: "monthRange", from: "2022-09", to: "2022-11" },
    "2022-12-01",
    "2022-11-30",
    "2022-09..2022-11",
  ],
  ["year range 2021-2025", { kind: "yearRange", from: 2021, to: 2025 }, "2023-06-01", "2025-12-31", "2021..2025"],
  // Recurring deadlines roll to the next occurrence once passed.
  ["continuous", { kind: "recurring", rule: "continuous" }, "2023-06-01", null, "continuous"],
  ["monthly", { kind: "recurring", rule: "monthly" }, "2023-02-10", "2023-02-28", "2023-02"],
  ["monthly, last day", { kind: "recurring", rule: "monthly" }, "2023-02-28", "2023-02-28", "2023-02"],
  [
    "before the 25th, early in the month",
    { kind: "recurring", rule: "monthlyBeforeDay", day: 25 },
    "2022-06-10",
    "2022-06-24",
    "2022-06",
  ],
  [
    "before the 25th, on the 24th",
    { kind: "recurring", rule: "monthlyBeforeDay", day: 25 },
    "2022-06-24",
    "2022-06-24",
    "2022-06",
  ],
  [
    "before the 25th, on the 25th rolls",
    { kind: "recurring", rule: "monthlyBeforeDay", day: 25 },
    "2022-06-25",
    "2022-07-24",
    "2022-07",
  ],
  [
    "before the 25th, December rolls to January",
    { kind: "recurring", rule: "monthlyBeforeDay", day: 25 },
    "2022-12-28",
    "2023-01-24",
    "2023-01",
  ],
  [
    "before the 31st in February",
    { kind: "recurring", rule: "monthlyBeforeDay", day: 31 },
    "2023-02-10",
    "2023-02-28",
    "2023-02",
  ],
  [
    "before the 1st is the previous month's end",
    { kind: "recurring", rule: "monthlyBeforeDay", day: 1 },
    "2023-03-05",
    "2023-03-31",
    "2023-04",
  ],
  [
    "first week of the month, inside it",
    { kind: "recurring", rule: "firstWeekOfMonth" },
    "2022-06-03",
    "2022-06-07",
    "2022-06",
  ],
  [
    "first week of the month, on the 7th",
    { kind: "recurring", rule: "firstWeekOfMonth" },
    "2022-06-07",
    "2022-06-07",
    "2022-06",
  ],
  [
    "first week of the month, after it",
    { kind: "recurring", rule: "firstWeekOfMonth" },
    "2022-06-08",
    "2022-07-07",
    "2022-07",
  ],
  ["yearly (Hàng năm)", { kind: "recurring", rule: "yearly" }, "2022-08-01", "2022-12-31", "2022"],
  [
    "yearly on 31/03, before",
    { kind: "recurring", rule: "yearly", month: 3, day: 31 },
    "2023-03-31",
    "2023-03-31",
    "2023",
  ],
  [
    "yearly on 31/03, after",
    { kind: "recurring", rule: "yearly", month: 3, day: 31 },
    "2023-04-01",
    "2024-03-31",
    "2024",
  ],
  ["yearly in June, no day", { kind: "recurring", rule: "yearly", month: 6 }, "2023-01-01", "2023-06-30", "2023"],
  ["quarterly, Q1", { kind: "recurring", rule: "quarterly" }, "2023-01-01", "2023-03-31", "2023-Q1"],
  ["quarterly, Q4", { kind: "recurring", rule: "quarterly" }, "2023-11-15", "2023-12-31", "2023-Q4"],
  ["quarterly, last day of Q2", { kind: "recurring", rule: "quarterly" }, "2023-06-30", "2023-06-30", "2023-Q2"],
])("%s", (_what, deadline, asOf, due, key) => {
  expect(currentOccurrence(dl(deadline), asOf)).toEqual({
    due,
    key,
    recurring: (deadline as { kind: string }).kind === "recurring",
  });
});
