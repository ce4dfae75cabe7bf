/**
 * Merged ranges of a worksheet, read from its XML: exceljs's streaming reader skips
 * `<mergeCells>`, which Excel writes after `<sheetData>`, so only the file's tail is decoded.
 */
import type { CellRange } from "./grid.js";

const MERGE = /<mergeCell\s+ref="([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)"/g;

export function mergesOf(sheetXml: Buffer): CellRange[] {
  const start = sheetXml.lastIndexOf("<mergeCells");
  if (start < 0) return [];
  const tail = sheetXml.toString("utf8", start);
  const merges: CellRange[] = [];
  for (const m of tail.matchAll(MERGE)) {
    merges.push({
      top: Number(m[2]),
      left: columnNumber(m[1] ?? ""),
      bottom: Number(m[4]),
      right: columnNumber(m[3] ?? ""),
    });
  }
  return merges;
}

/** "A" → 1, "AB" → 28. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
