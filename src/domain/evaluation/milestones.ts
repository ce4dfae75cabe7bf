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
  const out: string[] = [];
  directive.groups.forEach((g, i) => {
    if ((unit.code !== undefined && members[i]?.has(unit.code) === true) || unit.groups?.includes(g.code)) out.push(g.code);
  });
  return out;
}

/**
 * A scope binds a unit that it lists by tier, by a group containing it, or by code. `unitGroups`
 * (the unit's groups in this directive) saves finding them again for each of its milestones.
 */
export function scopeBindsUnit(scope: Scope, unit: EvaluationUnit, directive: Directive, unitGroups?: readonly string[]): boolean {
  if (!withinJurisdiction(directive, unit)) return false;
  return bindsDirectly(scope, unit) || (scope.groups.length > 0 && sharesGroup(scope, unitGroups ?? groupsOfUnit(unit, directive)));
}

function bindsDirectly(scope: Scope, unit: EvaluationUnit): boolean {
  return (unit.tier !== undefined && scope.tiers.includes(unit.tier)) || (unit.code !== undefined && scope.units.includes(unit.code));
}

function sharesGroup(scope: Scope, groups: readonly string[]): boolean {
  for (const g of scope.groups) if (groups.includes(g)) return true;
  return false;
}

/**
 * The answer of `bindingMilestones` per list of directives, keyed by unit and indicator. Which
 * milestones bind a unit does not depend on the date or the figures, so a re-evaluation of many
 * months (or a digest, which evaluates each unit once per indicator) finds them once instead of
 * running every scope test again: that was the largest share of a 12-month national
 * re-evaluation (docs/PERFORMANCE.md). Held weakly by the directives array, so a caller that
 * builds a fresh list per request simply gets no reuse; entries are bounded by units × indicators.
 */
const bindingCache = new WeakMap<readonly Directive[], Map<string, Map<string, Map<string, readonly BindingMilestone[]>>>>();

/**
 * Every milestone of every directive for this indicator that binds the unit, with the days it
 * can apply (before its directive takes effect, or after its horizon, it binds nothing). Do not
 * mutate the result.
 */
export function bindingMilestones(
  unit: EvaluationUnit,
  indicatorCode: string,
  directives: readonly Directive[],
): readonly BindingMilestone[] {
  // Keyed by code, then tier, ancestors and extra groups, then indicator: lookups on strings the
  // caller already holds, so no key is built in the common case. Written out without helpers
  // taking callbacks: under tsx every closure created pays for esbuild's keep-names helper.
  let byCode = bindingCache.get(directives);
  if (!byCode) bindingCache.set(directives, (byCode = new Map()));
  const code = unit.code ?? "";
  let byRest = byCode.get(code);
  if (!byRest) byCode.set(code, (byRest = new Map()));
  const placed = unit.ancestors === undefined ? "" : `\u0001${unit.ancestors.join("\u0001")}`;
  const rest = unit.groups?.length || placed ? `${unit.tier ?? ""}${placed}\u0000${unit.groups?.join("\u0000") ?? ""}` : unit.tier ?? "";
  let forUnit = byRest.get(rest);
  if (!forUnit) byRest.set(rest, (forUnit = new Map()));
  const hit = forUnit.get(indicatorCode);
  if (hit) return hit;
  const out: BindingMilestone[] = [];
  for (const directive of directives) {
    const bounds = boundMilestonesOf(directive, indicatorCode);
    if (bounds.length === 0 || !withinJurisdiction(directive, unit)) continue;
    const groups = directive.groups.length > 0 ? groupsOfUnit(unit, directive) : [];
    const mine: BoundMilestone[] = [];
    for (const bound of bounds) if (scopeBindsUnit(bound.milestone.scope, unit, directive, groups)) mine.push(bound);
    let last = "";
    for (const bound of mine) if (bound.milestone.deadline.date > last) last = bound.milestone.deadline.date;
    for (const bound of mine) {
      const window = milestoneWindow(bound.milestone, directive, last, directives);
      if (window) out.push(Object.freeze({ bound, from: window.from, until: window.until }));
    }
  }
  Object.freeze(out);
  forUnit.set(indicatorCode, out);
  return out;
}

/**
 * A directive's milestones by indicator, in file order, each paired with its directive once:
 * every unit then shares the same frozen pairs (and the references built from them, see
 * toMilestoneRef). Indexed once per directive object, for the same reason as memberSets.
 */
const byIndicator = new WeakMap<Directive, Map<string, BoundMilestone[]>>();
function boundMilestonesOf(directive: Directive, indicatorCode: string): readonly BoundMilestone[] {
  let index = byIndicator.get(directive);
  if (!index) {
    index = new Map();
    for (const milestone of directive.milestones) {
      let list = index.get(milestone.indicator);
      if (!list) index.set(milestone.indicator, (list = []));
      const kind = directive.indicators.find((i) => i.code === milestone.indicator)?.kind ?? "ratio";
      list.push(Object.freeze({ milestone, directive, kind }));
    }
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
      if (!inForce || due > inForce.milestone.deadline.date || (due === inForce.milestone.deadline.date
        && compareStrictness(c.milestone, inForce.milestone) > 0)) inForce = c;
    } else if (!next || due < next.milestone.deadline.date || (due === next.milestone.deadline.date
      && compareStrictness(c.milestone, next.milestone) > 0)) {
      next = c;
    }
  }
  return { inForce, next, lapsed: inForce || next ? null : lapsed };
}
