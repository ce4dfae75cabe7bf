/**
 * Which units and indicators the page may show. The server's scope is the outer bound: a
 * leader sees the units below the roots their chat follows (as `/tinhtrang` and the digest
 * list them), a unit head only their own unit; filters only ever narrow that list.
 */
import type { Catalog, CatalogUnit } from "../../domain/catalog.js";
import type { IsoDate } from "../../domain/directive/dates.js";
import type { DashboardQueryFilters, DashboardQueryScope, Option } from "./types.js";

export function scopeUnits(catalog: Catalog, scope: DashboardQueryScope): CatalogUnit[] {
  const seen = new Map<string, CatalogUnit>();
  for (const code of scope.rootUnitIds) {
    const root = catalog.unit(code);
    if (!root) continue;
    for (const u of scope.subtree ? catalog.descendants(root.code) : [root]) if (!seen.has(u.code)) seen.set(u.code, u);
  }
  return [...seen.values()];
}

/** Every indicator code of the deployment, the default ones first, each once. */
function allIndicatorCodes(catalog: Catalog): string[] {
  const codes = new Map<string, boolean>();
  for (const d of catalog.directives)
    for (const i of d.indicators) codes.set(i.code, (codes.get(i.code) ?? false) || i.default);
  return [...codes.entries()].sort((a, b) => Number(b[1]) - Number(a[1])).map(([code]) => code);
}

/**
 * For each indicator with a target in force or to come on `day` for the unit, the directives
 * setting it — found through the evaluator's cached bindings: the catalog's `indicatorsFor`
 * re-checks every directive's scopes, too slow for a page of 120 units.
 */
export function liveIndicators(
  catalog: Catalog,
  unit: CatalogUnit,
  day: IsoDate,
  codes: readonly string[],
): Map<string, Set<string>> {
  const eu = catalog.evaluationUnit(unit);
  const out = new Map<string, Set<string>>();
  for (const code of codes)
    for (const b of catalog.evaluator.bindingMilestones(eu, code)) {
      if (day < b.from || (b.until !== null && day > b.until)) continue;
      const ids = out.get(code) ?? new Set<string>();
      ids.add(b.bound.directive.id);
      out.set(code, ids);
    }
  return out;
}

export interface ScopedUnits {
  /** The scope's units the filters keep, each with the indicators it is chased on. */
  units: { unit: CatalogUnit; codes: string[] }[];
  /** Indicator codes shown, in the deployment's order. */
  codes: string[];
  options: { directives: Option[]; indicators: Option[]; tiers: Option[]; units: Option[] };
}

/** The scope narrowed by the filters (directive, indicator, tier), and the choices each filter offers. */
export function scopedUnits(
  catalog: Catalog,
  scope: DashboardQueryScope,
  filters: DashboardQueryFilters,
  day: IsoDate,
): ScopedUnits {
  const all = scopeUnits(catalog, scope);
  const everyCode = allIndicatorCodes(catalog);
  const live = all.map((unit) => ({ unit, byCode: liveIndicators(catalog, unit, day, everyCode) }));
  const binding = new Set(live.flatMap(({ byCode }) => [...byCode.values()].flatMap((ids) => [...ids])));
  const directives = catalog.directives.filter((d) => binding.has(d.id));
  const directive = directives.find((d) => d.id === filters.directive)?.id;
  const units = live
    .filter(({ unit }) => !filters.tier || unit.tier === filters.tier)
    .map(({ unit, byCode }) => ({
      unit,
      codes: everyCode.filter(
        (c) =>
          (byCode.get(c)?.size ?? 0) > 0 &&
          (!directive || byCode.get(c)?.has(directive) === true) &&
          (!filters.indicator || c === filters.indicator),
      ),
    }))
    .filter((u) => u.codes.length > 0);
  const shown = new Set(units.flatMap((u) => u.codes));
  const offered = new Set(live.flatMap(({ byCode }) => [...byCode.keys()]));
  const tierName = (code: string) =>
    catalog.directives.flatMap((d) => d.tiers).find((t) => t.code === code)?.name ?? code;
  return {
    units,
    codes: everyCode.filter((c) => shown.has(c)),
    options: {
      directives: directives.map((d) => ({ value: d.id, label: d.number })),
      indicators: everyCode
        .filter((c) => offered.has(c))
        .map((c) => ({ value: c, label: catalog.indicator(c)?.shortName ?? catalog.indicator(c)?.name ?? c })),
      tiers: [...new Set(all.map((u) => u.tier))].map((t) => ({ value: t, label: tierName(t) })),
      // Only units with a target to show: a history of nothing is no choice.
      units: live.filter(({ byCode }) => byCode.size > 0).map(({ unit }) => ({ value: unit.code, label: unit.name })),
    },
  };
}
