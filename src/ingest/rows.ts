/** Small helpers shared by the row parsers (figures, dossiers, one-stop report). */
import { IngestError } from "./errors.js";
import { cellKey, type Grid, type GridRow } from "./grid.js";
import { msg, reason } from "./messages.js";
import { assertDataRowLimit } from "./readSheet.js";
import { foldText } from "./text.js";

/** The rows below the header; throws NO_DATA / TOO_MANY_ROWS. */
export function rowsBelow(grid: Grid, headerIndex: number, headerRowNumber: number, maxDataRows?: number): GridRow[] {
  const rows = grid.rows.slice(headerIndex + 1);
  if (rows.length === 0)
    throw new IngestError("NO_DATA", msg.noData(headerRowNumber), { detail: "nothing below header" });
  assertDataRowLimit(rows.length, maxDataRows);
  return rows;
}

/** "thiếu Tử số", or the formula hint when the empty cell is an uncomputed formula. */
export function blankReason(grid: Grid, rowNumber: number, col: number | undefined, label: string): string {
  return col !== undefined && grid.uncachedFormulas.has(cellKey(rowNumber, col))
    ? reason.uncachedFormula(label)
    : reason.missing(label);
}

/** Row numbers grouped by key, only for keys seen more than once. */
export function duplicateGroups(entries: readonly { key: string; rowNumber: number }[]): Map<string, number[]> {
  const first = new Map<string, number>();
  const groups = new Map<string, number[]>();
  for (const { key, rowNumber } of entries) {
    const seen = first.get(key);
    if (seen === undefined) {
      first.set(key, rowNumber);
      continue;
    }
    const list = groups.get(key);
    if (list) list.push(rowNumber);
    else groups.set(key, [seen, rowNumber]);
  }
  return groups;
}

/** "Tổng cộng", "Cộng", "Tổng số", "TỔNG": the sum row offices put under the units. */
export function isTotalLabel(text: string): boolean {
  return /^(tong cong|tong so|tong|cong)( chung| toan (tinh|thanh pho|huyen|xa|phuong))?$/.test(foldText(text));
}
