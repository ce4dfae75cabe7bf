/**
 * Figures upload: one row per unit × indicator × period, headed the way an office writes it
 * ("Mã đơn vị | Tên đơn vị | Mã chỉ tiêu | Kỳ báo cáo (tháng/năm) | Tử số | Mẫu số", or
 * "Đơn vị | Tháng | Số hồ sơ trực tuyến | Tổng số hồ sơ"). Units and indicators are checked
 * through the caller's callbacks: this module knows no database.
 */
import { cellText, isBlank, parseCount, parsePeriod, type IsoMonth } from "./cells.js";
import type { RejectedRow } from "./errors.js";
import { cellAt, type Grid, type GridRow } from "./grid.js";
import { findHeader, type ColumnSpec } from "./header.js";
import { reason } from "./messages.js";
import { blankReason, duplicateGroups, isTotalLabel, rowsBelow } from "./rows.js";
import { foldText } from "./text.js";

export interface FigureRow {
  rowNumber: number;
  /** Resolved by `resolveUnit`, else the code (or name) as written. */
  unitCode: string;
  unitName: string | null;
  indicatorCode: string;
  period: IsoMonth;
  numerator: number;
  denominator: number;
}

export interface FiguresOptions {
  /** Code or name as written → the unit's code, or null if there is no such unit. */
  resolveUnit?: (codeOrName: string) => string | null;
  isIndicator?: (code: string) => boolean;
  /** Used when the file has no period column, e.g. the month being collected. */
  defaultPeriod?: IsoMonth;
  /** Used when the file has no indicator column ("Số hồ sơ trực tuyến | Tổng số hồ sơ"). */
  defaultIndicator?: string;
  maxDataRows?: number;
}

export interface FiguresResult {
  headerRow: number;
  rows: FigureRow[];
  rejected: RejectedRow[];
  /** Rows marked "ví dụ" (the template's examples), ignored. */
  exampleRows: number[];
  /**
   * Rows with both counts blank, ignored: the pre-filled template lists every unit × indicator,
   * and a row left empty is a figure not reported, not a wrong one.
   */
  unfilledRows: number[];
}

type Key = "unitCode" | "unitName" | "indicator" | "period" | "numerator" | "denominator";

export const FIGURE_COLUMNS: readonly ColumnSpec<Key>[] = [
  {
    key: "unitCode",
    label: "Mã đơn vị",
    aliases: ["ma don vi", "ma dv", "ma don vi bao cao", "ma co quan", "ma co quan don vi"],
    keywords: [["ma", "don", "vi"]],
  },
  {
    key: "unitName",
    label: "Tên đơn vị",
    aliases: [
      "ten don vi",
      "don vi",
      "ten dv",
      "dv",
      "don vi bao cao",
      "co quan don vi",
      "ten co quan don vi",
      "co quan",
      "ten co quan",
    ],
    keywords: [["don", "vi"]],
    avoid: ["don vi tinh", "dvt"],
  },
  {
    key: "indicator",
    label: "Mã chỉ tiêu",
    aliases: ["ma chi tieu", "chi tieu", "ma ct", "ma chi so"],
    keywords: [["chi", "tieu"]],
  },
  {
    key: "numerator",
    label: "Tử số",
    aliases: ["tu so", "so ho so truc tuyen", "ho so truc tuyen", "so hs truc tuyen", "hs truc tuyen", "truc tuyen"],
    keywords: [
      ["tu", "so"],
      ["truc", "tuyen"],
      ["qua", "mang"],
    ],
  },
  {
    key: "denominator",
    label: "Mẫu số",
    aliases: ["mau so", "tong so ho so", "tong so hs", "tong ho so", "tong so", "tong"],
    keywords: [["mau", "so"], ["tong"]],
  },
  // After the counts: "Tổng số hồ sơ trong kỳ" is a count, not the period.
  {
    key: "period",
    label: "Kỳ báo cáo (tháng/năm)",
    aliases: [
      "ky bao cao",
      "ky",
      "thang",
      "thang nam",
      "ky bao cao thang nam",
      "thang bao cao",
      "thoi gian",
      "thoi gian bao cao",
    ],
    keywords: [["ky"], ["thang"]],
  },
];

const labelOf = (key: Key): string => FIGURE_COLUMNS.find((c) => c.key === key)?.label ?? key;

