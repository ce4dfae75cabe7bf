/**
 * Which units an index scores, and when (docs/INDEX.md "Phạm vi, hiệu lực"). An index set by a
 * national text (QĐ 766/QĐ-TTg) applies to every unit of the deployment of the tiers it names,
 * from `validFrom` (default the issue date: an administrative decision takes effect on signature
 * unless it says otherwise, as for directives, src/domain/directive/validity.ts) to `validTo`.
 *
 * Pure: dates are ISO strings.
 */
import type { IsoDate } from "../directive/dates.js";
import type { ScoredIndex } from "./schema.js";

export function indexValidOn(index: Pick<ScoredIndex, "issuedOn" | "validFrom" | "validTo">, day: IsoDate): boolean {
  const from = index.validFrom ?? index.issuedOn;
  return day >= from && (index.validTo === undefined || day <= index.validTo);
}

/** The index scores units of this tier (on `day`, when given). */
export function indexAppliesTo(index: ScoredIndex, unit: { tier: string }, day?: IsoDate): boolean {
  return index.appliesTo.tiers.includes(unit.tier) && (day === undefined || indexValidOn(index, day));
}
