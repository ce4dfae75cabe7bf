/**
 * What a `/nop` request becomes before anything is written: the indicator it names (or the
 * unit's default), its figures as numerator/denominator, the month — or why it cannot be taken,
 * or that it must be confirmed first (a month more than OLD_PERIOD_MONTHS back). The bot, the
 * guided flow and the confirmation buttons all go through here, so they refuse alike.
 */
import type { CatalogUnit } from "../../domain/catalog.js";
import type { Indicator } from "../../domain/directive/schema.js";
import { OLD_PERIOD_MONTHS } from "../../domain/limits.js";
import { monthsBetween, previousMonth } from "../../domain/month.js";
import type { Clock } from "../../clock.js";
import type { AppDeps, CatalogReader } from "../context.js";
import { currentPeriod } from "./figures.js";

/** The figures of a request, as the grammar reads them: a ratio's total and part, or a count. */
export type RequestFigures =
  | { kind: "report"; indicatorCode: string | null; total: number; part: number; period: string | null }
  | { kind: "count"; indicatorCode: string; count: number; period: string | null };

export type PlannedFigure = { indicator: Indicator; period: string; numerator: number; denominator: number };

export type ReportPlan =
  | { kind: "ready"; figure: PlannedFigure }
  | { kind: "old"; figure: PlannedFigure; monthsBack: number }
  | { kind: "no-indicators" }
  | { kind: "unknown-indicator"; code: string; valid: readonly Indicator[] }
  /** No code given, and the unit reports only scored indices' components: which one is not guessed. */
  | { kind: "needs-code"; valid: readonly Indicator[] }
  | { kind: "ratio-needs-two"; indicator: Indicator }
  | { kind: "count-needs-one"; indicator: Indicator }
  | { kind: "future"; period: string };

/** The indicators this unit reports on today (the directives that bind it), the default first. */
export function reportableIndicators(deps: { catalog: CatalogReader }, unit: CatalogUnit): Indicator[] {
  const catalog = deps.catalog.get();
  const all = catalog.indicatorsFor(unit);
  // The default as Catalog.defaultIndicator picks it without a date, from the list already at hand;
  // never a scored index's component (docs/INDEX.md): `/nop 120 95` means a directive's figure.
  const def = all.find((i) => i.default) ?? all.find((i) => !catalog.isIndexOnly(i.code));
  return def ? [def, ...all.filter((i) => i !== def)] : all;
}

/**
 * `indicators`: the unit's, default first (`reportableIndicators`), when the caller already has
 * them — `/nop` comes in bursts on reporting days, and the list is the costly part.
 */
export function planReport(
  deps: { catalog: CatalogReader; clock: Clock },
  unit: CatalogUnit,
  req: RequestFigures,
  indicators: readonly Indicator[] = reportableIndicators(deps, unit),
): ReportPlan {
  if (indicators.length === 0) return { kind: "no-indicators" };
  const code = req.indicatorCode?.toLowerCase();
  const first = indicators[0];
  if (!code && first && deps.catalog.get().isIndexOnly(first.code)) return { kind: "needs-code", valid: indicators };
  const indicator = code ? indicators.find((i) => i.code.toLowerCase() === code) : first;
  if (!indicator) return { kind: "unknown-indicator", code: req.indicatorCode ?? "", valid: indicators };
  // A count indicator takes one number (kept over a denominator of 0); a ratio takes two.
  const isCount = indicator.kind === "count";
  if (req.kind === "count" && !isCount) return { kind: "ratio-needs-two", indicator };
  if (req.kind === "report" && isCount) return { kind: "count-needs-one", indicator };
  const now = currentPeriod(deps);
  const period = req.period ?? now;
  if (period > now) return { kind: "future", period };
  const [numerator, denominator] = req.kind === "count" ? [req.count, 0] : [req.part, req.total];
  const figure = { indicator, period, numerator, denominator };
  const monthsBack = monthsBetween(period, now);
  return monthsBack > OLD_PERIOD_MONTHS ? { kind: "old", figure, monthsBack } : { kind: "ready", figure };
}

/** This month and last month, the two the guided flow offers. */
export function offeredPeriods(deps: Pick<AppDeps, "clock">): { current: string; previous: string } {
  const current = currentPeriod(deps);
  return { current, previous: previousMonth(current) };
}
