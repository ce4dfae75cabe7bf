/**
 * One-stop statistics report (per unit): maps each unit row to the two indicators it feeds —
 * online dossiers = Qua mạng / Tổng số tiếp nhận, on time = (Trước hạn + Đúng hạn) / Đã xử lý.
 * Unit names are returned as written; `matchUnitName` (unitMatch.ts) links them to unit codes.
 */
import { cellText, isBlank, parseCount, parseDateTime, type IsoMonth, type LocalDateTime } from "./cells.js";
import { IngestError, type RejectedRow } from "./errors.js";
import { cellAt, cellKey, type Cell, type Grid, type GridRow } from "./grid.js";
import { msg, reason } from "./messages.js";
import { findOneStopHeader, type OneStopRole } from "./oneStopHeader.js";
import { isTotalLabel, rowsBelow } from "./rows.js";
import { foldText } from "./text.js";

/** Indicator codes of the directive presets these figures feed. */
export const ONE_STOP_INDICATORS = { online: "hs-truc-tuyen", onTime: "hs-dung-han" } as const;

export interface OneStopCounts {
  received: number;
  online: number;
  processed: number;
  early: number;
  onTime: number;
  late: number | null;
  pendingOnTime: number | null;
  pendingLate: number | null;
}

export interface OneStopFigure {
  indicatorCode: string;
  numerator: number;
  denominator: number;
}

export interface OneStopRow {
  rowNumber: number;
  unitName: string;
  counts: OneStopCounts;
  figures: OneStopFigure[];
}

export interface OneStopResult {
  headerRows: number[];
  /** The month the title states ("Từ ngày 01/10/2026 đến ngày 31/10/2026" → 2026-10), if any. */
  period: IsoMonth | null;
  periodRange: { from: LocalDateTime; to: LocalDateTime } | null;
  rows: OneStopRow[];
  rejected: RejectedRow[];
}

const LABELS: Record<OneStopRole, string> = {
  stt: "STT",
  unit: "Đơn vị",
  received: "Tổng số tiếp nhận",
  previous: "Kỳ trước",
  inPeriod: "Trong kỳ",
  online: "Qua mạng",
  postal: "Qua BCCI",
  processed: "Tổng số đã xử lý",
  early: "Trước hạn",
  onTime: "Đúng hạn",
  late: "Quá hạn",
  pending: "Đang xử lý",
  pendingOnTime: "Đang xử lý trong hạn",
  pendingLate: "Đang xử lý quá hạn",
};

export function parseOneStopReport(grid: Grid, opts: { maxDataRows?: number } = {}): OneStopResult {
  const header = findOneStopHeader(grid);
  if (!header) throw new IngestError("HEADER_NOT_FOUND", msg.notOneStopReport, { detail: "no one-stop header shape" });
  const roles = header.roles;
  const missing = (["online", "early", "onTime"] as const).filter((r) => !roles.has(r)).map((r) => LABELS[r]);
  if (!roles.has("received") && !(roles.has("previous") && roles.has("inPeriod"))) missing.push(LABELS.received);
  if (!roles.has("processed") && !roles.has("late")) missing.push(LABELS.processed);
  const headerRow = header.rowNumbers[0] ?? 0;
  if (missing.length > 0) {
    throw new IngestError("MISSING_COLUMNS", msg.missingColumns(headerRow, missing), { detail: missing.join(", ") });
  }
  const rows: OneStopRow[] = [];
  const rejected: RejectedRow[] = [];
  const lastHeaderRow = header.rowNumbers[header.rowNumbers.length - 1] ?? headerRow;
  for (const row of rowsBelow(grid, header.lastIndex, lastHeaderRow, opts.maxDataRows)) {
    const result = readRow(grid, row, roles);
    if (result === null) continue;
    if (typeof result === "string") rejected.push({ rowNumber: row.rowNumber, reason: result });
    else rows.push(result);
  }
  return { headerRows: header.rowNumbers, ...periodFromTitle(grid.rows.slice(0, header.firstIndex)), rows, rejected };
}

/** Totals that may be left out, or be formulas nobody computed: their parts define them. */
const PARTS = { received: ["previous", "inPeriod"], processed: ["early", "onTime", "late"] } as const;

