/**
 * A unit's score this month against last month, like for like. Missing components are not
 * counted as zero (score.ts), so two totals over different components do not compare: early in
 * a month a unit that has sent two of its ten figures would read as a fall of many points. The
 * change is taken over the components scored in both months, and says when that is not all.
 */
import { addPoints, type Points, ZERO_POINTS } from "./points.js";
import type { IndexScore } from "./score.js";

export type ScoreChange = {
  /** This month's points on the compared components. */
  now: Points;
  /** Last month's points on the same components. */
  before: Points;
  /** How many components were compared; null when they are every component scored in either month. */
  partial: number | null;
};

/** Null when no component was scored in both months. */
export function scoreChange(now: IndexScore, before: IndexScore): ScoreChange | null {
  const scored = (s: IndexScore) =>
    new Map(s.components.flatMap((c) => (c.kind === "scored" ? [[c.component.code, c.points] as const] : [])));
  const a = scored(now);
  const b = scored(before);
  let sumNow = ZERO_POINTS;
  let sumBefore = ZERO_POINTS;
  let common = 0;
  for (const [code, p] of a) {
    const q = b.get(code);
    if (q === undefined) continue;
    sumNow = addPoints(sumNow, p);
    sumBefore = addPoints(sumBefore, q);
    common += 1;
  }
  if (common === 0) return null;
  return { now: sumNow, before: sumBefore, partial: common === a.size && common === b.size ? null : common };
}
