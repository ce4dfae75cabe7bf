/**
 * Finds the header row of an office spreadsheet: title rows above it are skipped, column
 * names are compared without diacritics, case or punctuation ("Ma don vi" = "Mã đơn vị"),
 * and a parenthesised note is optional ("Kỳ báo cáo (tháng/năm)" = "Kỳ báo cáo").
 */
import { IngestError } from "./errors.js";
import type { Grid } from "./grid.js";
import { msg } from "./messages.js";
import { foldText, foldWithoutNotes } from "./text.js";

export interface ColumnSpec<K extends string> {
  key: K;
  /** How the column is named in messages ("Mã đơn vị"). */
  label: string;
  /** Exact header texts, already folded (`foldText`). */
  aliases: readonly string[];
  /** Looser fallback: every word of one list must appear in the header (folded words). */
  keywords?: readonly (readonly string[])[];
  /** Folded phrases that veto a keyword match ("đơn vị tính" is a unit of measure, not a unit). */
  avoid?: readonly string[];
}

/** Each entry must be matched; a list means "any one of these keys". */
export type Requirement<K extends string> = K | readonly K[];

export interface HeaderMatch<K extends string> {
  /** Index into `grid.rows` of the header row; data rows follow it. */
  rowIndex: number;
  rowNumber: number;
  columns: ReadonlyMap<K, number>;
}

/** How far down a title block can push the header. */
const SCAN_ROWS = 30;

export function findHeader<K extends string>(
  grid: Grid,
  specs: readonly ColumnSpec<K>[],
  required: readonly Requirement<K>[],
): HeaderMatch<K> {
  let best: { match: HeaderMatch<K>; missing: string[] } | null = null;
  const limit = Math.min(grid.rows.length, SCAN_ROWS);
  for (let i = 0; i < limit; i++) {
    const row = grid.rows[i];
    if (!row) continue;
    const columns = matchColumns(row.cells, specs);
    const missing = missingLabels(columns, specs, required);
    const match = { rowIndex: i, rowNumber: row.rowNumber, columns };
    if (missing.length === 0) return match;
    if (columns.size >= 2 && (!best || columns.size > best.match.columns.size)) best = { match, missing };
  }
  if (best) {
    throw new IngestError("MISSING_COLUMNS", msg.missingColumns(best.match.rowNumber, best.missing), {
      detail: `header row ${best.match.rowNumber} lacks ${best.missing.join(", ")}`,
    });
  }
  const wanted = required.map((r) => labelOf(specs, typeof r === "string" ? r : r[0]));
  throw new IngestError("HEADER_NOT_FOUND", msg.headerNotFound(wanted), { detail: "no header row" });
}

/**
 * Header texts of one row → which column each key sits in: exact aliases first, then keywords,
 * each pass in `specs` order (so list the more specific columns first).
 */
export function matchColumns<K extends string>(
  cells: readonly unknown[],
  specs: readonly ColumnSpec<K>[],
): Map<K, number> {
  const folded = cells.map((c) => (typeof c === "string" ? [foldText(c), foldWithoutNotes(c)] : null));
  const columns = new Map<K, number>();
  const taken = new Set<number>();
  const assign = (test: (spec: ColumnSpec<K>, texts: string[]) => boolean): void => {
    for (const spec of specs) {
      if (columns.has(spec.key)) continue;
      const col = folded.findIndex((texts, i) => texts !== null && !taken.has(i) && test(spec, texts));
      if (col >= 0) {
        columns.set(spec.key, col);
        taken.add(col);
      }
    }
  };
  assign((spec, texts) => texts.some((t) => spec.aliases.includes(t)));
  assign((spec, texts) => hasKeywords(spec, texts[0] ?? ""));
  return columns;
}

function hasKeywords<K extends string>(spec: ColumnSpec<K>, text: string): boolean {
  if (!spec.keywords || text === "") return false;
  if (spec.avoid?.some((phrase) => ` ${text} `.includes(` ${phrase} `))) return false;
  const words = new Set(text.split(" "));
  return spec.keywords.some((list) => list.every((w) => words.has(w)));
}

function missingLabels<K extends string>(
  columns: ReadonlyMap<K, number>,
  specs: readonly ColumnSpec<K>[],
  required: readonly Requirement<K>[],
): string[] {
  const missing: string[] = [];
  for (const r of required) {
    const keys: readonly K[] = typeof r === "string" ? [r] : r;
    if (!keys.some((k) => columns.has(k))) missing.push(keys.map((k) => labelOf(specs, k)).join(" hoặc "));
  }
  return missing;
}

function labelOf<K extends string>(specs: readonly ColumnSpec<K>[], key: K | undefined): string {
  return specs.find((s) => s.key === key)?.label ?? String(key);
}
