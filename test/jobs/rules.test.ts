import { beforeAll, describe, expect, test } from "vitest";
import type { WorkCalendar } from "../../src/domain/calendar/index.js";
import type { CatalogUnit } from "../../src/domain/catalog.js";
import type { Task } from "../../src/domain/directive/schema.js";
import { directive } from "../domain/scheduleFixtures.js";
import {
  countdownSendDays,
  deadlineHit,
  isoWeekKey,
  nextReportingDue,
  peakWeekOf,
  TASK_OFFSETS,
} from "../../src/domain/schedule/index.js";
import { CAPTION_LIMIT, changeText, DIGEST_LINES, digestTexts } from "../../src/messages/digest.js";
import { albumChunks } from "../../src/services/digest/digest.js";
import type { IndicatorDigest } from "../../src/services/digest/data.js";
import { fileCalendar } from "../../src/services/reminders/calendarFile.js";
import { liveOccurrences } from "../../src/services/tasks/tasks.js";

let cal: WorkCalendar;
beforeAll(async () => {
  cal = await fileCalendar();
});

describe("countdown days (task offsets 7, 3, 1, 0)", () => {
  test.each([
    ["2026-11-26", ["2026-11-19", "2026-11-23", "2026-11-25", "2026-11-26"]],
    // D-1 is a Sunday: moved to Friday, where D-3 already is — one reminder that day.
    ["2026-11-30", ["2026-11-23", "2026-11-27", "2026-11-30"]],
    // Due right after Tết 2026 (16–20/02 off): every countdown day before moves to Friday 13/02.
    ["2026-02-23", ["2026-02-13", "2026-02-23"]],
    // Due on Quốc khánh (02/09/2026): "on the day" goes out on Monday 31/08.
    ["2026-09-02", ["2026-08-26", "2026-08-28", "2026-08-31"]],
  ])("due %s → sent on %j", (due, days) => {
    expect(countdownSendDays(due, TASK_OFFSETS, cal)).toEqual(days);
  });

  test.each([
    ["2026-11-19", "2026-11-26", { kind: "countdown", daysLeft: 7 }],
    ["2026-11-20", "2026-11-26", null],
    ["2026-11-26", "2026-11-26", { kind: "countdown", daysLeft: 0 }],
    ["2026-11-27", "2026-11-26", { kind: "overdue", daysLate: 1 }],
    ["2026-11-28", "2026-11-26", null], // Saturday: nothing is sent
    ["2026-02-13", "2026-02-23", { kind: "countdown", daysLeft: 10 }],
  ])("on %s for a task due %s", (today, due, hit) => {
    expect(deadlineHit(due, today, TASK_OFFSETS, cal, true)).toEqual(hit);
  });
});

test.each([
  ["2026-01-01", "2026-W01"],
  ["2025-12-29", "2026-W01"],
  ["2026-11-23", "2026-W48"],
  ["2027-01-01", "2026-W53"],
  ["2027-01-04", "2027-W01"],
])("ISO week of %s is %s", (day, week) => expect(isoWeekKey(day)).toBe(week));

describe("reporting due dates", () => {
  test.each([
    [{ cadence: "monthly", day: 25 }, "2026-11-20", { due: "2026-11-25", periodText: "tháng 11/2026" }],
    [{ cadence: "monthly", day: 25 }, "2026-11-25", { due: "2026-11-25", periodText: "tháng 11/2026" }],
    [{ cadence: "monthly", day: 25 }, "2026-12-26", { due: "2027-01-25", periodText: "tháng 01/2027" }],
    [{ cadence: "monthly", day: 31 }, "2026-11-05", { due: "2026-11-30", periodText: "tháng 11/2026" }],
    [{ cadence: "quarterly" }, "2026-11-05", { due: "2026-12-31", periodText: "quý IV/2026" }],
    [{ cadence: "quarterly", day: 20 }, "2026-12-21", { due: "2027-03-20", periodText: "quý I/2027" }],
    [{ cadence: "monthly" }, "2026-11-05", null],
    [{ cadence: "weekly" }, "2026-11-05", null],
  ] as const)("%j on %s", (reporting, today, expected) => {
    expect(nextReportingDue(reporting, today)).toEqual(expected);
  });
});

test.each([
  ["2026-05-03", null],
  ["2026-06-01", { from: "2026-06-01", to: "2026-06-07" }],
  ["2026-06-07", { from: "2026-06-01", to: "2026-06-07" }],
  ["2026-06-08", null],
])("peak week on %s", (day, week) => {
  expect(peakWeekOf(directive({ peakWeek: { from: "2026-06" } }), day)).toEqual(week);
});

