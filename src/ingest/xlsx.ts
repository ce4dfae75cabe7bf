/**
 * .xlsx → Grid through exceljs, after `zipGuard` has proven the archive safe.
 * One `load`, one pass over the rows; cell values are converted in place, never re-read.
 * Formulas are never evaluated: a formula cell yields its cached result or null.
 */
import ExcelJS from "exceljs";
import { IngestError } from "./errors.js";
import { cellKey, type Cell, type CellRange, type Grid, type GridRow } from "./grid.js";
import { msg } from "./messages.js";
import { verifyAndRepack, type VerifiedZip } from "./zipGuard.js";

export interface XlsxOptions {
  fileName: string;
  /** Hard cap on non-empty rows, checked on the raw XML before exceljs builds its model. */
  maxRows: number;
  sheetName?: string;
}

export async function readXlsx(data: Buffer, opts: XlsxOptions): Promise<Grid> {
  const zip = verifyAndRepack(data);
  assertWorkbook(zip, opts);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings declare their own `Buffer extends ArrayBuffer`; a Node Buffer is what it reads.
    await workbook.xlsx.load(zip.stored as unknown as ArrayBuffer);
  } catch (cause) {
    throw new IngestError("CORRUPT_FILE", msg.corruptXlsx, { detail: "exceljs load failed", cause });
  }
  const sheet = pickSheet(workbook, opts.sheetName);
  if (!sheet) throw new IngestError("EMPTY_FILE", msg.emptyFile, { detail: "no worksheet" });
  return toGrid(sheet, opts.maxRows);
}

function assertWorkbook(zip: VerifiedZip, opts: XlsxOptions): void {
  if (!zip.dataOf("xl/workbook.xml") && !zip.dataOf("/xl/workbook.xml")) {
    throw new IngestError("UNSUPPORTED_TYPE", msg.notSpreadsheet(opts.fileName), { detail: "no xl/workbook.xml" });
  }
  // exceljs keeps every row object of every sheet in memory: refuse oversized sheets by a
  // cheap count of row elements in the XML first (each `<row` is at least one row object).
  for (const e of zip.entries) {
    if (!/^\/?xl\/worksheets\/[^/]+\.xml$/.test(e.name)) continue;
    const rows = countOccurrences(zip.dataOf(e.name), "<row ", opts.maxRows * 5);
    if (rows > opts.maxRows * 5) {
      throw new IngestError("TOO_MANY_ROWS", msg.tooManyRows(rows, opts.maxRows), { detail: `${e.name}: ${rows} rows` });
    }
  }
}

function countOccurrences(data: Buffer | undefined, needle: string, stopAfter: number): number {
  if (!data) return 0;
  let n = 0;
  for (let i = data.indexOf(needle); i !== -1 && n <= stopAfter; i = data.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** The named sheet, else the first visible one that has data. */
function pickSheet(workbook: ExcelJS.Workbook, name?: string): ExcelJS.Worksheet | undefined {
  if (name) return workbook.getWorksheet(name);
  const visible = workbook.worksheets.filter((ws) => ws.state === "visible" || ws.state === undefined);
  return visible.find((ws) => ws.actualRowCount > 0) ?? visible[0];
}

function toGrid(sheet: ExcelJS.Worksheet, maxRows: number): Grid {
  const rows: GridRow[] = [];
  const merges = new Map<string, CellRange>();
  const uncached = new Set<string>();
  sheet.eachRow((row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell((cell, col) => {
      if (cell.type === ExcelJS.ValueType.Merge) {
        noteMerge(merges, cell.master, rowNumber, col);
        return;
      }
      const value = toCell(cell.value);
      if (value === undefined) uncached.add(cellKey(rowNumber, col - 1));
      else if (value !== null) cells[col - 1] = value;
    });
    if (cells.length === 0) return;
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows.push({ rowNumber, cells });
    if (rows.length > maxRows) {
      throw new IngestError("TOO_MANY_ROWS", msg.tooManyRows(rows.length, maxRows), { detail: "row cap" });
    }
  });
  return { format: "xlsx", sheetName: sheet.name, rows, merges: [...merges.values()], uncachedFormulas: uncached };
}

function noteMerge(merges: Map<string, CellRange>, master: ExcelJS.Cell, row: number, col: number): void {
  const key = master.address;
  const m = Number(master.row);
  const c = Number(master.col);
  const range = merges.get(key) ?? { top: m, left: c, bottom: m, right: c };
  range.bottom = Math.max(range.bottom, row);
  range.right = Math.max(range.right, col);
  merges.set(key, range);
}

/** exceljs value → Cell; `undefined` marks a formula with no cached result. */
function toCell(v: ExcelJS.CellValue): Cell | undefined {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v.trim() === "" ? null : v;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if ("formula" in v || "sharedFormula" in v) {
    const r = v.result;
    if (r === undefined || r === null) return undefined;
    return typeof r === "object" && "error" in r ? null : toCell(r);
  }
  if ("richText" in v) return toCell(v.richText.map((part) => part.text).join(""));
  if ("text" in v) return toCell(typeof v.text === "string" ? v.text : textOf(v.text));
  return null; // error values (#N/A, #REF!…) read as empty
}

/** Hyperlink cells can carry rich text in `text`. */
function textOf(t: unknown): string {
  if (t && typeof t === "object" && "richText" in t && Array.isArray(t.richText)) {
    return t.richText.map((p: unknown) => (p && typeof p === "object" && "text" in p ? String(p.text) : "")).join("");
  }
  return "";
}
