/**
 * A unit's score on a scored index for one month (docs/INDEX.md "Cách tính điểm"): each
 * component's points from the unit's figures for its indicator, the group sums, the total and its
 * band. A component without figures — none reported, or a denominator of 0, like the evaluation's
 * "no-data" — is listed as missing, never counted as zero: the total is then "x/y điểm trên các
 * thành phần đã có số liệu" (`maxAvailable`), and no band is given until every component has
 * figures, because a band over part of the index would rank a unit on what it did not report.
 *
 * Pure: figures in, points out (exact, src/domain/index/points.ts).
 */
import type { Figures } from "../evaluation/ratio.js";
import { addPoints, minPoints, points, pointsOf, ZERO_POINTS, type Points } from "./points.js";
import {
  isScorable,
  isTracked,
  type IndexComponent,
  type IndexBands,
  type IndexGroup,
  type ScorableComponent,
  type ScoredIndex,
  type ScoringRule,
} from "./schema.js";

/** The unit's figures of the month by indicator code. */
export type IndexFigures = ReadonlyMap<string, Figures>;

export type MissingReason = "no-figures" | "no-data";

export type ComponentScore =
  | { kind: "scored"; component: ScorableComponent; figures: Figures; points: Points; max: Points; full: boolean }
  | { kind: "missing"; component: ScorableComponent; reason: MissingReason; max: Points }
  /** Points, target or rule not found in any text (`component.unknown` says which): never scored. */
  | { kind: "unscorable"; component: IndexComponent; figures: Figures | null };

export type GroupScore = {
  group: IndexGroup;
  components: ComponentScore[];
  /** Sum over the scored components. */
  points: Points;
  /** Sum of the maxima of the scored components. */
  maxAvailable: Points;
  max: Points;
};

export type IndexBand = IndexBands["bands"][number];

export type IndexScore = {
  index: ScoredIndex;
  components: ComponentScore[];
  groups: GroupScore[];
  total: Points;
  /** The maxima of the components that have figures: "x/y điểm trên các thành phần đã có số liệu". */
  maxAvailable: Points;
  /** The index's total maximum (100 for QĐ 766). */
  max: Points;
  /** Scorable components without figures of the month. */
  missing: ScorableComponent[];
  /** Components the index's texts do not let anyone score (docs/INDEX.md). */
  unscorable: IndexComponent[];
  /** Every component is scored: no figures missing, nothing unscorable. */
  complete: boolean;
  /** The band of the total; null while incomplete or when the index names no bands. */
  band: IndexBand | null;
};

/** Hundredths of a percent per unit ratio: 57/60 is 9500 hundredths of a percent. */
const HUNDREDTHS = 10_000n;
const hundredthsOf = (percent: number): bigint => BigInt(Math.round(percent * 100));

/** n/d ≥ percent, exactly (d > 0). */
function reaches(f: Figures, percent: number): boolean {
  return BigInt(f.numerator) * HUNDREDTHS >= hundredthsOf(percent) * BigInt(f.denominator);
}

/** The points figures earn under a rule (d > 0). */
export function componentPoints(f: Figures, rule: ScoringRule, target: number, maxPoints: number): Points {
  const max = pointsOf(maxPoints);
  const n = BigInt(f.numerator);
  const d = BigInt(f.denominator);
  switch (rule.kind) {
    case "allOrNothing":
      return reaches(f, target) ? max : ZERO_POINTS;
    case "thresholds": {
      let best = ZERO_POINTS;
      for (const step of rule.steps) if (reaches(f, step.atLeast)) best = pointsOf(step.points);
      return best;
    }
    case "linear": {
      const t = hundredthsOf(target);
      const floor = hundredthsOf(rule.floor ?? 0);
      const above = n * HUNDREDTHS - floor * d; // (ratio − floor) × d, in hundredths of a percent
      if (above <= 0n) return ZERO_POINTS;
      return minPoints(max, points(max.num * above, max.den * d * (t - floor)));
    }
  }
}

/** One component against the unit's figures. */
export function scoreComponent(component: IndexComponent, figures: IndexFigures): ComponentScore {
  const f = figures.get(component.indicator);
  if (!isScorable(component)) return { kind: "unscorable", component, figures: f ?? null };
  const max = pointsOf(component.maxPoints);
  if (f === undefined) return { kind: "missing", component, reason: "no-figures", max };
  if (f.denominator === 0) {
    // No items this month: "no data" unless the rule says what an empty month earns.
    const none = component.rule.noItems;
    if (none === undefined) return { kind: "missing", component, reason: "no-data", max };
    const p = none === "full" ? max : ZERO_POINTS;
    return { kind: "scored", component, figures: f, points: p, max, full: none === "full" };
  }
  const p = componentPoints(f, component.rule, component.target, component.maxPoints);
  return { kind: "scored", component, figures: f, points: p, max, full: p.num * max.den >= max.num * p.den };
}

export function scoreUnit(index: ScoredIndex, figures: IndexFigures): IndexScore {
  const components = index.components.map((c) => scoreComponent(c, figures));
  const groups = index.groups.map((group): GroupScore => {
    const mine = components.filter((c) => c.component.group === group.code);
    return {
      group,
      components: mine,
      points: sum(mine.map((c) => (c.kind === "scored" ? c.points : ZERO_POINTS))),
      maxAvailable: sum(mine.flatMap((c) => (c.kind === "scored" ? [c.max] : []))),
      max: pointsOf(group.maxPoints),
    };
  });
  const total = sum(groups.map((g) => g.points));
  const missing = components.flatMap((c) => (c.kind === "missing" ? [c.component] : []));
  // A 0-point component is tracked, not "unscorable": it never holds the score incomplete.
  const unscorable = components.flatMap((c) =>
    c.kind === "unscorable" && !isTracked(c.component) ? [c.component] : [],
  );
  const complete = missing.length === 0 && unscorable.length === 0;
  return {
    index,
    components,
    groups,
    total,
    maxAvailable: sum(groups.map((g) => g.maxAvailable)),
    max: pointsOf(index.totalMaxPoints),
    missing,
    unscorable,
    complete,
    band: complete ? bandOf(index, total) : null,
  };
}

/** The highest band whose `from` the total reaches. */
export function bandOf(index: ScoredIndex, total: Points): IndexBand | null {
  const bands = [...(index.bands?.bands ?? [])].sort((a, b) => b.from - a.from);
  for (const b of bands) if (total.num >= pointsOf(b.from).num * total.den) return b;
  return null;
}

function sum(list: readonly Points[]): Points {
  return list.reduce(addPoints, ZERO_POINTS);
}
