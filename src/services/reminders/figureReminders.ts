/**
 * The "missing figures" section of the morning message (issue #4 "Daily reminder").
 *
 * The rule (docs/SCHEDULES.md): figures are kept per month and are running totals, so a unit
 * is chased for an indicator when its latest report — of the current month, or of the previous
 * month in the first days of a new one — is missing or at least `staleAfterDays` old. A unit
 * that reported this week is therefore left alone until a week after that report, not nagged
 * every morning; one that never reported is reminded every working day.
 */
import type { Catalog, CatalogUnit } from "../../domain/catalog.js";
import { daysBetween } from "../../domain/calendar/index.js";
import { monthOf } from "../../domain/directive/dates.js";
import type { Directive } from "../../domain/directive/schema.js";
import { scopeBindsUnit } from "../../domain/evaluation/index.js";
import { reminderTexts, type FigureItem } from "../../messages/reminders.js";
import { figureKey, lastReports } from "../figures/history.js";
import type { MorningContributor, MorningSection } from "./reminders.js";
import { previousMonth } from "../../domain/month.js";
import { evaluateOn, figuresMap } from "../figures/standing.js";

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

export const figureSections: MorningContributor = async (ctx) => {
  const catalog = ctx.deps.catalog.get();
  const period = monthOf(ctx.day);
  const reports = await lastReports(ctx.deps.prisma, [period, previousMonth(period)], ctx.at);
  const current = await figuresMap(ctx.deps.prisma, period);
  const out: MorningSection[] = [];
  for (const chat of ctx.chats) {
    const { unit } = chat;
    const items: FigureItem[] = [];
    let anyDue = false;
    // Only indicators with a target in force or still to come: a lapsed one is not chased.
    for (const indicator of catalog.indicatorsFor(unit, ctx.day)) {
      const key = figureKey(unit.code, indicator.code);
      const last = reports.get(key);
      const figures = current.get(key) ?? null;
      const due = !last || daysBetween(last.day, ctx.day) >= staleAfterDays(catalog, unit, indicator.code);
      const evaluation = evaluateOn(catalog, unit, indicator.code, period, figures, ctx.day);
      const behind = (evaluation.missing !== null && evaluation.missing > 0) || evaluation.missingUnreachable;
      if (!due && !behind) continue;
      anyDue ||= due;
      items.push({ indicator, due, hasFigures: figures !== null, lastDay: last?.day ?? null, evaluation });
    }
    // Being behind alone is not a reason to write every morning: the gap rides along with a
    // reminder that is due anyway (issue #4: "units behind their milestone get the gap").
    if (!anyDue) continue;
    const defaultCode = catalog.defaultIndicator(unit)?.code ?? null;
    out.push({
      chatId: chat.chatId,
      unitCode: unit.code,
      kind: "figures",
      lines: reminderTexts.figures(period, ctx.day, items, defaultCode),
    });
  }
  return out;
};
