/**
 * Turns the raw options of `dondoc evaluate` into an evaluation request, or fails with a
 * Vietnamese message that says what was wrong and how to write it.
 */
import { indicatorByCode } from "../../domain/catalog.js";
import { parseViDate, type IsoDate } from "../../domain/directive/dates.js";
import type { Directive, Indicator, Unit } from "../../domain/directive/schema.js";
import { checkFigures, type EvaluationUnit, type Figures } from "../../domain/evaluation/index.js";
import type { LoadedDirective } from "../../directives/loadDirective.js";
import { fail } from "../io.js";
import { cliMessages as m } from "../messages.js";

export type EvaluateOptions = {
  directive?: string[];
  unit?: string;
  tier?: string;
  indicator?: string;
  asOf?: string;
  numerator?: string;
  denominator?: string;
  json?: boolean;
};

export type ResolvedUnit = EvaluationUnit & { name?: string };

export function parseAsOf(text: string): IsoDate {
  return parseViDate(text) ?? fail(m.badDate(text));
}

/** "120" or, as Vietnamese write it, "1.234". */
export function parseCount(option: string, text: string): number {
  if (!/^(\d+|\d{1,3}(\.\d{3})+)$/.test(text.trim())) fail(m.badCount(option, text));
  const n = Number(text.trim().replace(/\./g, ""));
  if (!Number.isSafeInteger(n)) fail(m.badCount(option, text));
  return n;
}

/** A count indicator ("05 bộ dữ liệu mở") takes `--numerator` alone: one figure. */
export function parseFigures(
  numerator?: string,
  denominator?: string,
  kind: "ratio" | "count" = "ratio",
): Figures | null {
  if (numerator === undefined && denominator === undefined) return null;
  if (kind === "count") {
    if (numerator === undefined || denominator !== undefined) fail(m.countOneFigure);
    const count = { numerator: parseCount("--numerator", numerator), denominator: 0 };
    const problem = checkFigures(count, "count");
    if (problem) fail(m.badFigures(problem));
    return count;
  }
  if (numerator === undefined || denominator === undefined) fail(m.needBothFigures);
  const figures = {
    numerator: parseCount("--numerator", numerator),
    denominator: parseCount("--denominator", denominator),
  };
  const problem = checkFigures(figures);
  if (problem) fail(m.badFigures(problem));
  return figures;
}

export function findIndicator(code: string, directives: readonly Directive[]): Indicator {
  const found = indicatorByCode(directives, code);
  if (found) return found;
  const known = [...new Set(directives.flatMap((d) => d.indicators.map((i) => i.code)))].join(", ");
  return fail(m.unknownIndicator(code, known || "(không có)"));
}

/**
 * The unit to evaluate: by code, looked up in the unit lists, then the groups, then the
 * milestone scopes (its tier then comes from `--tier`); or a whole tier by its code.
 */
export function resolveUnit(
  code: string | undefined,
  tier: string | undefined,
  loaded: readonly LoadedDirective[],
): ResolvedUnit {
  const directives = loaded.map((l) => l.directive);
  const knownTiers = [...new Set(directives.flatMap((d) => d.tiers.map((t) => t.code)))];
  if (tier !== undefined && !knownTiers.includes(tier)) fail(m.unknownTier(tier, knownTiers.join(", ")));
  if (code === undefined) {
    return tier === undefined ? fail(m.needUnitOrTier) : { tier };
  }
  const listed = loaded.flatMap((l) => l.units?.units ?? []).find((u: Unit) => u.code === code);
  const grouped = directives.flatMap((d) => d.groups).find((g) => g.units.includes(code));
  const inScope = directives.some((d) => d.milestones.some((ms) => ms.scope.units.includes(code)));
  const actualTier = listed?.tier ?? grouped?.tier;
  if (!listed && !grouped && !inScope) {
    const examples = loaded
      .flatMap((l) => l.units?.units ?? [])
      .slice(0, 3)
      .map((u) => u.code)
      .join(", ");
    fail(m.unknownUnit(code, examples));
  }
  if (tier !== undefined && actualTier !== undefined && tier !== actualTier)
    fail(m.tierMismatch(code, actualTier, tier));
  const resolvedTier = actualTier ?? tier;
  return {
    code,
    ...(resolvedTier !== undefined ? { tier: resolvedTier } : {}),
    ...(listed ? { name: listed.name } : {}),
  };
}
