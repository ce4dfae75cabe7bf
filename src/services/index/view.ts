/**
 * A unit's score and gains on a scored index, as `/chiso` and the digest show them
 * (docs/INDEX.md "Trong nhóm chat"). Pure: the domain's score (src/domain/index/score.ts) and gains
 * (gains.ts) put in the unit's words; the figures come from the caller.
 */
import type { CatalogUnit } from "../../domain/catalog.js";
import type { Figures } from "../../domain/evaluation/ratio.js";
import { scoreChange } from "../../domain/index/change.js";
import { gainsFor } from "../../domain/index/gains.js";
import { comparePoints, pointsOf, pointsValue } from "../../domain/index/points.js";
import type { ScoredIndex } from "../../domain/index/schema.js";
import { scoreUnit, type IndexFigures } from "../../domain/index/score.js";
import type { IndexLabel, SubtreeIndexView, UnitIndexView } from "../../messages/indexViews.js";

/** Figures of one period by unit code, then by indicator code. */
export type FiguresByUnit = ReadonlyMap<string, IndexFigures>;

const NO_FIGURES: IndexFigures = new Map();

export function figuresByUnit(rows: readonly ({ unitCode: string; indicatorCode: string } & Figures)[]): FiguresByUnit {
  const out = new Map<string, Map<string, Figures>>();
  for (const r of rows) {
    let unit = out.get(r.unitCode);
    if (!unit) out.set(r.unitCode, (unit = new Map()));
    unit.set(r.indicatorCode, { numerator: r.numerator, denominator: r.denominator });
  }
  return out;
}

/** "Chỉ số 766/QĐ-TTg": the heading a phone can hold; the decision's full title is in docs/INDEX.md. */
export function indexLabel(index: ScoredIndex): IndexLabel {
  return { code: index.code, name: index.name, shortName: `Chỉ số ${index.number}` };
}

/** The unit's view; `before`: last month's figures, when there are any. */
export function unitIndexView(
  index: ScoredIndex,
  unit: CatalogUnit,
  period: string,
  now: IndexFigures,
  before: IndexFigures | null,
): UnitIndexView {
  const score = scoreUnit(index, now);
  const previous = before ? scoreUnit(index, before) : null;
  const seen = new Set<string>();
  // Most points first: a long list (QĐ 766 has twenty components) is read, and cut, from the top.
  const missing = score.missing
    .flatMap((c) => {
      if (seen.has(c.indicator)) return [];
      seen.add(c.indicator);
      const indicator = index.indicators.find((i) => i.code === c.indicator);
      const max = pointsOf(c.maxPoints);
      return [{ code: c.indicator, name: indicator?.shortName ?? c.name, kind: indicator?.kind ?? "ratio", max }];
    })
    .sort((a, b) => comparePoints(b.max, a.max));
  return {
    unit,
    index: indexLabel(index),
    period,
    total: score.total,
    maxAvailable: score.maxAvailable,
    max: score.max,
    band: score.band?.name ?? null,
    bandsNamed: (index.bands?.bands.length ?? 0) > 0,
    groups: score.groups.map((g) => ({
      name: g.group.name,
      points: g.points,
      max: g.max,
      scorable: g.components.some((c) => c.kind !== "unscorable"),
    })),
    missing,
    unscorable: score.unscorable.length,
    gains: gainsFor(index, now, score).map((g) => ({
      code: g.indicator.code,
      items: g.items,
      itemWord: g.itemWord,
      action: g.verb,
      points: g.points,
    })),
    previous: previous && previous.maxAvailable.num > 0n ? previous.total : null,
    change: previous ? scoreChange(score, previous) : null,
  };
}

/** Share of what the unit could earn with the figures it has: missing components do not count as zero. */
function share(v: UnitIndexView): number {
  const available = pointsValue(v.maxAvailable);
  return available > 0 ? pointsValue(v.total) / available : 0;
}

/** Lowest share first, then fewer points, then the name. */
export function lowestFirst(a: UnitIndexView, b: UnitIndexView): number {
  return share(a) - share(b) || comparePoints(a.total, b.total) || a.unit.name.localeCompare(b.unit.name, "vi");
}

/** Every unit below the root the index applies to, scored; those without any component apart. */
export function subtreeIndexView(
  index: ScoredIndex,
  root: CatalogUnit,
  units: readonly CatalogUnit[],
  period: string,
  now: FiguresByUnit,
  before: FiguresByUnit,
): SubtreeIndexView {
  const views = units.map((u) =>
    unitIndexView(index, u, period, now.get(u.code) ?? NO_FIGURES, before.get(u.code) ?? null),
  );
  return {
    root,
    index: indexLabel(index),
    period,
    bands: [...(index.bands?.bands ?? [])]
      .sort((a, b) => b.from - a.from)
      .map((b) => ({ name: b.name, level: b.level })),
    rows: views.filter((v) => v.maxAvailable.num > 0n).sort(lowestFirst),
    notReported: views.filter((v) => v.maxAvailable.num === 0n).map((v) => v.unit),
  };
}
