/**
 * .xlsx → Grid. `zipGuard` first proves the archive safe and hands back only the parts a sheet
 * needs; they are repacked STORED in the order exceljs's streaming reader wants (relations,
 * workbook, shared strings and styles before the sheets), so rows stream through one at a time
 * and no temp file is written. exceljs's in-memory `load` would hold the whole sheet model
 * (~140 MB for 20,000 × 12 cells); this path keeps only the grid (budget: < 300 MB).
 * Formulas are never evaluated: a formula cell yields its cached result or null.
 */
import ExcelJS from "exceljs";
import { Readable } from "node:stream";
import { crc32 } from "node:zlib";
import { IngestError } from "./errors.js";
import { cellKey, type Cell, type Grid, type GridRow } from "./grid.js";
import { CellBudget, MAX_CELLS } from "./limits.js";
import { msg } from "./messages.js";
import { toCell } from "./xlsxCells.js";
import { mergesOf } from "./xlsxMerges.js";
import { storeZip, unzipVerified, type VerifiedEntry } from "./zipGuard.js";

export interface XlsxOptions {
  fileName: string;
  /** Hard cap on non-empty rows (data rows plus room for title and header rows). */
  maxRows: number;
  /** The limit a refusal tells the sender — data rows, without that room. Default: `maxRows`. */
  shownLimit?: number;
  sheetName?: string;
}

/** Read before any sheet, in this order; exceljs's streaming reader matches these exact paths. */
const HEAD = ["_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/sharedStrings.xml", "xl/styles.xml"];
const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const EMPTY_SST = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
);

/** The runtime fields of exceljs's WorksheetReader that its typings leave out. */
interface SheetStream {
  name?: string;
  state?: string;
  [Symbol.asyncIterator](): AsyncGenerator<ExcelJS.Row>;
}

export async function readXlsx(data: Buffer, opts: XlsxOptions): Promise<Grid> {
  const parts = orderParts(
    unzipVerified(data, (name) => HEAD.includes(bare(name)) || SHEET.test(bare(name))),
    opts,
  );
  const sheetParts = parts.filter((p) => SHEET.test(p.name));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(chunks(storeZip(parts))), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache", // needed to tell date cells from numbers
    hyperlinks: "ignore",
    entries: "ignore",
  });
  let index = 0;
  try {
    for await (const worksheet of reader) {
      const sheet = worksheet as unknown as SheetStream;
      const part = sheetParts[index++];
      const wanted = opts.sheetName
        ? sheet.name === opts.sheetName
        : sheet.state !== "hidden" && sheet.state !== "veryHidden";
      if (!wanted || !part) continue; // the reader drains a sheet we do not iterate
      const grid = await collect(sheet, part, opts.maxRows, opts.shownLimit ?? opts.maxRows);
      if (grid.rows.length > 0 || opts.sheetName) return grid;
    }
  } catch (cause) {
    if (cause instanceof IngestError) throw cause;
    throw new IngestError("CORRUPT_FILE", msg.corruptXlsx, { detail: "exceljs stream failed", cause });
  }
  return { format: "xlsx", sheetName: "", rows: [], merges: [], uncachedFormulas: new Set() };
}

const bare = (name: string): string => name.replace(/^\//, "");

/** unzipper re-concatenates its buffer on every read: one 12 MB chunk costs O(n²) copying. */
function* chunks(buf: Buffer, size = 64 * 1024): Generator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

function orderParts(entries: VerifiedEntry[], opts: XlsxOptions): VerifiedEntry[] {
  const parts = entries.map((e) => ({ ...e, name: bare(e.name) }));
  if (!parts.some((p) => p.name === "xl/workbook.xml")) {
    throw new IngestError("UNSUPPORTED_TYPE", msg.notSpreadsheet(opts.fileName), { detail: "no xl/workbook.xml" });
  }
  // The reader parks sheets in temp files until it has seen shared strings: give it some.
  if (!parts.some((p) => p.name === "xl/sharedStrings.xml")) {
    parts.push({ name: "xl/sharedStrings.xml", crc32: crc32(EMPTY_SST), data: EMPTY_SST });
  }
  for (const p of parts) {
    if (!SHEET.test(p.name)) continue;
    const rows = countOccurrences(p.data, "<row ", opts.maxRows * 5);
    if (rows > opts.maxRows * 5) {
      throw new IngestError("TOO_MANY_ROWS", msg.tooManyRows(rows, opts.shownLimit ?? opts.maxRows), {
        detail: `${p.name}: ${rows} rows`,
      });
    }
    // Styled empty cells count here too, hence the margin; cells with values are bounded as read.
    if (countOccurrences(p.data, "<c ", MAX_CELLS * 5) > MAX_CELLS * 5) {
      throw new IngestError("TOO_MANY_CELLS", msg.tooManyCells(MAX_CELLS), { detail: `${p.name}: cell elements` });
    }
  }
  const rank = (name: string): number => {
    const head = HEAD.indexOf(name);
    return head >= 0 ? head : 100 + Number(SHEET.exec(name)?.[1] ?? 0);
  };
  return parts.sort((a, b) => rank(a.name) - rank(b.name));
}

function countOccurrences(data: Buffer, needle: string, stopAfter: number): number {
  let n = 0;
  for (let i = data.indexOf(needle); i !== -1 && n <= stopAfter; i = data.indexOf(needle, i + needle.length)) n++;
  return n;
}

async function collect(sheet: SheetStream, part: VerifiedEntry, maxRows: number, shownLimit: number): Promise<Grid> {
  const rows: GridRow[] = [];
  const uncached = new Set<string>();
  const budget = new CellBudget();
  for await (const row of sheet) {
    const rowNumber = row.number;
    const cells: Cell[] = [];
    row.eachCell((cell, col) => {
      const value = toCell(cell.value);
      if (value !== null) budget.take(rowNumber, col - 1); // before the row is widened to `col`
      if (value === undefined) uncached.add(cellKey(rowNumber, col - 1));
      else if (value !== null) cells[col - 1] = value;
    });
    if (cells.length === 0) continue;
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows.push({ rowNumber, cells });
    if (rows.length > maxRows) {
      throw new IngestError("TOO_MANY_ROWS", msg.tooManyRows(rows.length, shownLimit), { detail: "row cap" });
    }
  }
  return { format: "xlsx", sheetName: sheet.name ?? "", rows, merges: mergesOf(part.data), uncachedFormulas: uncached };
}
