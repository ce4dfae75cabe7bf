/**
 * A dossier export → the Dossier table (docs/DOSSIERS.md). All or nothing: one bad row
 * and nothing is written, every problem is listed by row. Upserts by unit and code (never a duplicate);
 * dossiers the file does not mention are left alone, so a partial export erases nothing.
 * Only what the features need is kept (NĐ 13/2023): no address, no submitter when the owner
 * is named; names are never logged.
 */
import { DOSSIER_COLUMNS } from "../../ingest/dossierColumns.js";
import { findHeader } from "../../ingest/header.js";
import {
  isIngestError,
  matchUnitNames,
  parseDossiers,
  readSheetIsolated,
  type DossierRow,
  type Grid,
  type IngestErrorCode,
  type RejectedRow,
} from "../../ingest/index.js";
import type { CatalogUnit } from "../../domain/catalog.js";
import { dossierTexts as t } from "../../messages/dossiers.js";
import type { AppDeps } from "../context.js";
import { writeDossiers, type DossierRowWithUnit, type WriteSummary } from "./write.js";

/** Same shape as the figures upload's scope: a unit chat, or the administrator for everyone. */
export type DossierScope = { kind: "unit"; unit: CatalogUnit } | { kind: "all" };

export type DossierImportOutcome =
  | { kind: "file-rejected"; code: IngestErrorCode; message: string }
  | { kind: "rows-rejected"; valid: number; rejected: RejectedRow[] }
  | { kind: "saved"; summary: WriteSummary };

/**
 * A sheet is a dossier export when its header names a dossier code and a due date — what
 * tells it apart from a figures sheet. The figures upload may call this to hand the file over.
 */
export function isDossierExport(grid: Grid): boolean {
  try {
    findHeader(grid, DOSSIER_COLUMNS, ["code", "due"]);
    return true;
  } catch (e) {
    if (isIngestError(e)) return false;
    throw e;
  }
}

export async function importDossierFile(
  deps: AppDeps,
  input: { fileName: string; data: Buffer; scope: DossierScope },
): Promise<DossierImportOutcome> {
  try {
    const grid = await readSheetIsolated({ fileName: input.fileName, data: input.data });
    return await importDossierGrid(deps, { grid, scope: input.scope });
  } catch (e) {
    if (isIngestError(e)) return { kind: "file-rejected", code: e.code, message: e.userMessage };
    throw e;
  }
}

/** Throws IngestError for a whole-file problem (missing columns…); rows are judged one by one. */
export async function importDossierGrid(
  deps: AppDeps,
  input: { grid: Grid; scope: DossierScope },
): Promise<DossierImportOutcome> {
  const parsed = parseDossiers(input.grid);
  const assigned = assignUnits(deps, parsed.rows, input.scope);
  const rejected = [...parsed.rejected, ...assigned.rejected].sort((a, b) => a.rowNumber - b.rowNumber);
  if (rejected.length > 0) {
    deps.logger.info({ rejected: rejected.length, valid: assigned.rows.length }, "dossier upload refused");
    return { kind: "rows-rejected", valid: assigned.rows.length, rejected };
  }
  // Codes are unique per unit: a code another unit holds is simply a new dossier of this unit,
  // created and then unchanged on the next upload like any other, so nothing tells the sender
  // that the code exists elsewhere, and the other unit's dossier is never read or changed.
  const summary = await writeDossiers(deps, assigned.rows);
  deps.logger.info(
    { created: summary.created, updated: summary.updated, unchanged: summary.unchanged },
    "dossiers imported",
  );
  return { kind: "saved", summary };
}

/**
 * In a unit chat every row is the chat's own, unless its receiving unit clearly names another
 * unit of the list (refused: a unit must not file — or read — another's dossiers). For the
 * administrator each row must name a unit we know.
 */
function assignUnits(
  deps: AppDeps,
  rows: readonly DossierRow[],
  scope: DossierScope,
): { rows: DossierRowWithUnit[]; rejected: RejectedRow[] } {
  const catalog = deps.catalog.get();
  const names = [...new Set(rows.flatMap((r) => (r.receivingUnit ? [r.receivingUnit] : [])))];
  const { matches } = matchUnitNames(names, catalog.units);
  const unitFor = (name: string | null): CatalogUnit | undefined =>
    name ? (matches.get(name) ?? catalog.findUnitCode(name)) : undefined;
  const out: DossierRowWithUnit[] = [];
  const rejected: RejectedRow[] = [];
  for (const r of rows) {
    const named = unitFor(r.receivingUnit);
    if (scope.kind === "unit") {
      if (named && named.code !== scope.unit.code)
        rejected.push({ rowNumber: r.rowNumber, reason: t.rowOtherUnit(named.name) });
      else out.push({ ...r, unitCode: scope.unit.code });
    } else if (!r.receivingUnit) rejected.push({ rowNumber: r.rowNumber, reason: t.rowNoUnit });
    else if (!named) rejected.push({ rowNumber: r.rowNumber, reason: t.rowUnknownUnit(r.receivingUnit) });
    else out.push({ ...r, unitCode: named.code });
  }
  return { rows: out, rejected };
}
