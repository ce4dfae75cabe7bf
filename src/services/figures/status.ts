/** `/tinhtrang`: a unit's standing, or the units below a leaders' chat, worst first. */
import { figuresForPeriod } from "../../db/repos/figures.js";
import type { CatalogUnit } from "../../domain/catalog.js";
import type { Indicator } from "../../domain/directive/schema.js";
import { compareRatios, countLevels } from "../../domain/evaluation/index.js";
import type { AppDeps, CatalogReader } from "../context.js";
import { asOfForPeriod, evaluateFigures } from "./figures.js";
import { vnDate } from "../../domain/directive/dates.js";
import type { UnitIndicatorStatus, SubtreeRow, SubtreeStatus } from "../../messages/views.js";

export type { UnitIndicatorStatus, SubtreeRow, SubtreeStatus } from "../../messages/views.js";

export async function unitStatus(deps: AppDeps, unit: CatalogUnit, period: string): Promise<UnitIndicatorStatus[]> {
  const catalog = deps.catalog.get();
  const figures = await figuresForPeriod(deps.prisma, period);
  return catalog.indicatorsFor(unit).flatMap((indicator) => {
    const f = figures.find((x) => x.unitCode === unit.code && x.indicatorCode === indicator.code) ?? null;
    // A scored index's component has no target here: shown once reported, not as a row of gaps
    // (its score is the index's own reply, docs/INDEX.md).
    if (f === null && catalog.isIndexOnly(indicator.code)) return [];
    return [{ indicator, evaluation: evaluateFigures(deps, unit, indicator.code, period, f) }];
  });
}

const LEVEL_ORDER = { do: 0, cam: 1, vang: 2, xanh: 3 } as const;

/** Worst first: lowest level, then lowest ratio; units that have not reported are listed apart. */
export function worstFirst(a: SubtreeRow, b: SubtreeRow): number {
  const la = a.evaluation.level ? LEVEL_ORDER[a.evaluation.level] : 4;
  const lb = b.evaluation.level ? LEVEL_ORDER[b.evaluation.level] : 4;
  if (la !== lb) return la - lb;
  const fa = a.evaluation.figures;
  const fb = b.evaluation.figures;
  if (fa && fb && fa.denominator > 0 && fb.denominator > 0) {
    const c = compareRatios(fa, fb);
    if (c !== 0) return c;
  }
  return a.unit.name.localeCompare(b.unit.name, "vi");
}

/** Status of every unit below `rootCode` bound by `indicator` for the period. */
export async function subtreeStatus(
  deps: AppDeps,
  rootCode: string,
  indicator: Indicator,
  period: string,
): Promise<SubtreeStatus> {
  const catalog = deps.catalog.get();
  const figures = await figuresForPeriod(deps.prisma, period, indicator.code);
  const asOf = asOfForPeriod(period, vnDate(deps.clock.now()));
  const units = catalog
    .descendants(rootCode)
    .filter((u) => catalog.indicatorsFor(u, asOf).some((i) => i.code === indicator.code));
  const rows = units.map((unit) => {
    const f = figures.find((x) => x.unitCode === unit.code) ?? null;
    return { unit, evaluation: evaluateFigures(deps, unit, indicator.code, period, f) };
  });
  return summarizeSubtree(indicator, rows);
}

/** Reported rows worst first, counts by colour, and the units that have not reported. */
export function summarizeSubtree(indicator: Indicator, rows: readonly SubtreeRow[]): SubtreeStatus {
  const reported = rows.filter((r) => r.evaluation.status !== "not-reported").sort(worstFirst);
  const notReported = rows.filter((r) => r.evaluation.status === "not-reported").map((r) => r.unit);
  return { indicator, rows: reported, counts: countLevels(rows.map((r) => r.evaluation)), notReported };
}

/** Indicators with a target in force or to come on `asOf` for a unit below the root, default first. */
export function subtreeIndicators(deps: { catalog: CatalogReader }, rootCode: string, asOf: string): Indicator[] {
  const catalog = deps.catalog.get();
  const seen = new Map<string, Indicator>();
  for (const u of catalog.descendants(rootCode))
    for (const i of catalog.indicatorsFor(u, asOf)) if (!seen.has(i.code)) seen.set(i.code, i);
  return [...seen.values()].sort((a, b) => Number(b.default) - Number(a.default));
}
