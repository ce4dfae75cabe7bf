/**
 * Per indicator, the units ranked the way the digest ranks them (farthest below their own target
 * first: domain/evaluation/gap.ts), each judged by the evaluator in force for it (the catalog's,
 * as `/tinhtrang` and the digest judge it), and what changed since last month.
 */
import type { Catalog, CatalogUnit } from "../../domain/catalog.js";
import type { IsoDate } from "../../domain/directive/dates.js";
import {
  countLevels,
  gapToTarget,
  rankByGap,
  type Evaluation,
  type Figures,
  type Level,
} from "../../domain/evaluation/index.js";
import { figureKey } from "../figures/history.js";
import { evaluateOn } from "../figures/standing.js";
import type { DashboardQueryFilters, IndicatorSection, LevelDrop, RankRow, UnitRef } from "./types.js";

/** The key of one unit's figure of one indicator in one month, in the page's figure maps. */
export function monthFigureKey(period: string, unitCode: string, indicatorCode: string): string {
  return `${period}|${figureKey(unitCode, indicatorCode)}`;
}

/** Worse is lower: a drop is a move to a lower rank. */
const LEVEL_RANK: Record<Level, number> = { do: 0, cam: 1, vang: 2, xanh: 3 };

export const unitRef = (u: CatalogUnit): UnitRef => ({ code: u.code, name: u.name, tier: u.tier });

export function rankRow(unit: CatalogUnit, e: Evaluation): RankRow {
  const f = e.figures;
  const gap = gapToTarget(e);
  return {
    unit: unitRef(unit),
    status: e.status,
    numerator: f?.numerator ?? null,
    denominator: f && e.kind === "ratio" ? f.denominator : null,
    percent: e.ratio === null ? null : Math.round(e.ratio * 1000) / 10,
    percentText: e.percentText,
    level: e.level,
    inForce: e.inForce,
    next: e.next,
    gap: gap === null ? null : Math.round(gap * 100) / 100,
  };
}

export interface RankingInput {
  catalog: Catalog;
  units: readonly { unit: CatalogUnit; codes: readonly string[] }[];
  codes: readonly string[];
  period: string;
  previous: string;
  day: IsoDate;
  figures: ReadonlyMap<string, Figures>;
  filters: DashboardQueryFilters;
}

type Judged = { unit: CatalogUnit; now: Evaluation; before: Evaluation };

export function rankSections(input: RankingInput): {
  sections: IndicatorSection[];
  dropped: LevelDrop[];
  notReported: { unit: UnitRef; indicators: string[] }[];
} {
  const { catalog, period, previous, day, figures, filters } = input;
  const sections: IndicatorSection[] = [];
  const dropped: LevelDrop[] = [];
  const missing = new Map<string, { unit: UnitRef; indicators: string[] }>();
  for (const code of input.codes) {
    const indicator = catalog.indicator(code);
    const judged: Judged[] = input.units
      .filter((u) => u.codes.includes(code))
      .map(({ unit }) => ({
        unit,
        now: evaluateOn(catalog, unit, code, period, figures.get(monthFigureKey(period, unit.code, code)) ?? null, day),
        before: evaluateOn(
          catalog,
          unit,
          code,
          previous,
          figures.get(monthFigureKey(previous, unit.code, code)) ?? null,
          day,
        ),
      }));
    const kept = filters.level ? judged.filter((j) => j.now.level === filters.level) : judged;
    // Not reporting is not a level: the list of who has not reported ignores the level filter.
    for (const j of judged)
      if (j.now.status === "not-reported") {
        const m = missing.get(j.unit.code) ?? { unit: unitRef(j.unit), indicators: [] };
        m.indicators.push(indicator?.shortName ?? indicator?.name ?? code);
        missing.set(j.unit.code, m);
      }
    // A level filter that leaves an indicator no unit leaves out the indicator.
    if (kept.length === 0 && filters.level) continue;
    const ranked = rankByGap(
      kept,
      (j) => j.now,
      (j) => j.unit.name,
    );
    const inRanking = new Set(ranked);
    const name = indicator?.shortName ?? indicator?.name ?? code;
    const counts = countLevels(kept.map((j) => j.now));
    sections.push({
      code,
      name: indicator?.name ?? code,
      shortName: name,
      kind: indicator?.kind ?? "ratio",
      ranked: ranked.map((j) => rankRow(j.unit, j.now)),
      others: kept.filter((j) => !inRanking.has(j)).map((j) => rankRow(j.unit, j.now)),
      counts: { xanh: counts.xanh, vang: counts.vang, cam: counts.cam, do: counts.do, notReported: counts.notReported },
    });
    for (const j of kept) {
      const { now, before } = j;
      if (now.level && before.level && LEVEL_RANK[now.level] < LEVEL_RANK[before.level])
        dropped.push({
          unit: unitRef(j.unit),
          indicator: name,
          from: before.level,
          to: now.level,
          fromText: before.percentText,
          toText: now.percentText,
        });
    }
  }
  const byName = (a: { unit: UnitRef }, b: { unit: UnitRef }) => a.unit.name.localeCompare(b.unit.name, "vi");
  return {
    sections,
    dropped: dropped.sort((a, b) => LEVEL_RANK[a.to] - LEVEL_RANK[b.to] || byName(a, b)),
    notReported: [...missing.values()].sort(byName),
  };
}
