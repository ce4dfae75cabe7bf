/**
 * Peak week (Long An's "tuần lễ cao điểm", seed 002 §1: the first week of every month from
 * `peakWeek.from`). "First week" = days 1–PEAK_WEEK_LAST_DAY of the month, the same week the
 * task schedule uses for `firstWeekOfMonth` tasks (due on the 7th), so the peak week and its
 * tasks agree. Only working days of it send anything (days.ts).
 */
import { monthOf, pad2, type IsoDate } from "../directive/dates.js";
import type { Directive } from "../directive/schema.js";
import { validityOn } from "../directive/validity.js";

export const PEAK_WEEK_LAST_DAY = 7;

export type PeakWeek = { from: IsoDate; to: IsoDate };

export function peakWeekOf(directive: Directive, day: IsoDate): PeakWeek | null {
  const pw = directive.peakWeek;
  if (!pw || monthOf(day) < pw.from || Number(day.slice(8, 10)) > PEAK_WEEK_LAST_DAY) return null;
  return { from: `${monthOf(day)}-01`, to: `${monthOf(day)}-${pad2(PEAK_WEEK_LAST_DAY)}` };
}

/** Directives in force on `day` whose peak week it is (each reaches only its own jurisdiction). */
export function peakWeekOn(
  all: readonly Directive[],
  day: IsoDate,
): { directives: Directive[]; week: PeakWeek } | null {
  const directives = all.filter((d) => peakWeekOf(d, day) !== null && validityOn(d, day, all) === "in-force");
  const first = directives[0];
  const week = first ? peakWeekOf(first, day) : null;
  return week ? { directives, week } : null;
}
