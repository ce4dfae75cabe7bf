/**
 * The one reporting grammar (docs/UPLOADS.md "Cú pháp /nop"): the total first, then the part —
 * online files for the default indicator, the numerator of any other — in every form:
 *   /nop                                → the guided flow (buttons)
 *   /nop ?                              → the list of forms and codes
 *   /nop 120 95                         → default indicator: total 120, 95 online
 *   /nop <mã chỉ tiêu> 120 95           → that indicator: total (denominator) 120, part 95
 *   /nop [mã] tổng 120 trực tuyến 95    → labelled values, in any order (tong=120 tt=95 too)
 *   /nop <mã chỉ tiêu> 5                → a count indicator ("05 bộ dữ liệu mở"): one figure
 *   … tháng 10/2026                     → an earlier month (period.ts lists the forms)
 * A part larger than the total is refused with the swapped request, which the bot offers as a
 * button: the usual mistake is the order, not the figures.
 */
import { formatViMonth } from "../../domain/directive/dates.js";
import { previousMonth } from "../../domain/month.js";
import { normalizeForSearch } from "../../domain/text.js";
import { clip, countSchema } from "./numbers.js";
import { parsePeriodWords } from "./period.js";

export type ReportRequest = {
  kind: "report";
  indicatorCode: string | null;
  total: number;
  part: number;
  period: string | null;
};
export type CountRequest = { kind: "count"; indicatorCode: string; count: number; period: string | null };
export type NopRequest = { kind: "guide" } | { kind: "help" } | ReportRequest | CountRequest;

export type NopParse =
  | { ok: true; value: NopRequest }
  /** `swap`: the same request with the two figures exchanged, when that makes it valid. */
  | { ok: false; error: string; swap?: ReportRequest };

type Result<T> = { ok: true; value: T } | { ok: false; error: string };

const HELP_WORDS = new Set(["?", "help", "huongdan", "hd", "cuphap"]);

/**
 * Label words, folded, spaces optional, longer ones first: the total's (tổng, tổng số, mẫu số,
 * ms) and the part's (trực tuyến, online, tử số, ts, tt, đạt).
 */
const TOTAL_LABELS = ["tongso", "mauso", "tong", "mau", "ms"];
const LABEL = /^(tong ?so|mau ?so|truc ?tuyen|tu ?so|online|tong|mau|dat|ms|ts|tt|tu)(?=[\s=:\d]|$)\s*[=:]?\s*/;

function count(raw: string): Result<number> {
  const r = countSchema.safeParse(raw.replace(/[,;]$/, ""));
  return r.success
    ? { ok: true, value: r.data }
    : { ok: false, error: r.error.issues[0]?.message ?? "số không hợp lệ" };
}

function period(words: readonly string[], current: string): Result<string | null> {
  if (words.length === 0) return { ok: true, value: null };
  const p = parsePeriodWords(words, current);
  return p
    ? { ok: true, value: p }
    : {
        ok: false,
        // The example is last month, so it fits the day it is read on.
        error: `Không hiểu kỳ báo cáo "${clip(words.join(" "))}" — viết như "tháng ${formatViMonth(previousMonth(current))}".`,
      };
}

const isLabelled = (words: readonly string[]) => LABEL.test(normalizeForSearch(words.join(" ")));

/** `tổng 120 trực tuyến 95 [tháng …]`, either order; both values needed. */
function labelled(
  words: readonly string[],
  current: string,
): Result<{ total: number; part: number; period: string | null }> {
  let rest = normalizeForSearch(words.join(" "));
  const found: { total?: number; part?: number } = {};
  for (;;) {
    const m = LABEL.exec(rest);
    if (!m) break;
    const label = (m[1] ?? "").replace(/ /g, "");
    const after = rest.slice(m[0].length);
    const numberText = /^\S+/.exec(after)?.[0] ?? "";
    const n = count(numberText);
    if (!n.ok) return n;
    found[TOTAL_LABELS.includes(label) ? "total" : "part"] = n.value;
    rest = after.slice(numberText.length).trim();
  }
  if (found.total === undefined || found.part === undefined)
    return { ok: false, error: "Thiếu số liệu: cần cả tổng và số trực tuyến (ví dụ: tổng 120 trực tuyến 95)." };
  const p = period(rest ? rest.split(" ") : [], current);
  if (!p.ok) return p;
  return { ok: true, value: { total: found.total, part: found.part, period: p.value } };
}

