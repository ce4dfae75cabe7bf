/**
 * Which milestones bind a unit, and which of them is in force on a date (issue #2 §3.2).
 * Indicator codes are global in a deployment (the same code is the same measure), so the
 * milestones of every directive that binds the unit compete: a province's Chỉ thị and a
 * city's Kế hoạch can both set "hs-truc-tuyen" targets for the same commune.
 */
import type { Directive, Milestone, Scope } from "../directive/schema.js";
import type { IsoDate } from "../directive/dates.js";
import { targetToHundredths } from "./ratio.js";

/**
 * The unit being evaluated. `groups` are group codes recorded for the unit by the deployment,
 * on top of the membership each directive lists in its own `groups`. A unit known only by its
 * tier (CLI `--tier`) has no code.
 */
export type EvaluationUnit = { code?: string; tier?: string; groups?: readonly string[] };

export type BoundMilestone = { milestone: Milestone; directive: Directive };

/**
 * Group members as sets, once per directive object: a national deployment evaluates 3,855 units
 * against 34 provinces' groups of ~110 units each, and scanning the lists made a full
 * re-evaluation take seconds (issue #7, docs/PERFORMANCE.md). Directives are immutable.
 */
const memberSets = new WeakMap<Directive, Set<string>[]>();
function groupMembers(directive: Directive): Set<string>[] {
  let sets = memberSets.get(directive);
  if (!sets) memberSets.set(directive, (sets = directive.groups.map((g) => new Set(g.units))));
  return sets;
}

/** Group codes of `directive` the unit belongs to. */
export function groupsOfUnit(unit: EvaluationUnit, directive: Directive): string[] {
  const members = groupMembers(directive);
  return directive.groups
    .filter((g, i) => (unit.code !== undefined && members[i]?.has(unit.code) === true) || unit.groups?.includes(g.code))
    .map((g) => g.code);
}

/** A scope binds a unit that it lists by tier, by a group containing it, or by code. */
export function scopeBindsUnit(scope: Scope, unit: EvaluationUnit, directive: Directive): boolean {
  if (unit.tier !== undefined && scope.tiers.includes(unit.tier)) return true;
  if (unit.code !== undefined && scope.units.includes(unit.code)) return true;
  const groups = groupsOfUnit(unit, directive);
  return scope.groups.some((g) => groups.includes(g));
}

/**
 * The answer of `bindingMilestones` per list of directives, keyed by unit and indicator. Which
 * milestones bind a unit does not depend on the date or the figures, so a re-evaluation of many
 * months (or a digest, which evaluates each unit once per indicator) finds them once instead of
 * running every scope test again: that was the largest share of a 12-month national
 * re-evaluation (docs/PERFORMANCE.md). Held weakly by the directives array, so a caller that
 * builds a fresh list per request simply gets no reuse; entries are bounded by units × indicators.
 */
type Cache<T> = Map<string, T>;
const bindingCache = new WeakMap<readonly Directive[], Cache<Cache<Cache<readonly BoundMilestone[]>>>>();

function cached<T>(map: Cache<T>, key: string, make: () => T): T {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

/** Every milestone of every directive for this indicator that binds the unit. Do not mutate the result. */
export function bindingMilestones(
  unit: EvaluationUnit,
  indicatorCode: string,
  directives: readonly Directive[],
): readonly BoundMilestone[] {
  let byCode = bindingCache.get(directives);
  if (!byCode) bindingCache.set(directives, (byCode = new Map()));
  // Keyed by code, then tier (and extra groups), then indicator: lookups on strings the caller
  // already holds, so no key is built in the common case.
  const rest = unit.groups?.length ? `${unit.tier ?? ""}\u0000${unit.groups.join("\u0000")}` : unit.tier ?? "";
  const forUnit = cached(cached(byCode, unit.code ?? "", () => new Map()), rest, () => new Map());
  const hit = forUnit.get(indicatorCode);
  if (hit) return hit;
  const out: BoundMilestone[] = [];
  for (const directive of directives) {
    for (const milestone of milestonesOf(directive, indicatorCode)) {
      if (scopeBindsUnit(milestone.scope, unit, directive)) out.push(Object.freeze({ milestone, directive }));
    }
  }
  Object.freeze(out);
  forUnit.set(indicatorCode, out);
  return out;
}

/** A directive's milestones by indicator, in file order, indexed once (same reason as memberSets). */
const byIndicator = new WeakMap<Directive, Map<string, Milestone[]>>();
function milestonesOf(directive: Directive, indicatorCode: string): readonly Milestone[] {
  let index = byIndicator.get(directive);
  if (!index) {
    index = new Map();
    for (const m of directive.milestones) index.set(m.indicator, [...(index.get(m.indicator) ?? []), m]);
    byIndicator.set(directive, index);
  }
  return index.get(indicatorCode) ?? [];
}

/**
 * Strictness among milestones falling due on the same day: a real target beats a "phấn đấu"
 * aspiration, a higher target beats a lower one, "trên" (moreThan) beats "tối thiểu" at the
 * same number. Positive when `a` is stricter.
 */
export function compareStrictness(a: Milestone, b: Milestone): number {
  const aspA = a.comparison === "aspiration" ? 0 : 1;
  const aspB = b.comparison === "aspiration" ? 0 : 1;
  if (aspA !== aspB) return aspA - aspB;
  const ta = targetToHundredths(a.target);
  const tb = targetToHundredths(b.target);
  if (ta !== tb) return ta > tb ? 1 : -1;
  const strictA = a.comparison === "moreThan" ? 1 : 0;
  const strictB = b.comparison === "moreThan" ? 1 : 0;
  return strictA - strictB;
}

/**
 * In force on `asOf`: the milestone with the latest deadline ≤ asOf — on the deadline day it
 * already binds ("Đến 30/09/2023 tối thiểu 70%" is judged on 30/09). Next: the earliest
 * deadline > asOf. Ties on a deadline go to the strictest milestone.
 */
export function selectMilestones(
  candidates: readonly BoundMilestone[],
  asOf: IsoDate,
): { inForce: BoundMilestone | null; next: BoundMilestone | null } {
  let inForce: BoundMilestone | null = null;
  let next: BoundMilestone | null = null;
  for (const c of candidates) {
    const due = c.milestone.deadline.date;
    if (due <= asOf) {
      if (!inForce || due > inForce.milestone.deadline.date || (due === inForce.milestone.deadline.date
        && compareStrictness(c.milestone, inForce.milestone) > 0)) inForce = c;
    } else if (!next || due < next.milestone.deadline.date || (due === next.milestone.deadline.date
      && compareStrictness(c.milestone, next.milestone) > 0)) {
      next = c;
    }
  }
  return { inForce, next };
}