/** A unit's row; null for rows that are not units (numbering, sections, totals, blank figures). */
function readRow(grid: Grid, row: GridRow, roles: ReadonlyMap<OneStopRole, number>): OneStopRow | string | null {
  const unitName = cellText(cellAt(row, roles.get("unit")));
  const stt = foldText(cellText(cellAt(row, roles.get("stt"))));
  if (!unitName || /^\(?\d{1,2}\)?$|^[a-z]$/.test(foldText(unitName))) return null; // column-numbering row
  if (isTotalLabel(unitName) || isTotalLabel(stt) || /^[ivx]+$/.test(stt) || /^[IVX]+[.)]\s/.test(unitName))
    return null;
  const figureRoles = [...roles.keys()].filter((r) => r !== "unit" && r !== "stt");
  const isUncached = (r: OneStopRole): boolean => grid.uncachedFormulas.has(cellKey(row.rowNumber, roles.get(r) ?? -1));
  if (figureRoles.every((r) => !isUncached(r) && isDash(cellAt(row, roles.get(r))))) return null; // a heading row
  const problems: string[] = [];
  const v = new Map<OneStopRole, number>();
  for (const role of figureRoles) {
    const cell = cellAt(row, roles.get(role));
    if (isUncached(role)) {
      if (role !== "received" && role !== "processed") problems.push(reason.uncachedFormula(LABELS[role]));
    } else if (isDash(cell)) {
      v.set(role, 0); // offices leave zeros blank or write "-"
    } else {
      const parsed = parseCount(cell);
      if (parsed.ok) v.set(role, parsed.value ?? 0);
      else problems.push(reason.badCount(LABELS[role], cellText(cell)));
    }
  }
  const total = (role: keyof typeof PARTS): number => {
    const given = v.get(role);
    if (given !== undefined) return given;
    const parts = PARTS[role];
    if (parts.every((p) => v.has(p))) return parts.reduce((sum, p) => sum + (v.get(p) ?? 0), 0);
    problems.push(reason.uncachedFormula(LABELS[role]));
    return 0;
  };
  const n = (r: OneStopRole): number => v.get(r) ?? 0;
  const received = total("received");
  const processed = total("processed");
  const onTimeTotal = n("early") + n("onTime");
  if (problems.length > 0) return problems.join("; ");
  if (n("online") > received)
    problems.push(reason.numeratorExceeds(n("online"), received, LABELS.online, LABELS.received));
  if (onTimeTotal > processed) {
    problems.push(reason.numeratorExceeds(onTimeTotal, processed, "Trước hạn + Đúng hạn", LABELS.processed));
  }
  if (problems.length > 0) return problems.join("; ");
  return {
    rowNumber: row.rowNumber,
    unitName,
    counts: {
      received,
      online: n("online"),
      processed,
      early: n("early"),
      onTime: n("onTime"),
      late: v.get("late") ?? null,
      pendingOnTime: v.get("pendingOnTime") ?? null,
      pendingLate: v.get("pendingLate") ?? null,
    },
    figures: [
      { indicatorCode: ONE_STOP_INDICATORS.online, numerator: n("online"), denominator: received },
      { indicatorCode: ONE_STOP_INDICATORS.onTime, numerator: onTimeTotal, denominator: processed },
    ],
  };
}

const isDash = (cell: Cell): boolean => isBlank(cell) || (typeof cell === "string" && /^[-–—.]$/.test(cell.trim()));

const RANGE = /tu ngay (\d{1,2}) (\d{1,2}) (\d{4}).*?den ngay (\d{1,2}) (\d{1,2}) (\d{4})/;
const MONTH = /\bthang (\d{1,2}) (?:nam )?(\d{4})\b/;

/** "Từ ngày 01/10/2026 đến ngày 31/10/2026" → 2026-10; a range over several months → period null. */
export function periodFromTitle(rows: readonly GridRow[]): Pick<OneStopResult, "period" | "periodRange"> {
  for (const row of rows) {
    const f = foldText(row.cells.map((c) => cellText(c)).join(" "));
    const r = RANGE.exec(f);
    if (r) {
      const from = parseDateTime(`${r[1]}/${r[2]}/${r[3]}`);
      const to = parseDateTime(`${r[4]}/${r[5]}/${r[6]}`);
      if (from.ok && to.ok && from.value && to.value) {
        const sameMonth = from.value.slice(0, 7) === to.value.slice(0, 7);
        return { period: sameMonth ? from.value.slice(0, 7) : null, periodRange: { from: from.value, to: to.value } };
      }
    }
    const m = MONTH.exec(f);
    const month = Number(m?.[1]);
    if (m && month >= 1 && month <= 12)
      return { period: `${m[2]}-${String(month).padStart(2, "0")}`, periodRange: null };
  }
  return { period: null, periodRange: null };
}