/** Is the first word an indicator code (letters, not a period, not the start of a label)? */
function isCode(words: readonly string[]): boolean {
  const word = words[0] ?? "";
  if (!/[a-zA-Z]/.test(word)) return false;
  if (/^(th[aá]ng|t\d{1,2}[/-]\d{2,4})$/i.test(word)) return false;
  return !isLabelled(words);
}

/** `current`: the month being reported (YYYY-MM), which a month written without its year is read against. */
export function parseNop(args: string, current: string): NopParse {
  const words = args.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { ok: true, value: { kind: "guide" } };
  const first = words[0] ?? "";
  if (words.length === 1 && HELP_WORDS.has(normalizeForSearch(first).replace(/\s/g, "")))
    return { ok: true, value: { kind: "help" } };
  const indicatorCode = isCode(words) ? first : null;
  const rest = indicatorCode ? words.slice(1) : words;

  let figures: Result<{ total: number; part: number; period: string | null }>;
  if (isLabelled(rest)) figures = labelled(rest, current);
  else if (indicatorCode && rest.length >= 1 && (rest.length === 1 || !/^\d/.test(rest[1] ?? ""))) {
    const c = count(rest[0] ?? "");
    if (!c.ok) return c;
    const p = period(rest.slice(1), current);
    if (!p.ok) return p;
    return { ok: true, value: { kind: "count", indicatorCode, count: c.value, period: p.value } };
  } else if (rest.length < 2) {
    return {
      ok: false,
      error: indicatorCode ? "Thiếu số liệu: cần tổng rồi số đạt sau mã chỉ tiêu." : "Thiếu số liệu: cần hai số.",
    };
  } else {
    const total = count(rest[0] ?? "");
    if (!total.ok) return total;
    const part = count(rest[1] ?? "");
    if (!part.ok) return part;
    const p = period(rest.slice(2), current);
    if (!p.ok) return p;
    figures = { ok: true, value: { total: total.value, part: part.value, period: p.value } };
  }
  if (!figures.ok) return figures;
  const value: ReportRequest = { kind: "report", indicatorCode, ...figures.value };
  if (value.part > value.total) {
    return {
      ok: false,
      error: `Số sau (${value.part}) lớn hơn tổng (${value.total}): gửi tổng trước, số trực tuyến (số đạt) sau.`,
      swap: { ...value, total: value.part, part: value.total },
    };
  }
  return { ok: true, value };
}

export type TypedFigures =
  | { ok: true; count: number; swapped: false }
  | { ok: true; count?: undefined; total: number; part: number; swapped: boolean }
  | { ok: false; error: string };

/**
 * The figures typed in answer to the guided flow: one count, or two numbers total first (commas,
 * labels and thousands dots as in `/nop`; the month was chosen with a button). Two numbers in the
 * wrong order come back swapped, for the confirmation to say so.
 */
export function parseTypedFigures(text: string, isCount: boolean, current: string): TypedFigures {
  const words = text.replace(/(\d),(?=\s|$)/g, "$1").trim();
  if (isCount) {
    const c = count(words);
    return c.ok ? { ok: true, count: c.value, swapped: false } : c;
  }
  const missing = { ok: false as const, error: "Thiếu số liệu: cần hai số, tổng trước." };
  if (!words) return missing;
  const r = parseNop(`x ${words}`, current);
  if (!r.ok) return r.swap ? { ok: true, total: r.swap.total, part: r.swap.part, swapped: true } : r;
  if (r.value.kind !== "report") return missing;
  if (r.value.period !== null)
    return { ok: false, error: "Chỉ gửi hai số (tổng, trực tuyến); tháng đã chọn bằng nút." };
  return { ok: true, total: r.value.total, part: r.value.part, swapped: false };
}
