/**
 * When a unit is chased for its figures (docs/SCHEDULES.md "Số liệu"). Figures are kept per month
 * and are running totals, so a unit is chased for an indicator when its latest report — of the
 * current month, or of the previous month in the first days of a new one — is missing or at least
 * `staleAfterDays` old. A unit that reported this week is left alone until a week after that
 * report; one that never reported is reminded every working day.
 */
import { daysBetween } from "../calendar/index.js";
import type { Catalog, CatalogUnit } from "../catalog.js";
import type { IsoDate } from "../directive/dates.js";
import type { Directive } from "../directive/schema.js";
import { scopeBindsUnit } from "../evaluation/index.js";

/**
 * Days after which a report is old enough to chase again, by the directive's cadence. Weekly
 * and monthly both ask for a weekly refresh of the running monthly total (leaders read the
 * Monday digest); a quarterly report is chased every two weeks, a yearly one every month.
 */
export const STALE_AFTER_DAYS: Record<NonNullable<Directive["reporting"]>["cadence"], number> = {
  weekly: 7,
  monthly: 7,
  quarterly: 14,
  yearly: 30,
};
/** Directives without a `reporting` block (Bắc Kạn): as monthly. */
export const DEFAULT_STALE_AFTER_DAYS = 7;

/** The strictest (shortest) window among the directives setting milestones for this unit × indicator. */
export function staleAfterDays(catalog: Catalog, unit: CatalogUnit, indicatorCode: string): number {
  const eu = catalog.evaluationUnit(unit);
  const windows = catalog.directives
    .filter((d) => d.milestones.some((m) => m.indicator === indicatorCode && scopeBindsUnit(m.scope, eu, d)))
    .map((d) => (d.reporting ? STALE_AFTER_DAYS[d.reporting.cadence] : DEFAULT_STALE_AFTER_DAYS));
  return windows.length > 0 ? Math.min(...windows) : DEFAULT_STALE_AFTER_DAYS;
}

/** Is a report last made on `lastDay` (null: never) due for a reminder on `day`? */
export function figuresDue(lastDay: IsoDate | null, day: IsoDate, windowDays: number): boolean {
  return lastDay === null || daysBetween(lastDay, day) >= windowDays;
}
