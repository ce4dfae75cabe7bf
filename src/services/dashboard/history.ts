/**
 * One unit's line over the months (the page's «Diễn biến» when a unit is chosen): each month
 * judged on its last day, as the digest judges a closed month, with the target in force that
 * day and every milestone that binds the unit for the indicator.
 */
import type { Catalog, CatalogUnit } from "../../domain/catalog.js";
import type { IsoDate, IsoMonth } from "../../domain/directive/dates.js";
import { toMilestoneRef, type Figures } from "../../domain/evaluation/index.js";
import { previousMonth } from "../../domain/month.js";
import { evaluateOn } from "../figures/standing.js";
import { monthFigureKey, unitRef } from "./ranking.js";
import type { UnitHistory } from "./types.js";

/** A year of months: enough to see a target's deadline come and go. */
export const HISTORY_MONTHS = 12;

export function historyMonths(period: IsoMonth): IsoMonth[] {
  const out = [period];
  while (out.length < HISTORY_MONTHS) out.unshift(previousMonth(out[0] ?? period));
  return out;
}

export function unitHistory(
  catalog: Catalog,
  unit: CatalogUnit,
  codes: readonly string[],
  months: readonly IsoMonth[],
  figures: ReadonlyMap<string, Figures>,
  day: IsoDate,
): UnitHistory[] {
  const eu = catalog.evaluationUnit(unit);
  return codes.map((code) => {
    const indicator = catalog.indicator(code);
    const points = months.map((period) => {
      const e = evaluateOn(
        catalog,
        unit,
        code,
        period,
        figures.get(monthFigureKey(period, unit.code, code)) ?? null,
        day,
      );
      return {
        period,
        percent: e.ratio === null ? null : Math.round(e.ratio * 1000) / 10,
        percentText: e.percentText,
        level: e.level,
        target: e.inForce && e.kind === "ratio" ? e.inForce.target : null,
      };
    });
    const milestones = catalog.evaluator
      .bindingMilestones(eu, code)
      .map((b) => toMilestoneRef(b.bound))
      .sort((a, b) => a.deadline.localeCompare(b.deadline))
      .map((m) => ({
        deadline: m.deadline,
        deadlineText: m.deadlineText,
        targetText: m.targetText,
        target: m.target,
        directive: m.directiveNumber,
      }));
    return { unit: unitRef(unit), indicator: { code, name: indicator?.name ?? code }, points, milestones };
  });
}
