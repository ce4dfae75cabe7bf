/** exceljs cell values → neutral `Cell`s. Formulas are never evaluated. */
import type ExcelJS from "exceljs";
import type { Cell } from "./grid.js";

/**
 * `undefined` marks a formula without a cached result (the file was generated, never opened
 * in Excel): the caller reports it instead of computing anything. Error values read as null.
 */
export function toCell(v: ExcelJS.CellValue): Cell | undefined {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v.trim() === "" ? null : v;
  if (typeof v === "number") return Number.isFinite(v) ? v : null; // the stream reads "#N/A" results as NaN
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if ("formula" in v || "sharedFormula" in v) {
    const r = v.result;
    if (r === undefined || r === null) return undefined;
    return typeof r === "object" && "error" in r ? null : toCell(r);
  }
  if ("richText" in v) return toCell(v.richText.map((part) => part.text).join(""));
  if ("text" in v) return toCell(typeof v.text === "string" ? v.text : richTextOf(v.text));
  return null; // error values (#N/A, #REF!…)
}

/** Hyperlink cells can carry rich text in `text`. */
function richTextOf(t: unknown): string {
  if (t && typeof t === "object" && "richText" in t && Array.isArray(t.richText)) {
    return t.richText.map((p: unknown) => (p && typeof p === "object" && "text" in p ? String(p.text) : "")).join("");
  }
  return "";
}
