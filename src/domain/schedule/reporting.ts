/**
 * Reporting-day countdown (docs/SCHEDULES.md "Hạn báo cáo định kỳ"): a directive with a monthly
 * reporting day ("báo cáo vào ngày 25 mỗi tháng", Long An §4.7a) reminds the units it sets
 * targets for on REPORTING_OFFSETS; a quarterly one likewise before the quarter's report.
 *
 * Monthly needs `reporting.day`; quarterly falls due on that day of the quarter's last month, or
 * on the quarter's last day when no day is given; yearly on `day`/`month`, else 31/12. A
 * countdown day that is not worked moves to the working day before it (countdown.ts).
 */
import type { WorkCalendar } from "../calendar/index.js";
import { daysInMonth, endOfMonth, pad2, type IsoDate } from "../directive/dates.js";
import type { Directive } from "../directive/schema.js";
import { validityOn } from "../directive/validity.js";
import { countdownSendDays, deadlineHit, REPORTING_OFFSETS } from "./countdown.js";

type Reporting = NonNullable<Directive["reporting"]>;
export type ReportingDue = { due: IsoDate; periodText: string };

const ROMAN = ["I", "II", "III", "IV"] as const;

function dueIn(year: number, month: number, day: number | undefined): IsoDate {
  return day === undefined
    ? endOfMonth(year, month)
    : `${year}-${pad2(month)}-${pad2(Math.min(day, daysInMonth(year, month)))}`;
}

/** The next reporting due date on or after `today`, or null when the directive sets none. */
export function nextReportingDue(reporting: Reporting, today: IsoDate): ReportingDue | null {
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  if (reporting.cadence === "monthly" && reporting.day !== undefined) {
    let due = dueIn(year, month, reporting.day);
    if (due < today) {
      [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
      due = dueIn(year, month, reporting.day);
    }
    return { due, periodText: `tháng ${pad2(month)}/${year}` };
  }
  if (reporting.cadence === "yearly") {
    // "Báo cáo hằng năm": on `day`/`month` if given, else at the year's end.
    const on = (y: number) => (reporting.month === undefined ? `${y}-12-31` : dueIn(y, reporting.month, reporting.day));
    const y = on(year) >= today ? year : year + 1;
    return { due: on(y), periodText: `năm ${y}` };
  }
  if (reporting.cadence === "quarterly") {
    let q = Math.ceil(month / 3);
    let due = dueIn(year, q * 3, reporting.day);
    if (due < today) {
      [year, q] = q === 4 ? [year + 1, 1] : [year, q + 1];
      due = dueIn(year, q * 3, reporting.day);
    }
    return { due, periodText: `quý ${ROMAN[q - 1] ?? q}/${year}` };
  }
  return null;
}

/**
 * A directive whose countdown reminds today. `firstSendDay` is the first countdown day: a unit
 * that sent fresh figures on or after it has answered and is not reminded again.
 */
export type ReportingHit = { directive: Directive; due: ReportingDue; daysLeft: number; firstSendDay: IsoDate };

/** Directives in force on `today` whose reporting countdown sends today. */
export function reportingHitsOn(directives: readonly Directive[], today: IsoDate, cal: WorkCalendar): ReportingHit[] {
  const out: ReportingHit[] = [];
  for (const directive of directives) {
    if (validityOn(directive, today, directives) !== "in-force") continue;
    const due = directive.reporting ? nextReportingDue(directive.reporting, today) : null;
    if (!due) continue;
    const hit = deadlineHit(due.due, today, REPORTING_OFFSETS, cal, false);
    if (hit?.kind !== "countdown") continue;
    const firstSendDay = countdownSendDays(due.due, REPORTING_OFFSETS, cal)[0] ?? today;
    out.push({ directive, due, daysLeft: hit.daysLeft, firstSendDay });
  }
  return out;
}
