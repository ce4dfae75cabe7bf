/**
 * Spreadsheet ingest: Buffer → validated rows. No database, no Telegram.
 *   const grid = await readSheet({ fileName, data });      // IngestError on a bad file
 *   const { rows, rejected } = parseFigures(grid, { resolveUnit, isIndicator });
 */
export { IngestError, isIngestError, type IngestErrorCode, type RejectedRow } from "./errors.js";
export type { Cell, CellRange, Grid, GridRow } from "./grid.js";
export {
  HEADER_ROW_ALLOWANCE,
  MAX_DATA_ROWS,
  MAX_FILE_BYTES,
  checkSheetFile,
  checkUploadMeta,
  readSheet,
  type ReadSheetOptions,
  type SheetFormat,
  type UploadedFile,
} from "./readSheet.js";
export { DEFAULT_ISOLATION, readSheetIsolated, stopSheetWorker, type IsolationLimits } from "./isolated.js";
export { MAX_CELLS, MAX_COLUMNS } from "./limits.js";
export {
  excelSerialToDate,
  parseCount,
  parseDateTime,
  parsePeriod,
  type IsoMonth,
  type LocalDateTime,
} from "./cells.js";
export { FIGURE_COLUMNS, parseFigures, type FigureRow, type FiguresOptions, type FiguresResult } from "./figures.js";
export { parseDossiers, type DossierRow, type DossiersOptions, type DossiersResult } from "./dossiers.js";
export { DOSSIER_STATUSES, DOSSIER_STATUS_LABELS, parseDossierStatus, type DossierStatus } from "./dossierStatus.js";
export {
  ONE_STOP_INDICATORS,
  parseOneStopReport,
  type OneStopCounts,
  type OneStopFigure,
  type OneStopResult,
  type OneStopRow,
} from "./oneStopReport.js";
export { matchUnitName, matchUnitNames, unitMatcher, type UnitRef } from "./unitMatch.js";
export { foldText } from "./text.js";
export { stripDiacritics } from "../domain/text.js";
