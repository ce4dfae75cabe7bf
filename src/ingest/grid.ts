/**
 * The neutral sheet every parser works on, whatever the upload's format.
 * Only non-empty rows are kept, each with the row number the user sees in Excel (for CSV:
 * the record number Excel would show), so a sheet with a stray cell at row 1,000,000 stays small.
 */

/**
 * A cell: text, a number, a Date or empty. Date cells carry the wall-clock time in their UTC
 * fields (exceljs's convention: 08/10/2026 08:15 in the sheet is `2026-10-08T08:15:00Z`).
 */
export type Cell = string | number | Date | null;

export interface GridRow {
  /** 1-based, as shown in Excel's row header. */
  rowNumber: number;
  /** `cells[0]` is column A; trailing empty cells are trimmed. */
  cells: Cell[];
}

/** A merged range, 1-based inclusive (Excel's A1:C2 = top 1, left 1, bottom 2, right 3). */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  format: "xlsx" | "csv";
  sheetName: string;
  rows: GridRow[];
  /** Merged ranges; the value sits in the top-left cell only, the others are null. */
  merges: CellRange[];
  /** Cells holding a formula without a cached result (`cellKey`): read as null, never computed. */
  uncachedFormulas: ReadonlySet<string>;
}

export function cellKey(rowNumber: number, colIndex: number): string {
  return `${rowNumber}:${colIndex}`;
}

/** Column index (0-based) → Excel letters: 0 → A, 27 → AB. For messages. */
export function columnLetter(colIndex: number): string {
  let n = colIndex + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function cellAt(row: GridRow | undefined, colIndex: number | undefined): Cell {
  if (!row || colIndex === undefined || colIndex < 0) return null;
  return row.cells[colIndex] ?? null;
}
