/**
 * Jurisdiction (docs/DIRECTIVES.md "Thẩm quyền"): a directive binds only the units of the
 * authority that issued it — the subtree of its `issuingUnit` — or, when national (Thủ tướng,
 * Chính phủ, a ministry), every unit of the deployment. A province's plan and a city plan inside
 * it both bind the city's wards; the city plan binds nothing outside the city.
 *
 * Pure: a unit carries its ancestors' codes (parent first) from the catalog.
 */
import type { Directive } from "./directive/schema.js";

export type PlacedUnit = {
  code?: string;
  /**
   * Codes of the unit's ancestors. Absent for a unit known only by its tier (the CLI's
   * `evaluate --tier`, which evaluates against one directive): jurisdiction is not checked.
   */
  ancestors?: readonly string[];
};

export function withinJurisdiction(directive: Pick<Directive, "national" | "issuingUnit">, unit: PlacedUnit): boolean {
  if (directive.national || unit.ancestors === undefined) return true;
  const issuer = directive.issuingUnit;
  return issuer !== undefined && (unit.code === issuer || unit.ancestors.includes(issuer));
}
