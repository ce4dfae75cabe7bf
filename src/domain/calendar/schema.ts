/**
 * The holiday calendar file `directives/calendar/vn-holidays.yaml` (docs/DIRECTIVES.md), parsed
 * and validated here; reading the file is the edge's job (`src/directives/loadCalendar.ts`).
 * Objects are strict, like the directive schema's: a typo such as `holiday:` for `holidays:`
 * is an error, not a year without holidays (which would count Tết as working days).
 *
 * Pure: zod and yaml only.
 */
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { isValidIsoDate, type IsoDate } from "../directive/dates.js";
import { directiveErrorMap, formatDirectiveIssues } from "../directive/problems.js";
import { isoWeekday } from "./days.js";

const isoDateSchema = z
  .string()
  .refine(isValidIsoDate, { message: "ngày không hợp lệ (dùng YYYY-MM-DD, đặt trong dấu ngoặc kép)" });
const daySchema = z.strictObject({ date: isoDateSchema, name: z.string().min(1) });

const yearSchema = z
  .strictObject({
    year: z.number().int().min(1990).max(2100),
    holidays: z.array(daySchema).default([]),
    compensatoryDaysOff: z.array(daySchema).default([]),
    makeUpWorkingDays: z.array(daySchema).default([]),
  })
  .superRefine((y, ctx) => {
    const lists = ["holidays", "compensatoryDaysOff", "makeUpWorkingDays"] as const;
    const seen = new Map<string, string>();
    for (const list of lists) {
      y[list].forEach((d, i) => {
        if (!d.date.startsWith(`${y.year}-`)) {
          ctx.addIssue({
            code: "custom",
            path: [list, i, "date"],
            message: `ngày ${d.date} không thuộc năm ${y.year}`,
          });
        }
        const previous = seen.get(d.date);
        if (previous && previous !== list) {
          ctx.addIssue({ code: "custom", path: [list, i, "date"], message: `ngày ${d.date} đã có trong ${previous}` });
        }
        seen.set(d.date, list);
      });
    }
  });

export const calendarFileSchema = z
  .strictObject({
    /** ISO weekdays of the weekly rest (6 = Thứ Bảy, 7 = Chủ nhật) for public bodies. */
    weekend: z.array(z.number().int().min(1).max(7)).default([6, 7]),
    years: z.array(yearSchema).min(1, "cần ít nhất một năm"),
  })
  .superRefine((c, ctx) => {
    const years = c.years.map((y) => y.year);
    years.forEach((year, i) => {
      if (years.indexOf(year) !== i)
        ctx.addIssue({ code: "custom", path: ["years", i, "year"], message: `năm ${year} bị lặp` });
    });
    c.years.forEach((y, i) =>
      y.makeUpWorkingDays.forEach((d, j) => {
        if (isValidIsoDate(d.date) && !c.weekend.includes(isoWeekday(d.date))) {
          ctx.addIssue({
            code: "custom",
            path: ["years", i, "makeUpWorkingDays", j, "date"],
            message: `ngày làm bù ${d.date} không phải ngày nghỉ hằng tuần`,
          });
        }
      }),
    );
  });
export type CalendarFile = z.infer<typeof calendarFileSchema>;

/** The calendar in the form the working-day functions use. */
export type WorkCalendar = {
  weekend: ReadonlySet<number>;
  holidays: ReadonlyMap<IsoDate, string>;
  daysOff: ReadonlyMap<IsoDate, string>;
  makeUpWorkingDays: ReadonlyMap<IsoDate, string>;
  /** Years the file covers; outside them only weekends are known. */
  years: ReadonlySet<number>;
};

export type CalendarProblem = { path: string; message: string };
export type CalendarParseResult = { ok: true; calendar: WorkCalendar } | { ok: false; problems: CalendarProblem[] };

export function buildCalendar(file: CalendarFile): WorkCalendar {
  const collect = (pick: (y: CalendarFile["years"][number]) => { date: string; name: string }[]) =>
    new Map(file.years.flatMap(pick).map((d) => [d.date, d.name] as const));
  return {
    weekend: new Set(file.weekend),
    holidays: collect((y) => y.holidays),
    daysOff: collect((y) => y.compensatoryDaysOff),
    makeUpWorkingDays: collect((y) => y.makeUpWorkingDays),
    years: new Set(file.years.map((y) => y.year)),
  };
}

export function parseCalendarData(data: unknown): CalendarParseResult {
  // The directive files' Vietnamese error map: a missing field, an unknown key (reported at
  // the key, `years[0].holiday`) and zod's own messages all read the same in both files.
  const parsed = calendarFileSchema.safeParse(data, { error: directiveErrorMap });
  if (!parsed.success) return { ok: false, problems: formatDirectiveIssues(parsed.error.issues) };
  return { ok: true, calendar: buildCalendar(parsed.data) };
}

export function parseCalendarText(text: string): CalendarParseResult {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ path: "(tệp)", message: `YAML không hợp lệ: ${message}` }] };
  }
  return parseCalendarData(data);
}