describe("live task occurrences", () => {
  const ref = (deadline: Task["deadline"], issuedOn = "01/10/2026") => {
    const d = directive({ issuedOn, tasks: [{ code: "T", title: "T", lead: { tiers: ["xa"] }, deadline }] });
    const task = d.tasks[0];
    if (!task) throw new Error("no task");
    return { directive: d, task };
  };
  test.each([
    [{ kind: "recurring", rule: "monthly" } as const, "01/10/2026", "2026-11-15", ["2026-10-31", "2026-11-30"]],
    [{ kind: "recurring", rule: "monthly" } as const, "10/11/2026", "2026-11-15", ["2026-11-30"]],
    [
      { kind: "recurring", rule: "monthlyBeforeDay", day: 25 } as const,
      "01/10/2026",
      "2026-11-25",
      ["2026-11-24", "2026-12-24"],
    ],
    [{ kind: "recurring", rule: "yearly" } as const, "01/01/2025", "2026-03-01", ["2025-12-31", "2026-12-31"]],
    [{ kind: "date", date: "2026-11-26" } as const, "01/10/2026", "2027-05-01", ["2026-11-26"]],
    [{ kind: "recurring", rule: "continuous" } as const, "01/10/2026", "2026-11-15", []],
  ])("%j issued %s, on %s", (deadline, issuedOn, day, dues) => {
    expect(liveOccurrences(ref(deadline, issuedOn), day).map((o) => o.due)).toEqual(dues);
  });
});

test.each([
  [2, [2]],
  [10, [10]],
  [11, [6, 5]],
  [20, [10, 10]],
  [21, [7, 7, 7]],
])("%i images → albums of %j", (n, sizes) => {
  expect(albumChunks(Array.from({ length: n }, (_, i) => i)).map((c) => c.length)).toEqual(sizes);
});

test.each([
  [{ numerator: 90, denominator: 100 }, { numerator: 80, denominator: 100 }, "▲10"],
  [{ numerator: 50, denominator: 100 }, { numerator: 52, denominator: 100 }, "▼2"],
  [{ numerator: 1, denominator: 3 }, { numerator: 1, denominator: 4 }, "▲8,3"],
  [{ numerator: 7, denominator: 10 }, { numerator: 70, denominator: 100 }, "="],
  [{ numerator: 7, denominator: 10 }, null, "mới"],
  [null, { numerator: 7, denominator: 10 }, ""],
])("change %j since %j → %s", (now, before, text) => expect(changeText(now, before)).toBe(text));

test(`a caption stays within ${DIGEST_LINES} lines and 1,024 characters with hundreds of units and tasks`, () => {
  const unit = (i: number): CatalogUnit => ({
    code: `U${i}`,
    name: `Ủy ban nhân dân xã Thượng Nông Hạ Lương Tây Bắc số ${i}`,
    tier: "xa",
    parentCode: "R",
  });
  const task = directive({
    tasks: [
      {
        code: "NHIEM-VU-RAT-DAI-001",
        title: "T",
        lead: { tiers: ["xa"] },
        deadline: { kind: "date", date: "2026-01-01" },
      },
    ],
  }).tasks[0];
  if (!task) throw new Error("no task");
  const d: IndicatorDigest = {
    indicator: {
      code: "hs",
      name: "Tỷ lệ hồ sơ",
      kind: "ratio",
      numerator: "a",
      denominator: "b",
      itemWord: "hồ sơ",
      default: true,
      wording: "Tỷ lệ hồ sơ",
    },
    period: "2026-11",
    closed: false,
    day: "2026-11-23",
    rows: [],
    ranked: [],
    belowTarget: [],
    counts: { xanh: 0, vang: 0, cam: 0, do: 0, notReported: 300, noData: 0, unjudged: 0 },
    total: { now: null, weekAgo: null },
    notReported: Array.from({ length: 300 }, (_, i) => unit(i)),
  };
  const extras = {
    overdue: Array.from({ length: 60 }, () => ({ task, due: "2026-01-01", leads: [unit(1)] })),
    escalated: Array.from({ length: 100 }, (_, i) => unit(i)),
  };
  const caption = digestTexts.caption(d, unit(0), extras);
  expect(caption.length).toBeLessThanOrEqual(CAPTION_LIMIT);
  expect(caption.split("\n").length).toBeLessThanOrEqual(DIGEST_LINES);
  expect(caption).toContain("⚪ chưa báo cáo 300");
  expect(caption).toContain("chưa báo cáo (300)");
  expect(caption).toContain("… +");
});
