/**
 * Typed readings of one grid cell: text, non-negative counts, dates and reporting periods.
 * Each reader accepts what an office actually types (`1.234`, `tháng 10/2026`, `08/10/2026 08:15`)
 * plus real number/date cells and Excel serial numbers.
 */
import { daysInMonth, formatViDate, pad2, type IsoMonth } from "../domain/directive/dates.js";
import { stripXmlForbidden } from "../domain/text.js";
import type { Cell } from "./grid.js";
import { foldText } from "./text.js";

export type { IsoMonth };

export type Parsed<T> = { ok: true; value: T } | { ok: false };

/** `YYYY-MM-DD`, or `YYYY-MM-DDTHH:mm` when the source had a time of day (Vietnam wall clock). */
export type LocalDateTime = string;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const FAIL: Parsed<never> = { ok: false };

/** Government dossiers and reports: anything outside these years is a typo or a mis-read serial. */
const MIN_YEAR = 1970;
const MAX_YEAR = 2100;

export function isBlank(cell: Cell): boolean {
  return cell === null || (typeof cell === "string" && cell.trim() === "");
}

/**
 * The cell as the user would read it; dates as `dd/mm/yyyy[ hh:mm]`. Characters XML 1.0 forbids
 * (U+FFFE from a mis-encoded export…) are dropped here, where text enters, so what is stored
 * can go into a letter (src/render/docx.ts) as it is.
 */
export function cellText(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "string") {
    const text = stripXmlForbidden(cell);
    return /\s\s|[\t\n\r\u00a0]/.test(text) ? text.replace(/\s+/g, " ").trim() : text.trim();
  }
  if (typeof cell === "number") return String(cell);
  const t = fromDate(cell);
  if (!t) return "";
  const [date, time] = t.split("T");
  return `${formatViDate(date ?? "")}${time ? ` ${time}` : ""}`;
}

/**
 * A non-negative whole number. Text may group thousands with `.` (Vietnamese), `,` or spaces:
 * counts are never fractional, so `1,234` cannot mean 1.234 (decimal). Empty → `value: null`.
 */
export function parseCount(cell: Cell): Parsed<number | null> {
  if (isBlank(cell)) return ok(null);
  if (typeof cell === "number") {
    const n = Math.round(cell);
    return Math.abs(n - cell) < 1e-9 && n >= 0 && Number.isSafeInteger(n) ? ok(n) : FAIL;
  }
  if (typeof cell !== "string") return FAIL;
  const t = cell.replace(/[\s\u00a0]/g, "");
  if (!/^(\d+|\d{1,3}(\.\d{3})+|\d{1,3}(,\d{3})+)$/.test(t)) return FAIL;
  const n = Number(t.replace(/[.,]/g, ""));
  return Number.isSafeInteger(n) ? ok(n) : FAIL;
}

/** Excel serial (1900 system, with its fictional 29/02/1900) → wall-clock Date in UTC fields. */
export function excelSerialToDate(serial: number): Date | null {
  if (!Number.isFinite(serial) || serial < 1 || serial === 60 || serial >= 2_958_466) return null;
  const days = serial < 60 ? serial + 1 : serial; // serials before the fake leap day are one off
  const minutes = Math.round(days * 1440);
  return new Date(Date.UTC(1899, 11, 30) + minutes * 60_000);
}

function fromDate(d: Date): LocalDateTime | null {
  if (Number.isNaN(d.getTime())) return null;
  const rounded = new Date(Math.round(d.getTime() / 60_000) * 60_000); // 08:14:59.999 → 08:15
  return fromParts(
    rounded.getUTCFullYear(),
    rounded.getUTCMonth() + 1,
    rounded.getUTCDate(),
    rounded.getUTCHours(),
    rounded.getUTCMinutes(),
  );
}

function fromParts(y: number, mo: number, d: number, h = 0, mi = 0): LocalDateTime | null {
  if (y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59) return null;
  if (d > daysInMonth(y, mo)) return null;
  const date = `${y}-${pad2(mo)}-${pad2(d)}`;
  return h === 0 && mi === 0 ? date : `${date}T${pad2(h)}:${pad2(mi)}`;
}

const DMY = String.raw`(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})`;
const HM = String.raw`(\d{1,2})[:hg](\d{2})(?::\d{2}(?:\.\d+)?)?`;
const DATE_THEN_TIME = new RegExp(String.raw`^${DMY}(?:[\sT,]+${HM})?$`, "i");
const TIME_THEN_DATE = new RegExp(String.raw`^${HM}[\s,-]+(?:ng[aà]y\s+)?${DMY}$`, "i");
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$/;

/** `dd/mm/yyyy`, `dd/mm/yyyy hh:mm[:ss]`, `hh:mm dd/mm/yyyy`, ISO, Date cells, serials. */
export function parseDateTime(cell: Cell): Parsed<LocalDateTime | null> {
  if (isBlank(cell)) return ok(null);
  if (cell instanceof Date) return orFail(fromDate(cell));
  if (typeof cell === "number") {
    const d = excelSerialToDate(cell);
    return d ? orFail(fromDate(d)) : FAIL;
  }
  const t = String(cell).trim();
  let m = DATE_THEN_TIME.exec(t);
  if (m) return orFail(fromParts(+(m[3] ?? 0), +(m[2] ?? 0), +(m[1] ?? 0), +(m[4] ?? 0), +(m[5] ?? 0)));
  m = TIME_THEN_DATE.exec(t);
  if (m) return orFail(fromParts(+(m[5] ?? 0), +(m[4] ?? 0), +(m[3] ?? 0), +(m[1] ?? 0), +(m[2] ?? 0)));
  m = ISO.exec(t);
  if (m) return orFail(fromParts(+(m[1] ?? 0), +(m[2] ?? 0), +(m[3] ?? 0), +(m[4] ?? 0), +(m[5] ?? 0)));
  return FAIL;
}

function orFail<T>(v: T | null): Parsed<T> {
  return v === null ? FAIL : ok(v);
}

/**
 * A reporting month: `10/2026`, `tháng 10/2026`, `T10/2026`, `tháng 10 năm 2026`, `2026-10`,
 * a date (`01/10/2026`, a Date cell — Excel turns a typed "10/2026" into 01/10/2026 — or a serial).
 */
export function parsePeriod(cell: Cell): Parsed<IsoMonth | null> {
  if (isBlank(cell)) return ok(null);
  if (typeof cell === "string") {
    const f = foldText(cell).replace(/^(?:ky bao cao|ky|thang bao cao|thang|t)\s*/, "");
    const my = /^(\d{1,2}) (?:nam )?(\d{4})$/.exec(f);
    if (my) return month(+(my[2] ?? 0), +(my[1] ?? 0));
    const ym = /^(\d{4}) (\d{1,2})$/.exec(f);
    if (ym) return month(+(ym[1] ?? 0), +(ym[2] ?? 0));
  }
  const d = parseDateTime(cell);
  return d.ok && d.value ? ok(d.value.slice(0, 7)) : FAIL;
}

function month(y: number, mo: number): Parsed<IsoMonth> {
  return y >= MIN_YEAR && y <= MAX_YEAR && mo >= 1 && mo <= 12 ? ok(`${y}-${pad2(mo)}`) : FAIL;
}
