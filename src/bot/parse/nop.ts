/**
 * `/nop` arguments (docs/UPLOADS.md):
 *   /nop 120 95                    → total 120, online 95, default indicator, current month
 *   /nop <mã chỉ tiêu> <tử số> <mẫu số> [tháng mm/yyyy]
 *   /nop 120 95 thang 10/2026      → an earlier month
 *   /nop <mã chỉ tiêu> <số> [tháng mm/yyyy] → a count indicator ("05 bộ dữ liệu mở"): one figure
 * Note the order: the short form is "total then online" (how officers say it), the coded form
 * is "numerator then denominator" (how the directive writes the formula).
 */
import { countSchema, parsePeriodWords, clip } from "./numbers.js";

export type NopRequest =
  | { kind: "help" }
  | { kind: "report"; indicatorCode: string | null; numerator: number; denominator: number; period: string | null }
  /** One number after a code: a count, if the indicator is one (the feature decides). */
  | { kind: "count"; indicatorCode: string; count: number; period: string | null };

export type NopParse = { ok: true; value: NopRequest } | { ok: false; error: string };

function count(raw: string): { ok: true; n: number } | { ok: false; error: string } {
  const r = countSchema.safeParse(raw);
  return r.success ? { ok: true, n: r.data } : { ok: false, error: r.error.issues[0]?.message ?? "số không hợp lệ" };
}

export function parseNop(args: string): NopParse {
  const words = args.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { ok: true, value: { kind: "help" } };
  const first = words[0] ?? "";
  const coded = /[a-zA-Z]/.test(first) && !/^(th[aá]ng|t\d{1,2}[/-]\d{4})$/i.test(first);
  const indicatorCode = coded ? first : null;
  const rest = coded ? words.slice(1) : words;
  if (coded && rest.length >= 1 && (rest.length === 1 || !/^\d/.test(rest[1] ?? ""))) {
    const c = count(rest[0] ?? "");
    if (!c.ok) return c;
    const periodWords = rest.slice(1);
    const period = periodWords.length > 0 ? parsePeriodWords(periodWords) : null;
    if (periodWords.length > 0 && !period)
      return { ok: false, error: `Không hiểu kỳ báo cáo "${clip(periodWords.join(" "))}" — viết như "tháng 10/2026".` };
    return { ok: true, value: { kind: "count", indicatorCode: first, count: c.n, period } };
  }
  if (rest.length < 2) {
    return {
      ok: false,
      error: coded ? "Thiếu số liệu: cần tử số và mẫu số sau mã chỉ tiêu." : "Thiếu số liệu: cần hai số.",
    };
  }
  const a = count(rest[0] ?? "");
  if (!a.ok) return a;
  const b = count(rest[1] ?? "");
  if (!b.ok) return b;
  const periodWords = rest.slice(2);
  let period: string | null = null;
  if (periodWords.length > 0) {
    period = parsePeriodWords(periodWords);
    if (!period)
      return { ok: false, error: `Không hiểu kỳ báo cáo "${clip(periodWords.join(" "))}" — viết như "tháng 10/2026".` };
  }
  const [numerator, denominator] = coded ? [a.n, b.n] : [b.n, a.n];
  if (numerator > denominator) {
    return {
      ok: false,
      error: coded
        ? `Tử số (${a.n}) không được lớn hơn mẫu số (${b.n}).`
        : `Số hồ sơ trực tuyến (${b.n}) không được lớn hơn tổng số hồ sơ (${a.n}). Gửi: /nop <tổng số> <số trực tuyến>.`,
    };
  }
  return { ok: true, value: { kind: "report", indicatorCode, numerator, denominator, period } };
}
