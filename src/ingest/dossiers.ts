/**
 * Dossier lists exported from one-stop systems ("STT | Đơn vị tiếp nhận | Tên thủ tục hành chính |
 * Mã hồ sơ | Trạng thái | Địa chỉ | Người nộp | Chủ hồ sơ | Ngày nộp hồ sơ | Ngày nhận | Ngày hẹn trả |
 * Ngày kết thúc xử lý"). Personal data is minimised (Nghị định 13/2023/NĐ-CP): only the columns
 * a feature needs are read; the address column is never read at all.
 */
import { salutationFromExport, type Salutation } from "../domain/salutation.js";
import { cellText, isBlank, parseDateTime, type LocalDateTime } from "./cells.js";
import type { RejectedRow } from "./errors.js";
import { cellAt, type Grid, type GridRow } from "./grid.js";
import { findHeader } from "./header.js";
import { DOSSIER_COLUMNS, type DossierKey } from "./dossierColumns.js";
import { reason } from "./messages.js";
import { blankReason, duplicateGroups, rowsBelow } from "./rows.js";
import { DOSSIER_STATUS_LABELS, parseDossierStatus, type DossierStatus } from "./dossierStatus.js";

export interface DossierRow {
  rowNumber: number;
  code: string;
  receivingUnit: string | null;
  procedure: string | null;
  status: DossierStatus;
  /** "Chủ hồ sơ", else "Người nộp". */
  applicant: string | null;
  /** "Ông"/"Bà" when a column says it ("Danh xưng", "Giới tính": Nam/Nữ); null otherwise. */
  applicantTitle: Salutation | null;
  /** Only when a column names the handling officer ("Cán bộ xử lý"). */
  officer: string | null;
  submittedAt: LocalDateTime | null;
  /** "Ngày nhận", else "Ngày nộp hồ sơ". */
  receivedAt: LocalDateTime;
  dueAt: LocalDateTime | null;
  finishedAt: LocalDateTime | null;
}

export interface DossiersResult {
  headerRow: number;
  rows: DossierRow[];
  rejected: RejectedRow[];
}

export interface DossiersOptions {
  maxDataRows?: number;
}

const labelOf = (key: DossierKey): string => DOSSIER_COLUMNS.find((c) => c.key === key)?.label ?? key;

/** Column index per key, resolved once per file (rows are read without per-row closures: 20,000 rows). */
type Cols = Readonly<Partial<Record<DossierKey, number>>>;

export function parseDossiers(grid: Grid, opts: DossiersOptions = {}): DossiersResult {
  const header = findHeader(grid, DOSSIER_COLUMNS, ["code", "status", ["received", "submitted"], "due"]);
  const cols: Cols = Object.fromEntries(header.columns);
  const read = [...header.columns].filter(([k]) => k !== "stt").map(([, c]) => c);
  const statusOf = memo(parseDossierStatus);
  const rows: DossierRow[] = [];
  const rejected: RejectedRow[] = [];
  const codes: { key: string; rowNumber: number }[] = [];
  for (const row of rowsBelow(grid, header.rowIndex, header.rowNumber, opts.maxDataRows)) {
    // Only the columns we read decide whether a row is empty (an address alone is not a dossier).
    if (read.every((c) => isBlank(cellAt(row, c)))) continue;
    const code = normaliseCode(cellText(cellAt(row, cols.code)));
    if (code) codes.push({ key: code.toUpperCase(), rowNumber: row.rowNumber });
    const result = readRow(grid, row, cols, code, statusOf);
    if (typeof result === "string") rejected.push({ rowNumber: row.rowNumber, reason: result });
    else rows.push(result);
  }
  return { headerRow: header.rowNumber, ...dropDuplicateCodes(codes, rows, rejected) };
}

/** Statuses repeat on every row; folding each one again is the hot path of a 20,000-row file. */
function memo<T>(fn: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let v = cache.get(text);
    if (v === undefined && !cache.has(text)) cache.set(text, (v = fn(text)));
    return v as T;
  };
}

