/**
 * Reporting-day countdown (issue #4 "Reporting day"): a directive with a monthly reporting day
 * ("báo cáo vào ngày 25 mỗi tháng", Long An §4.7a) reminds the units it sets targets for 3 days
 * and 1 day before and on the day; a quarterly one likewise before the quarter's report. It is a
 * section of the combined morning message, not a message of its own.
 *
 * Rules (docs/SCHEDULES.md): monthly needs `reporting.day`; quarterly falls due on that day of
 * the quarter's last month, or on the quarter's last day when no day is given. A countdown day
 * that is not worked moves to the working day before it. A unit that already sent fresh figures
 * for the report (on or after the first countdown day) is not reminded again.
 */
import type { WorkCalendar } from "../domain/calendar/index.js";
import { daysInMonth, endOfMonth, monthOf, pad2, type IsoDate } from "../domain/directive/dates.js";
import type { Directive } from "../domain/directive/schema.js";
import { validityOn } from "../domain/directive/validity.js";
import { scopeBindsUnit } from "../domain/evaluation/index.js";
import { reminderTexts } from "../messages/reminders.js";
import { countdownSendDays, deadlineHit } from "../services/reminders/countdown.js";
import { figureKey, lastReports } from "../services/figures/history.js";
import type { MorningContributor, MorningSection } from "../services/reminders/reminders.js";
import { directiveIndicatorsFor } from "../services/figures/standing.js";

export const REPORTING_OFFSETS = [3, 1, 0] as const;

type Reporting = NonNullable<Directive["reporting"]>;
export type ReportingDue = { due: IsoDate; periodText: string };

const ROMAN = ["I", "II", "III", "IV"] as const;

function dueIn(year: number, month: number, day: number | undefined): IsoDate {
  return day === undefined ? endOfMonth(year, month) : `${year}-${pad2(month)}-${pad2(Math.min(day, daysInMonth(year, month)))}`;
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

type Hit = { directive: Directive; due: ReportingDue; daysLeft: number; firstSendDay: IsoDate };

function hitsOn(directives: readonly Directive[], today: IsoDate, cal: WorkCalendar): Hit[] {
  const out: Hit[] = [];
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

export const reportingSections: MorningContributor = async (ctx) => {
  const catalog = ctx.deps.catalog.get();
  const hits = hitsOn(catalog.directives, ctx.day, ctx.cal);
  if (hits.length === 0) return [];
  const reports = await lastReports(ctx.deps.prisma, [monthOf(ctx.day)], ctx.at);
  const out: MorningSection[] = [];
  for (const chat of ctx.chats) {
    const lines = hits.flatMap((h) => {
      // The report is owed by `owedBy` (Long An mục 4.7a: sở, ngành, huyện — not communes).
      const owedBy = h.directive.reporting?.owedBy;
      if (owedBy && !scopeBindsUnit(owedBy, catalog.evaluationUnit(chat.unit), h.directive)) return [];
      const indicators = directiveIndicatorsFor(catalog, chat.unit, h.directive);
      if (indicators.length === 0) return [];
      const fresh = indicators.every((i) => (reports.get(figureKey(chat.unit.code, i.code))?.day ?? "") >= h.firstSendDay);
      if (fresh) return [];
      return [{ directiveNumber: h.directive.number, periodText: h.due.periodText, due: h.due.due, daysLeft: h.daysLeft, indicators }];
    });
    if (lines.length > 0) out.push({ chatId: chat.chatId, unitCode: chat.unit.code, kind: "reporting", lines: reminderTexts.reporting(lines) });
  }
  return out;
};
