/**
 * A unit's standing on a given day, for the schedules. Jobs judge "today" from their fire
 * time, not from the clock at the moment they happen to run (a catch-up at 08:40 still speaks
 * for 08:00), so this takes the day instead of reading `deps.clock` like `evaluateFigures`.
 */
import { figuresForPeriod } from "../../db/repos/figures.js";
import type { Catalog, CatalogUnit } from "../../domain/catalog.js";
import type { IsoDate } from "../../domain/directive/dates.js";
import type { Directive, Indicator } from "../../domain/directive/schema.js";
import { scopeBindsUnit, type Evaluation, type Figures } from "../../domain/evaluation/index.js";
import type { Db } from "../../db/client.js";
import { asOfForPeriod } from "./figures.js";
import { figureKey } from "./history.js";

export function evaluateOn(
  catalog: Catalog,
  unit: CatalogUnit,
  indicatorCode: string,
  period: string,
  figures: Figures | null,
  day: IsoDate,
): Evaluation {
  return catalog.evaluator.evaluate({
    unit: catalog.evaluationUnit(unit),
    indicatorCode,
    figures,
    asOf: asOfForPeriod(period, day),
  });
}

/** Current figures of a period keyed by `figureKey(unit, indicator)`. */
export async function figuresMap(prisma: Db, period: string, indicatorCode?: string): Promise<Map<string, Figures>> {
  const rows = await figuresForPeriod(prisma, period, indicatorCode);
  return new Map(
    rows.map((r) => [figureKey(r.unitCode, r.indicatorCode), { numerator: r.numerator, denominator: r.denominator }]),
  );
}

/** Indicators of one directive that have a milestone binding the unit. */
export function directiveIndicatorsFor(catalog: Catalog, unit: CatalogUnit, directive: Directive): Indicator[] {
  const eu = catalog.evaluationUnit(unit);
  return directive.indicators.filter((i) =>
    directive.milestones.some((m) => m.indicator === i.code && scopeBindsUnit(m.scope, eu, directive)),
  );
}