/** Codes are printed with stray spaces or line breaks by some exports: "H15.50.05.13- 261008-0975". */
function normaliseCode(text: string): string {
  return text.replace(/\s+/g, "");
}

function textAt(row: GridRow, col: number | undefined): string | null {
  const t = cellText(cellAt(row, col));
  return t === "" ? null : t;
}

function dateAt(row: GridRow, cols: Cols, key: DossierKey, problems: string[]): LocalDateTime | null {
  const parsed = parseDateTime(cellAt(row, cols[key]));
  if (parsed.ok) return parsed.value;
  problems.push(reason.badDate(labelOf(key), textAt(row, cols[key]) ?? ""));
  return null;
}

function readRow(
  grid: Grid,
  row: GridRow,
  cols: Cols,
  code: string,
  statusOf: (text: string) => DossierStatus | null,
): DossierRow | string {
  const problems: string[] = [];
  if (!code) problems.push(blankReason(grid, row.rowNumber, cols.code, labelOf("code")));
  const statusText = textAt(row, cols.status);
  const status = statusText ? statusOf(statusText) : null;
  if (!statusText) problems.push(reason.missing(labelOf("status")));
  else if (!status) problems.push(reason.badStatus(statusText, DOSSIER_STATUS_LABELS));

  const submittedAt = dateAt(row, cols, "submitted", problems);
  const receivedAt = dateAt(row, cols, "received", problems) ?? submittedAt;
  const dueAt = dateAt(row, cols, "due", problems);
  const finishedAt = dateAt(row, cols, "finished", problems);
  if (!receivedAt && isBlank(cellAt(row, cols.received)) && isBlank(cellAt(row, cols.submitted))) {
    problems.push(reason.missing(labelOf(cols.received !== undefined ? "received" : "submitted")));
  }
  // Compared by day: a due date written without a time is not "before" a same-day 08:15.
  if (receivedAt && dueAt && dueAt.slice(0, 10) < receivedAt.slice(0, 10)) {
    problems.push(reason.dateBefore(labelOf("due"), labelOf("received")));
  }
  if (receivedAt && finishedAt && finishedAt.slice(0, 10) < receivedAt.slice(0, 10)) {
    problems.push(reason.dateBefore(labelOf("finished"), labelOf("received")));
  }
  if (problems.length > 0 || !status || !receivedAt) return problems.join("; ");
  return {
    rowNumber: row.rowNumber,
    code,
    receivingUnit: textAt(row, cols.unit),
    procedure: textAt(row, cols.procedure),
    status,
    applicant: textAt(row, cols.owner) ?? textAt(row, cols.submitter),
    applicantTitle: salutationFromExport(textAt(row, cols.title) ?? ""),
    officer: textAt(row, cols.officer),
    submittedAt,
    receivedAt,
    dueAt,
    finishedAt,
  };
}

/**
 * The same code twice in one file: we cannot tell which row is right, so every row carrying it
 * is refused, valid or not, each naming the others.
 */
function dropDuplicateCodes(
  codes: readonly { key: string; rowNumber: number }[],
  rows: DossierRow[],
  rejected: RejectedRow[],
): { rows: DossierRow[]; rejected: RejectedRow[] } {
  const groups = duplicateGroups(codes);
  if (groups.size === 0) return { rows, rejected };
  const dup = new Map<number, string>();
  for (const [code, list] of groups) {
    const why = reason.duplicateCode(code, list); // one string per group, shared by its rows
    for (const n of list) dup.set(n, why);
  }
  const merged = rejected.map((r) => {
    const why = dup.get(r.rowNumber);
    return why ? { rowNumber: r.rowNumber, reason: `${r.reason}; ${why}` } : r;
  });
  const moved = rows.flatMap((r) => {
    const why = dup.get(r.rowNumber);
    return why ? [{ rowNumber: r.rowNumber, reason: why }] : [];
  });
  return {
    rows: rows.filter((r) => !dup.has(r.rowNumber)),
    rejected: [...merged, ...moved].sort((a, b) => a.rowNumber - b.rowNumber),
  };
}
