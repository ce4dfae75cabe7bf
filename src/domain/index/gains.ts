/**
 * "What gains the most" (docs/INDEX.md "Còn thiếu"): for a unit, the components that are not at
 * full points, each with the number of numerator items that would lift it — at the unit's current
 * denominator, the dossiers being the ones already counted — to the full-points target (for a
 * `thresholds` rule: to the next step), and the points that brings. Ranked by points per item,
 * so the first line is the cheapest points before the month closes: "thêm 12 hồ sơ trực tuyến →
 * +1,8 điểm".
 *
 * Pure: the score and the index's words in, plain data out; chat texts are src/messages/'s.
 */
import { missingItems, type Figures } from "../evaluation/ratio.js";
import type { Indicator } from "../directive/schema.js";
import { comparePoints, pointsOf, subtractPoints, type Points } from "./points.js";
import { componentPoints, scoreUnit, type IndexFigures, type IndexScore } from "./score.js";
import type { ScorableComponent, ScoredIndex } from "./schema.js";

export type IndexGain = {
  component: ScorableComponent;
  indicator: Indicator;
  /** How many more numerator items: "12". */
  items: number;
  /** "hồ sơ trực tuyến", "kết quả". */
  itemWord: string;
  /** "thêm", "số hoá". */
  verb: string;
  /** The points those items add. */
  points: Points;
  /** Whether they bring full points or only the next step of a `thresholds` rule. */
  reaches: "full" | "step";
  /** The percentage they reach. */
  toPercent: number;
};

/** The next percentage worth reaching: the target, or the next step above the current ratio. */
function nextTarget(component: ScorableComponent, f: Figures): { percent: number; reaches: "full" | "step" } | null {
  const rule = component.rule;
  if (rule.kind !== "thresholds") return { percent: component.target, reaches: "full" };
  const steps = [...rule.steps].sort((a, b) => a.atLeast - b.atLeast);
  const current = componentPoints(f, rule, component.target, component.maxPoints);
  const next = steps.find((s) => comparePoints(pointsOf(s.points), current) > 0);
  if (!next) return null;
  return { percent: next.atLeast, reaches: next === steps[steps.length - 1] ? "full" : "step" };
}

/** The gains of one scored component, or null when it is already at full points. */
function gainOf(index: ScoredIndex, component: ScorableComponent, f: Figures, current: Points): IndexGain | null {
  const next = nextTarget(component, f);
  if (!next) return null;
  const need = missingItems(f, next.percent, "atLeast");
  if (need.kind !== "count" || need.count === 0) return null;
  const after = componentPoints(
    { numerator: f.numerator + need.count, denominator: f.denominator },
    component.rule,
    component.target,
    component.maxPoints,
  );
  const gained = subtractPoints(after, current);
  if (gained.num <= 0n) return null;
  const indicator = index.indicators.find((i) => i.code === component.indicator);
  if (!indicator) return null;
  return {
    component,
    indicator,
    items: need.count,
    itemWord: component.gain?.items ?? indicator.itemWord,
    verb: component.gain?.verb ?? "thêm",
    points: gained,
    reaches: next.reaches,
    toPercent: next.percent,
  };
}

/**
 * The unit's gains, best first: more points per item, then more points, then the index's order.
 * Components without figures have no gain to name (their figures come first: `score.missing`).
 */
export function gainsFor(
  index: ScoredIndex,
  figures: IndexFigures,
  score: IndexScore = scoreUnit(index, figures),
): IndexGain[] {
  const gains: IndexGain[] = [];
  for (const c of score.components) {
    if (c.kind !== "scored" || c.full) continue;
    const g = gainOf(index, c.component, c.figures, c.points);
    if (g) gains.push(g);
  }
  const order = new Map(index.components.map((c, i) => [c.code, i]));
  return gains.sort((a, b) => {
    // a.points / a.items vs b.points / b.items, exactly.
    const perItem = comparePoints(
      { num: b.points.num * BigInt(a.items), den: b.points.den },
      { num: a.points.num * BigInt(b.items), den: a.points.den },
    );
    if (perItem !== 0) return perItem;
    const more = comparePoints(b.points, a.points);
    if (more !== 0) return more;
    return (order.get(a.component.code) ?? 0) - (order.get(b.component.code) ?? 0);
  });
}