export function parseFigures(grid: Grid, opts: FiguresOptions = {}): FiguresResult {
  const header = findHeader(grid, FIGURE_COLUMNS, [
    ["unitCode", "unitName"] as const,
    ...(opts.defaultIndicator ? [] : ["indicator" as const]),
    ...(opts.defaultPeriod ? [] : ["period" as const]),
    "numerator" as const,
    "denominator" as const,
  ]);
  const col = (k: Key): number | undefined => header.columns.get(k);
  const rows: FigureRow[] = [];
  const rejected: RejectedRow[] = [];
  const exampleRows: number[] = [];
  const unfilledRows: number[] = [];
  for (const row of rowsBelow(grid, header.rowIndex, header.rowNumber, opts.maxDataRows)) {
    const cell = (k: Key) => cellAt(row, col(k));
    if ([...header.columns.keys()].every((k) => isBlank(cell(k)))) continue;
    const name = cellText(cell("unitName"));
    const code = cellText(cell("unitCode"));
    if (/\bvi du\b/.test(foldText(`${code} ${name}`))) {
      exampleRows.push(row.rowNumber);
      continue;
    }
    if (isTotalLabel(code || name)) continue;
    if (isBlank(cell("numerator")) && isBlank(cell("denominator"))) {
      unfilledRows.push(row.rowNumber);
      continue;
    }
    const result = readRow(grid, row, col, opts);
    if (typeof result === "string") rejected.push({ rowNumber: row.rowNumber, reason: result });
    else rows.push({ ...result, rowNumber: row.rowNumber, unitName: name || null });
  }
  return { headerRow: header.rowNumber, ...dropDuplicates(rows, rejected), exampleRows, unfilledRows };
}

type RowValues = Omit<FigureRow, "rowNumber" | "unitName">;

/** The row's values, or every problem found in it joined into one reason. */
function readRow(
  grid: Grid,
  row: GridRow,
  col: (k: Key) => number | undefined,
  opts: FiguresOptions,
): RowValues | string {
  const problems: string[] = [];
  const text = (k: Key): string => cellText(cellAt(row, col(k)));
  const blank = (k: Key): string => blankReason(grid, row.rowNumber, col(k), labelOf(k));

  const written = text("unitCode") || text("unitName");
  let unitCode = written;
  if (!written) problems.push(blank(col("unitCode") !== undefined ? "unitCode" : "unitName"));
  else if (opts.resolveUnit) {
    const name = text("unitName");
    const resolved = opts.resolveUnit(written) ?? (name && name !== written ? opts.resolveUnit(name) : null);
    if (resolved === null) problems.push(reason.unknownUnit(written));
    unitCode = resolved ?? written;
  }

  const indicatorCode = text("indicator") || opts.defaultIndicator || "";
  if (!indicatorCode) problems.push(blank("indicator"));
  else if (opts.isIndicator && !opts.isIndicator(indicatorCode)) problems.push(reason.unknownIndicator(indicatorCode));

  const periodCell = parsePeriod(cellAt(row, col("period")));
  const period = periodCell.ok ? (periodCell.value ?? opts.defaultPeriod ?? null) : null;
  if (!periodCell.ok) problems.push(reason.badPeriod(text("period")));
  else if (period === null) problems.push(blank("period"));

  const count = (k: "numerator" | "denominator"): number | null => {
    const parsed = parseCount(cellAt(row, col(k)));
    if (!parsed.ok) problems.push(reason.badCount(labelOf(k), text(k)));
    else if (parsed.value === null) problems.push(blank(k));
    return parsed.ok ? parsed.value : null;
  };
  const numerator = count("numerator");
  const denominator = count("denominator");
  if (numerator !== null && denominator !== null && numerator > denominator) {
    problems.push(reason.numeratorExceeds(numerator, denominator));
  }
  if (problems.length > 0 || period === null || numerator === null || denominator === null) return problems.join("; ");
  return { unitCode, indicatorCode, period, numerator, denominator };
}

/** Two rows for the same unit × indicator × period contradict each other: both are refused. */
function dropDuplicates(rows: FigureRow[], rejected: RejectedRow[]): { rows: FigureRow[]; rejected: RejectedRow[] } {
  const groups = duplicateGroups(
    rows.map((r) => ({ key: `${r.unitCode}|${r.indicatorCode}|${r.period}`, rowNumber: r.rowNumber })),
  );
  if (groups.size === 0) return { rows, rejected };
  const dupRows = new Map<number, string>();
  for (const list of groups.values()) {
    const why = reason.duplicateFigure(list); // one string per group, shared by its rows
    for (const n of list) dupRows.set(n, why);
  }
  const kept = rows.filter((r) => !dupRows.has(r.rowNumber));
  const more = [...dupRows].map(([rowNumber, why]) => ({ rowNumber, reason: why }));
  return { rows: kept, rejected: [...rejected, ...more].sort((a, b) => a.rowNumber - b.rowNumber) };
}
