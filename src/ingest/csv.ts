/**
 * .csv → Grid with csv-parse. Accepts what Excel and one-stop systems write: UTF-8 with or
 * without BOM, UTF-16LE with BOM ("Unicode text"), and `,` `;` or tab separators (Vietnamese
 * Windows locales export with `;`). Every cell stays text: "1.234" is parsed by the readers.
 */
import { parse } from "csv-parse/sync";
import { IngestError } from "./errors.js";
import type { Cell, Grid, GridRow } from "./grid.js";
import { CellBudget } from "./limits.js";
import { msg } from "./messages.js";

const DELIMITERS = [",", ";", "\t"] as const;

/**
 * `maxRows`: hard cap on non-empty rows (data plus title and header rows); `shownLimit`: the
 * limit a refusal tells the sender (data rows only, e.g. 20.000 — not the cap's 20.030).
 */
export function readCsv(data: Buffer, maxRows: number, shownLimit = maxRows): Grid {
  const text = decode(data);
  // Records never outnumber lines: refuse absurd files before the parser allocates anything.
  const lines = countLines(text, maxRows * 5);
  if (lines > maxRows * 5) throw new IngestError("TOO_MANY_ROWS", msg.tooManyRows(lines, shownLimit));
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: sniffDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
  } catch (cause) {
    const line = cause instanceof Error && "lines" in cause && typeof cause.lines === "number" ? cause.lines : null;
    throw new IngestError("CORRUPT_FILE", msg.corruptCsv(line), { detail: "csv-parse failed", cause });
  }
  const rows: GridRow[] = [];
  const budget = new CellBudget();
  records.forEach((record, i) => {
    const cells: Cell[] = record.map((v) => (v.trim() === "" ? null : v.trim()));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    cells.forEach((c, col) => {
      if (c !== null) budget.take(i + 1, col);
    });
    if (cells.length > 0) rows.push({ rowNumber: i + 1, cells });
  });
  if (rows.length > maxRows) throw new IngestError("TOO_MANY_ROWS", msg.tooManyRows(rows.length, shownLimit));
  return { format: "csv", sheetName: "", rows, merges: [], uncachedFormulas: new Set() };
}

function decode(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return data.toString("utf16le", 2);
  const start = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(data.subarray(start));
  } catch (cause) {
    throw new IngestError("BAD_ENCODING", msg.badEncoding, { detail: "not UTF-8", cause });
  }
}

function countLines(text: string, stopAfter: number): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i !== -1 && n <= stopAfter; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/**
 * The separator that splits the most of the first lines into the same number of fields.
 * Title rows ("BÁO CÁO …") and commas inside Vietnamese text lose to the real column structure.
 */
export function sniffDelimiter(text: string): string {
  const sample = text.split(/\r?\n/, 30).filter((l) => l.trim() !== "");
  let best: string = ",";
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = new Map<number, number>();
    for (const line of sample) {
      const n = countOutsideQuotes(line, d);
      if (n > 0) counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    for (const [fields, lines] of counts) {
      const score = lines * 1000 + fields;
      if (score > bestScore) [best, bestScore] = [d, score];
    }
  }
  return best;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}
