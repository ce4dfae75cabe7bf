/**
 * A figures table checked against the catalog (docs/UPLOADS.md): beyond what the parser
 * checks (cells, numerator ≤ denominator, duplicates), every row must name a unit the sender
 * may write, an indicator a directive assigns to that unit, and a month that has begun.
 */
import type { Catalog } from "../../domain/catalog.js";
import type { Indicator } from "../../domain/directive/schema.js";
import { parseFigures, unitMatcher, type Grid, type RejectedRow } from "../../ingest/index.js";
import { uploadReasons } from "../../messages/upload.js";
import type { AppDeps } from "../context.js";
import { currentPeriod } from "../figures/figures.js";
import type { FigureItem, UploadScope } from "./save.js";

export type CheckedFigures = { items: FigureItem[]; rejected: RejectedRow[]; exampleRows: number };

/**
 * Codes are matched case-insensitively: "HS-TRUC-TUYEN" is what a spreadsheet often holds. A
 * scored index's own components (docs/INDEX.md) are codes like the directives'.
 */
export function findIndicator(catalog: Catalog, code: string): Indicator | undefined {
  const wanted = code.trim().toLowerCase();
  return (
    catalog.indicator(code.trim()) ??
    [...catalog.directives, ...catalog.indices]
      .flatMap((d) => d.indicators)
      .find((i) => i.code.toLowerCase() === wanted)
  );
}

export function validateFigures(deps: AppDeps, grid: Grid, scope: UploadScope): CheckedFigures {
  const catalog = deps.catalog.get();
  const nowPeriod = currentPeriod(deps);
  const matchUnit = unitMatcher(catalog.units);
  const parsed = parseFigures(grid, {
    resolveUnit: (text) => catalog.findUnitCode(text)?.code ?? matchUnit(text)?.code ?? null,
    isIndicator: (code) => findIndicator(catalog, code) !== undefined,
  });
  const items: FigureItem[] = [];
  const rejected: RejectedRow[] = [...parsed.rejected];
  const assigned = new Map<string, Set<string>>();
  const assignedTo = (unitCode: string): Set<string> => {
    let set = assigned.get(unitCode);
    if (!set) {
      const unit = catalog.unit(unitCode);
      set = new Set(unit ? catalog.indicatorsFor(unit).map((i) => i.code) : []);
      assigned.set(unitCode, set);
    }
    return set;
  };
  // The parser catches duplicates as written; these are duplicates once codes are resolved.
  const seen = new Map<string, number>();
  for (const row of parsed.rows) {
    const unit = catalog.unit(row.unitCode);
    const indicator = findIndicator(catalog, row.indicatorCode);
    const problems: string[] = [];
    if (!unit) problems.push(uploadReasons.unknownUnit(row.unitName ?? row.unitCode));
    else if (scope.kind === "unit" && unit.code !== scope.unit.code)
      problems.push(uploadReasons.otherUnit(unit.name, scope.unit.name));
    else if (indicator && !assignedTo(unit.code).has(indicator.code))
      problems.push(uploadReasons.notAssigned(indicator.code, unit.name));
    if (!indicator) problems.push(uploadReasons.unknownIndicator(row.indicatorCode));
    if (row.period > nowPeriod) problems.push(uploadReasons.futurePeriod(row.period));
    const key = unit && indicator ? `${unit.code}|${indicator.code}|${row.period}` : "";
    const twin = seen.get(key);
    if (twin !== undefined) problems.push(uploadReasons.sameFigureAs(twin));
    if (problems.length > 0 || !unit || !indicator) {
      rejected.push({ rowNumber: row.rowNumber, reason: problems.join("; ") });
      continue;
    }
    seen.set(key, row.rowNumber);
    items.push({
      unitCode: unit.code,
      indicatorCode: indicator.code,
      period: row.period,
      numerator: row.numerator,
      denominator: row.denominator,
    });
  }
  rejected.sort((a, b) => a.rowNumber - b.rowNumber);
  // Examples and rows left blank are skipped alike, and said so in one line.
  return { items, rejected, exampleRows: parsed.exampleRows.length + parsed.unfilledRows.length };
}
