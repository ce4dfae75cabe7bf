/**
 * Which milestones bind a unit, and which of them is in force on a date.
 * Indicator codes mean one thing in a deployment (the registry, src/domain/registry.ts), so the
 * milestones of every directive that binds the unit compete: a province's Chỉ thị and a
 * city's Kế hoạch can both set "hs-truc-tuyen" targets for the same commune. A directive binds
 * only inside its jurisdiction (src/domain/jurisdiction.ts) and only in its period of validity
 * (src/domain/directive/validity.ts).
 */
import type { Directive, IndicatorKind, Milestone, Scope } from "../directive/schema.js";
import type { IsoDate } from "../directive/dates.js";
import { milestoneWindow } from "../directive/validity.js";
import { withinJurisdiction, type PlacedUnit } from "../jurisdiction.js";
import { targetToHundredths } from "./ratio.js";

/**
 * The unit being evaluated. `groups` are group codes recorded for the unit by the deployment,
 * on top of the membership each directive lists in its own `groups`. A unit known only by its
 * tier (CLI `--tier`) has no code and no ancestors.
 */
export type EvaluationUnit = PlacedUnit & { tier?: string; groups?: readonly string[] };

export type BoundMilestone = { milestone: Milestone; directive: Directive; kind: IndicatorKind };

/** A bound milestone with the days it can apply to this unit (validity.ts `milestoneWindow`). */
export type BindingMilestone = { bound: BoundMilestone; from: IsoDate; until: IsoDate | null };

/** Group codes of `directive` the unit belongs to: listed among its units, or recorded for it by the deployment. */
export function groupsOfUnit(unit: EvaluationUnit, directive: Directive): string[] {
  const out: string[] = [];
  for (const g of directive.groups) {
    if ((unit.code !== undefined && g.units.includes(unit.code)) || unit.groups?.includes(g.code)) out.push(g.code);
  }
  return out;
}

/**
 * A scope binds a unit that it lists by tier, by a group containing it, or by code. `unitGroups`
 * (the unit's groups in this directive) saves finding them again for each of its milestones;
 * without it only the scope's own groups are looked at, not every group of the directive.
 */
export function scopeBindsUnit(
  scope: Scope,
  unit: EvaluationUnit,
  directive: Directive,
  unitGroups?: readonly string[],
): boolean {
  if (!withinJurisdiction(directive, unit)) return false;
  if (bindsDirectly(scope, unit)) return true;
  if (scope.groups.length === 0) return false;
  return unitGroups ? sharesGroup(scope, unitGroups) : inScopeGroup(scope, unit, directive);
}

function bindsDirectly(scope: Scope, unit: EvaluationUnit): boolean {
  return (
    (unit.tier !== undefined && scope.tiers.includes(unit.tier)) ||
    (unit.code !== undefined && scope.units.includes(unit.code))
  );
}

function sharesGroup(scope: Scope, groups: readonly string[]): boolean {
  for (const g of scope.groups) if (groups.includes(g)) return true;
  return false;
}

function inScopeGroup(scope: Scope, unit: EvaluationUnit, directive: Directive): boolean {
  for (const g of directive.groups) {
    if (!scope.groups.includes(g.code)) continue;
    if ((unit.code !== undefined && g.units.includes(unit.code)) || unit.groups?.includes(g.code)) return true;
  }
  return false;
}

/** A directive's milestones for one indicator, in file order, each paired with its directive and kind. */
export function boundMilestonesOf(directive: Directive, indicatorCode: string): readonly BoundMilestone[] {
  const out: BoundMilestone[] = [];
  for (const milestone of directive.milestones) {
    if (milestone.indicator !== indicatorCode) continue;
    const kind = directive.indicators.find((i) => i.code === milestone.indicator)?.kind ?? "ratio";
    out.push(Object.freeze({ milestone, directive, kind }));
  }
  return out;
}

/**
 * How the binding rules find a directive's milestones and a unit's groups. The plain functions
 * above work them out on every call; an evaluator (evaluator.ts) remembers them per directive.
 */
export type DirectiveIndex = {
  boundMilestonesOf(directive: Directive, indicatorCode: string): readonly BoundMilestone[];
  groupsOfUnit(unit: EvaluationUnit, directive: Directive): readonly string[];
};
const unindexed: DirectiveIndex = { boundMilestonesOf, groupsOfUnit };

/**
 * Every milestone of every directive for this indicator that binds the unit, with the days it
 * can apply (before its directive takes effect, or after its horizon, it binds nothing).
 * Frozen: the evaluator hands the same list to every evaluation of the unit.
 */
export function bindingMilestones(
  unit: EvaluationUnit,
  indicatorCode: string,
  directives: readonly Directive[],
  index: DirectiveIndex = unindexed,
): readonly BindingMilestone[] {
  const out: BindingMilestone[] = [];
  for (const directive of directives) {
    const bounds = index.boundMilestonesOf(directive, indicatorCode);
    if (bounds.length === 0 || !withinJurisdiction(directive, unit)) continue;
    const groups = directive.groups.length > 0 ? index.groupsOfUnit(unit, directive) : [];
    const mine: BoundMilestone[] = [];
    for (const bound of bounds) if (scopeBindsUnit(bound.milestone.scope, unit, directive, groups)) mine.push(bound);
    let last = "";
    for (const bound of mine) if (bound.milestone.deadline.date > last) last = bound.milestone.deadline.date;
    for (const bound of mine) {
      const window = milestoneWindow(bound.milestone, directive, last, directives);
      if (window) out.push(Object.freeze({ bound, from: window.from, until: window.until }));
    }
  }
  return Object.freeze(out);
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
 * In force on `asOf`: among the milestones whose window holds `asOf`, the one with the latest
 * deadline ≤ asOf — on the deadline day it already binds ("Đến 30/09/2023 tối thiểu 70%" is
 * judged on 30/09). Next: the earliest deadline > asOf. Ties on a deadline go to the strictest
 * milestone. `lapsed`: the latest milestone whose horizon has passed, so a unit with nothing in
 * force is told which target ended rather than shown it as today's.
 */
export function selectMilestones(
  candidates: readonly BindingMilestone[],
  asOf: IsoDate,
): { inForce: BoundMilestone | null; next: BoundMilestone | null; lapsed: BoundMilestone | null } {
  let inForce: BoundMilestone | null = null;
  let next: BoundMilestone | null = null;
  let lapsed: BoundMilestone | null = null;
  for (const { bound: c, from, until } of candidates) {
    const due = c.milestone.deadline.date;
    if (until !== null && asOf > until) {
      // Only a target that was once in force lapses; one whose day never came simply ended.
      if (due <= until && (!lapsed || due > lapsed.milestone.deadline.date)) lapsed = c;
      continue;
    }
    if (asOf < from) continue;
    if (due <= asOf) {
      if (
        !inForce ||
        due > inForce.milestone.deadline.date ||
        (due === inForce.milestone.deadline.date && compareStrictness(c.milestone, inForce.milestone) > 0)
      )
        inForce = c;
    } else if (
      !next ||
      due < next.milestone.deadline.date ||
      (due === next.milestone.deadline.date && compareStrictness(c.milestone, next.milestone) > 0)
    ) {
      next = c;
    }
  }
  return { inForce, next, lapsed: inForce || next ? null : lapsed };
}
