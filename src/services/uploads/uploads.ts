/**
 * Spreadsheet uploads (docs/UPLOADS.md): a file → validated figures → saved at once, or
 * held for the sender's confirmation. All or nothing: a file with one bad row saves nothing
 * until someone presses "Lưu N dòng hợp lệ"; a one-stop report always shows a preview first.
 */
import {
  isIngestError,
  parseOneStopReport,
  readSheetIsolated,
  type Grid,
  type IngestErrorCode,
  type RejectedRow,
} from "../../ingest/index.js";
import type { AppDeps } from "../context.js";
import { importDossierGrid, isDossierExport, type DossierImportOutcome } from "../dossiers/importList.js";
import { validateFigures } from "./figures.js";
import { buildOneStopPreview, choosePeriod, type OneStopPreview } from "./oneStop.js";
import { holdPending, type PendingRef } from "./pending.js";
import { saveItems, type SavedSummary, type UploadScope } from "./save.js";

export type { UploadScope } from "./save.js";

export type UploadInput = {
  fileName: string;
  data: Buffer;
  scope: UploadScope;
  userId: bigint;
  chatId: bigint;
};

export type UploadOutcome =
  | { kind: "file-rejected"; code: IngestErrorCode | "BAD_PERIOD"; message: string }
  /** Only the template's example rows, or nothing below the header. */
  | { kind: "empty"; exampleRows: number }
  | { kind: "saved"; summary: SavedSummary; exampleRows: number }
  | { kind: "rows-rejected"; valid: number; rejected: RejectedRow[]; pending: PendingRef | null }
  | { kind: "preview"; preview: OneStopPreview; pending: PendingRef | null }
  /** A dossier export sent without `/nhaphoso` (admin's private chat, or a group where the bot is admin). */
  | { kind: "dossiers"; outcome: DossierImportOutcome };

export async function processUpload(deps: AppDeps, input: UploadInput): Promise<UploadOutcome> {
  try {
    const grid = await readSheetIsolated({ fileName: input.fileName, data: input.data });
    return await dispatch(deps, input, grid);
  } catch (e) {
    if (isIngestError(e)) return { kind: "file-rejected", code: e.code, message: e.userMessage };
    throw e;
  }
}

async function dispatch(deps: AppDeps, input: UploadInput, grid: Grid): Promise<UploadOutcome> {
  if (isDossierExport(grid))
    return { kind: "dossiers", outcome: await importDossierGrid(deps, { grid, scope: input.scope }) };
  const report = tryOneStop(grid);
  if (report) {
    const period = choosePeriod(deps, report);
    if (!period.ok) return { kind: "file-rejected", code: "BAD_PERIOD", message: period.message };
    const preview = buildOneStopPreview(deps, report, period, input.scope);
    const pending =
      preview.items.length > 0 ? await holdPending(deps, { ...input, kind: "onestop", items: preview.items }) : null;
    return { kind: "preview", preview, pending };
  }
  const checked = validateFigures(deps, grid, input.scope);
  if (checked.rejected.length > 0) {
    const pending =
      checked.items.length > 0 ? await holdPending(deps, { ...input, kind: "figures", items: checked.items }) : null;
    return { kind: "rows-rejected", valid: checked.items.length, rejected: checked.rejected, pending };
  }
  if (checked.items.length === 0) return { kind: "empty", exampleRows: checked.exampleRows };
  const summary = await saveItems(deps, checked.items, {
    byUser: input.userId,
    chatId: input.chatId,
    source: "upload",
    at: deps.clock.now(),
  });
  return { kind: "saved", summary, exampleRows: checked.exampleRows };
}

/** The one-stop report has its own header shape; anything else is read as a figures table. */
function tryOneStop(grid: Grid): ReturnType<typeof parseOneStopReport> | null {
  try {
    return parseOneStopReport(grid);
  } catch (e) {
    if (isIngestError(e) && e.code === "HEADER_NOT_FOUND") return null;
    throw e;
  }
}
