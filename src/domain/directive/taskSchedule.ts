/**
 * When a task falls due (docs/DIRECTIVES.md): the due date of the occurrence current on `asOf`, and a
 * key naming that occurrence, so that reminders and "đã hoàn thành" marks attach to one month
 * of a monthly task rather than to the task for ever.
 *
 * One-off deadlines (a date, a month, a month or year range) have a single occurrence whose
 * due date never moves, even once passed: an overdue task stays overdue. Recurring ones roll:
 * the current occurrence is the first whose due date is on or after `asOf`.
 *
 * Pure: `asOf` is a parameter; dates are ISO strings.
 */
import { daysInMonth, endOfMonth, lastDayOfMonth, pad2, type IsoDate } from "./dates.js";
import type { TaskDeadline } from "./schema.js";

export type TaskOccurrence = {
  /** null for "Thường xuyên": there is nothing to be late for. */
  due: IsoDate | null;
  /** Stable per occurrence: `2023-12-09`, `2023-11`, `2022-09..2022-10`, `2023-Q4`, `continuous`. */
  key: string;
  recurring: boolean;
};

export function currentOccurrence(deadline: TaskDeadline, asOf: IsoDate): TaskOccurrence {
  switch (deadline.kind) {
    case "date":
      return { due: deadline.date, key: deadline.date, recurring: false };
    case "month":
      return { due: lastDayOfMonth(deadline.month), key: deadline.month, recurring: false };
    case "monthRange":
      return { due: lastDayOfMonth(deadline.to), key: `${deadline.from}..${deadline.to}`, recurring: false };
    case "yearRange":
      return { due: `${deadline.to}-12-31`, key: `${deadline.from}..${deadline.to}`, recurring: false };
    case "from":
      // "Từ ngày X": a duty for ever after X, nothing to be late for once it has started.
      return { due: null, key: "continuous", recurring: true };
    case "recurring":
      // Before its first month the first occurrence is the current one.
      return recurringOccurrence(
        deadline,
        deadline.from !== undefined && asOf < `${deadline.from}-01` ? `${deadline.from}-01` : asOf,
      );
  }
}

type Recurring = Extract<TaskDeadline, { kind: "recurring" }>;

function recurringOccurrence(dl: Recurring, asOf: IsoDate): TaskOccurrence {
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7));
  const occurrence = (due: IsoDate, key: string): TaskOccurrence => ({ due, key, recurring: true });
  switch (dl.rule) {
    case "continuous":
      return { due: null, key: "continuous", recurring: true };
    case "monthly":
      return occurrence(endOfMonth(year, month), `${year}-${pad2(month)}`);
    case "quarterly": {
      const q = Math.ceil(month / 3);
      return occurrence(endOfMonth(year, q * 3), `${year}-Q${q}`);
    }
    case "yearly": {
      // "Hàng năm" without a date is due at the year's end (schema: default 31/12).
      const dueIn = (y: number) => yearlyDue(y, dl.month, dl.day);
      const y = dueIn(year) >= asOf ? year : year + 1;
      return occurrence(dueIn(y), String(y));
    }
    case "monthlyBeforeDay":
    case "firstWeekOfMonth": {
      const dueIn = (y: number, m: number) =>
        dl.rule === "firstWeekOfMonth" ? dayOf(y, m, 7) : dayBefore(y, m, dl.day);
      let [y, m] = [year, month];
      if (dueIn(y, m) < asOf) [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
      return occurrence(dueIn(y, m), `${y}-${pad2(m)}`);
    }
  }
}

/** The day clamped to the month: "ngày 31" in a 30-day month is its last day. */
function dayOf(year: number, month: number, day: number): IsoDate {
  return `${year}-${pad2(month)}-${pad2(Math.min(day, daysInMonth(year, month)))}`;
}

/**
 * "Trước ngày 25 hằng tháng" is due on the 24th. Without a day (rejected by
 * validateDirective) the month's last day; "trước ngày 1" is the previous month's last day.
 */
function dayBefore(year: number, month: number, day: number | undefined): IsoDate {
  if (day === undefined || day > daysInMonth(year, month)) return endOfMonth(year, month);
  if (day === 1) return month === 1 ? endOfMonth(year - 1, 12) : endOfMonth(year, month - 1);
  return dayOf(year, month, day - 1);
}

function yearlyDue(year: number, month: number | undefined, day: number | undefined): IsoDate {
  if (month === undefined) return `${year}-12-31`;
  return day === undefined ? endOfMonth(year, month) : dayOf(year, month, day);
}
