/**
 * Recognises the merged header of one-stop statistics exports by its shape: a group row
 * ("Đơn vị | Tiếp nhận | Đã xử lý | Đang xử lý …") over one or two rows of sub-headings
 * ("Tổng số, Kỳ trước, Trong kỳ, Qua mạng, Qua BCCI | Trước hạn, Đúng hạn, Quá hạn …").
 * Each column gets a path of labels top-down; its role is decided from the whole path.
 */
import type { Grid, GridRow } from "./grid.js";
import { foldText } from "./text.js";

export type OneStopRole =
  | "stt"
  | "unit"
  | "received"
  | "previous"
  | "inPeriod"
  | "online"
  | "postal"
  | "processed"
  | "early"
  | "onTime"
  | "late"
  | "pending"
  | "pendingOnTime"
  | "pendingLate";

export interface OneStopHeader {
  /** Index into grid.rows of the group row and of the last header row. */
  firstIndex: number;
  lastIndex: number;
  rowNumbers: number[];
  roles: ReadonlyMap<OneStopRole, number>;
}

const SCAN_ROWS = 30;
const has = (f: string, phrase: string): boolean => ` ${f} `.includes(` ${phrase} `);

type Group = "stt" | "unit" | "received" | "processed" | "pending" | null;

function groupOf(f: string): Group {
  if (f === "stt" || f === "tt" || f === "so thu tu") return "stt";
  if (/^(ten )?(don vi|co quan)( don vi)?( tiep nhan)?$/.test(f)) return "unit";
  if (has(f, "dang xu ly") || has(f, "dang giai quyet") || has(f, "chua xu ly")) return "pending";
  if (has(f, "da xu ly") || has(f, "da giai quyet") || has(f, "ket qua xu ly") || has(f, "ket qua giai quyet"))
    return "processed";
  if (has(f, "tiep nhan") || has(f, "nhan giai quyet")) return "received";
  return null;
}

const LEAF_WORDS = [
  "tong so",
  "tong",
  "qua mang",
  "truc tuyen",
  "bcci",
  "buu chinh",
  "ky truoc",
  "trong ky",
  "truoc han",
  "dung han",
  "qua han",
  "trong han",
  "tre han",
  "moi tiep nhan",
  "truc tiep",
];
/** Sub-headings, and no figures: a unit named "Bưu điện …" in the first data row is not a header. */
const isSubHeaderRow = (row: GridRow | undefined): boolean =>
  !!row &&
  !row.cells.some((c) => typeof c === "number" || (typeof c === "string" && /^\d[\d.,]*$/.test(c.trim()))) &&
  row.cells.some((c) => typeof c === "string" && LEAF_WORDS.some((w) => has(foldText(c), w)));

function roleOf(group: Group, path: readonly string[]): OneStopRole | null {
  if (group === "stt" || group === "unit") return group;
  const leaf = path[path.length - 1] ?? "";
  const any = (...phrases: string[]): boolean => path.slice(1).some((p) => phrases.some((w) => has(p, w)));
  const isTotal = path.length === 1 || /^(tong so|tong|cong)( ho so)?$/.test(leaf);
  if (group === "received") {
    if (any("qua mang", "truc tuyen")) return "online";
    if (any("bcci", "buu chinh")) return "postal";
    if (any("truc tiep")) return null;
    if (any("ky truoc", "ton")) return "previous";
    if (any("trong ky", "moi tiep nhan")) return "inPeriod";
    return isTotal ? "received" : null;
  }
  if (group === "processed") {
    if (any("truoc han", "som han")) return "early";
    if (any("dung han", "trong han")) return "onTime";
    if (any("qua han", "tre han")) return "late";
    return isTotal ? "processed" : null;
  }
  if (group === "pending") {
    if (any("qua han", "tre han")) return "pendingLate";
    if (any("trong han", "chua den han", "con han")) return "pendingOnTime";
    return isTotal ? "pending" : null;
  }
  return null;
}

export function findOneStopHeader(grid: Grid): OneStopHeader | null {
  const limit = Math.min(grid.rows.length, SCAN_ROWS);
  for (let i = 0; i < limit; i++) {
    const row = grid.rows[i];
    if (!row) continue;
    const groups = row.cells.map((c) => (typeof c === "string" ? groupOf(foldText(c)) : null));
    if (!groups.includes("unit") || !groups.includes("received") || !groups.includes("processed")) continue;
    let last = i;
    while (last - i < 2 && isSubHeaderRow(grid.rows[last + 1])) last++;
    if (last === i) continue; // a single header row is not this report's shape
    const band = grid.rows.slice(i, last + 1);
    const roles = assignRoles(grid, band);
    return { firstIndex: i, lastIndex: last, rowNumbers: band.map((r) => r.rowNumber), roles };
  }
  return null;
}

function assignRoles(grid: Grid, band: readonly GridRow[]): Map<OneStopRole, number> {
  const labels = expandBand(grid, band);
  const width = Math.max(...labels.map((l) => l.length));
  const roles = new Map<OneStopRole, number>();
  for (let c = 0; c < width; c++) {
    const path: string[] = [];
    for (const row of labels) {
      const f = row[c] ?? "";
      if (f !== "" && path[path.length - 1] !== f) path.push(f);
    }
    const role = roleOf(groupOf(path[0] ?? ""), path);
    if (role && !roles.has(role)) roles.set(role, c);
  }
  return roles;
}

/**
 * Folded header texts with merges expanded. Without merge records (CSV, or exports that just
 * leave the cells blank) a group label is carried right over the blanks that follow it.
 */
function expandBand(grid: Grid, band: readonly GridRow[]): string[][] {
  const labels = band.map((r) => r.cells.map((c) => (typeof c === "string" ? foldText(c) : "")));
  const first = band[0]?.rowNumber ?? 0;
  const last = band[band.length - 1]?.rowNumber ?? 0;
  const merges = grid.merges.filter((m) => m.bottom >= first && m.top <= last);
  for (const m of merges) {
    const source = labels[band.findIndex((r) => r.rowNumber === m.top)]?.[m.left - 1] ?? "";
    band.forEach((r, bi) => {
      if (r.rowNumber < m.top || r.rowNumber > m.bottom) return;
      const row = labels[bi];
      for (let c = m.left - 1; c < m.right && row; c++) row[c] = source;
    });
  }
  if (merges.length === 0) {
    const width = Math.max(...labels.map((l) => l.length));
    labels.slice(0, -1).forEach((row, bi) => {
      const below = labels[bi + 1] ?? [];
      for (let c = 1; c < width; c++) {
        if (!row[c] && below[c]) row[c] = row[c - 1] ?? "";
      }
    });
  }
  return labels;
}
