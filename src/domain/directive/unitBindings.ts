/**
 * Which loaded directives bind one unit, and why: the tier, the group or the naming in the
 * scope of a milestone or task that matched (inside the directive's jurisdiction,
 * src/domain/jurisdiction.ts). What a unit chat's `/chithi` shows, so an officer sees which
 * documents hold the unit to account today, which are still to come, and which have ended.
 *
 * Pure: the catalog and the day are parameters.
 */
import type { Catalog, CatalogUnit } from "../catalog.js";
import { groupsOfUnit, scopeBindsUnit, type EvaluationUnit } from "../evaluation/milestones.js";
import type { IsoDate } from "./dates.js";
import type { Commitment, Directive, Scope } from "./schema.js";
import { validityOn, type ValidityStatus } from "./validity.js";

/**
 * One reason scopes bind the unit: its tier, a group it belongs to, or its being named; `labels`
 * keep the directive's own words for those scopes ("UBND xã, phường"), once each.
 */
export type BindingReason =
  | { kind: "tier"; code: string; name: string; labels: string[] }
  | { kind: "group"; code: string; name: string; labels: string[] }
  | { kind: "unit"; labels: string[] };

export type UnitBinding = {
  directive: Directive;
  validity: ValidityStatus;
  reasons: BindingReason[];
  /** Commitments addressed to every unit of the directive or to a scope that binds this one. */
  commitments: Commitment[];
};

export type UnitBindings = { inForce: UnitBinding[]; upcoming: UnitBinding[]; ended: UnitBinding[] };

export function directivesBindingUnit(catalog: Catalog, unit: CatalogUnit, today: IsoDate): UnitBindings {
  const eu = catalog.evaluationUnit(unit);
  const out: UnitBindings = { inForce: [], upcoming: [], ended: [] };
  for (const d of catalog.directives) {
    const scopes = [
      ...d.milestones.map((m) => m.scope),
      ...d.tasks.flatMap((t) => (t.cooperating ? [t.lead, t.cooperating] : [t.lead])),
    ];
    const reasons = bindingReasons(scopes, eu, d);
    if (reasons.length === 0) continue;
    const validity = validityOn(d, today, catalog.directives);
    const commitments = d.commitments.filter((c) => c.scope === undefined || scopeBindsUnit(c.scope, eu, d));
    const binding = { directive: d, validity, reasons, commitments };
    (validity === "in-force" ? out.inForce : validity === "not-yet" ? out.upcoming : out.ended).push(binding);
  }
  return out;
}

/** The distinct reasons the scopes bind the unit, in the order the directive states them. */
export function bindingReasons(scopes: readonly Scope[], eu: EvaluationUnit, d: Directive): BindingReason[] {
  const seen = new Map<string, BindingReason>();
  const groups = groupsOfUnit(eu, d);
  const add = (key: string, reason: BindingReason, label: string | undefined) => {
    const known = seen.get(key) ?? reason;
    seen.set(key, known);
    if (label !== undefined && !known.labels.includes(label)) known.labels.push(label);
  };
  for (const s of scopes) {
    if (!scopeBindsUnit(s, eu, d, groups)) continue;
    if (eu.tier !== undefined && s.tiers.includes(eu.tier)) {
      const tier = eu.tier;
      add(
        `t|${tier}`,
        { kind: "tier", code: tier, name: d.tiers.find((t) => t.code === tier)?.name ?? tier, labels: [] },
        s.label,
      );
    }
    for (const g of s.groups.filter((code) => groups.includes(code))) {
      add(
        `g|${g}`,
        { kind: "group", code: g, name: d.groups.find((x) => x.code === g)?.name ?? g, labels: [] },
        s.label,
      );
    }
    if (eu.code !== undefined && s.units.includes(eu.code)) add("u", { kind: "unit", labels: [] }, s.label);
  }
  return [...seen.values()];
}
