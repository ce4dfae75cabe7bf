/**
 * Dossier lists exported from one-stop systems ("STT | Đơn vị tiếp nhận | Tên thủ tục hành chính |
 * Mã hồ sơ | Trạng thái | Địa chỉ | Người nộp | Chủ hồ sơ | Ngày nộp hồ sơ | Ngày nhận | Ngày hẹn trả |
 * Ngày kết thúc xử lý"). Personal data is minimised (Nghị định 13/2023/NĐ-CP): only the columns
 * a feature needs are read; the address column is never read at all.
 */
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

export function parseDossiers(grid: Grid, opts: DossiersOptions = {}): DossiersResult {
  const header = findHeader(grid, DOSSIER_COLUMNS, ["code", "status", ["received", "submitted"], "due"]);
  const col = (k: DossierKey): number | undefined => header.columns.get(k);
  const rows: DossierRow[] = [];
  const rejected: RejectedRow[] = [];
  const codes: { key: string; rowNumber: number }[] = [];
  for (const row of rowsBelow(grid, header.rowIndex, header.rowNumber, opts.maxDataRows)) {
    // Only the columns we read decide whether a row is empty (an address alone is not a dossier).
    if ([...header.columns.keys()].every((k) => k === "stt" || isBlank(cellAt(row, col(k))))) continue;
    const code = normaliseCode(cellText(cellAt(row, col("code"))));
    if (code) codes.push({ key: code.toUpperCase(), rowNumber: row.rowNumber });
    const result = readRow(grid, row, col, code);
    if (typeof result === "string") rejected.push({ rowNumber: row.rowNumber, reason: result });
    else rows.push(result);
  }
  return { headerRow: header.rowNumber, ...dropDuplicateCodes(codes, rows, rejected) };
}

/** Codes are printed with stray spaces or line breaks by some exports: "H15.50.05.13- 261008-0975". */
function normaliseCode(text: string): string {
  return text.replace(/\s+/g, "");
}

function readRow(grid: Grid, row: GridRow, col: (k: DossierKey) => number | undefined, code: string): DossierRow | string {
  const problems: string[] = [];
  const text = (k: DossierKey): string | null => cellText(cellAt(row, col(k))) || null;
  const date = (k: DossierKey): LocalDateTime | null => {
    const parsed = parseDateTime(cellAt(row, col(k)));
    if (!parsed.ok) problems.push(reason.badDate(labelOf(k), text(k) ?? ""));
    return parsed.ok ? parsed.value : null;
  };

  if (!code) problems.push(blankReason(grid, row.rowNumber, col("code"), labelOf("code")));
  const statusText = text("status");
  const status = statusText ? parseDossierStatus(statusText) : null;
  if (!statusText) problems.push(reason.missing(labelOf("status")));
  else if (!status) problems.push(reason.badStatus(statusText, DOSSIER_STATUS_LABELS));

  const submittedAt = date("submitted");
  const receivedAt = date("received") ?? submittedAt;
  const dueAt = date("due");
  const finishedAt = date("finished");
  if (!receivedAt && isBlank(cellAt(row, col("received"))) && isBlank(cellAt(row, col("submitted")))) {
    problems.push(reason.missing(labelOf(col("received") !== undefined ? "received" : "submitted")));
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
    receivingUnit: text("unit"),
    procedure: text("procedure"),
    status,
    applicant: text("owner") ?? text("submitter"),
    officer: text("officer"),
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
