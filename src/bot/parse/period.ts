/**
 * The reporting month as officers type it after the figures (docs/UPLOADS.md "Cú pháp /nop"):
 * `tháng 10/2026`, `thang 10/2026`, `t10/2026`, `10/2026`, `10-2026`, `2026-10`; without the
 * year `tháng 10`; and with two digits `10/26` (a recent year: 2026) or `10/12` — 12 is no
 * recent year, so it is read as month 10 of this year (of last year when that month has not come
 * yet), never as 2012.
 */
import { monthWithoutYear } from "../../domain/month.js";
import { normalizeForSearch } from "../../domain/text.js";

const iso = (y: number, m: number) => `${y}-${String(m).padStart(2, "0")}`;

export function parsePeriodWords(words: readonly string[], current: string): string | null {
  const text = normalizeForSearch(words.join(" "));
  const full = /^(?:(?:thang|t)\s*)?(\d{1,2})[/-](\d{4})$/.exec(text);
  if (full) {
    const month = Number(full[1]);
    return month >= 1 && month <= 12 ? iso(Number(full[2]), month) : null;
  }
  const isoMonth = /^(\d{4})-(\d{2})$/.exec(text);
  if (isoMonth) {
    const month = Number(isoMonth[2]);
    return month >= 1 && month <= 12 ? iso(Number(isoMonth[1]), month) : null;
  }
  const bare = /^(?:thang|t)\s*(\d{1,2})$/.exec(text);
  if (bare) return monthWithoutYear(Number(bare[1]), current);
  const short = /^(?:(?:thang|t)\s*)?(\d{1,2})[/-](\d{2})$/.exec(text);
  if (short) {
    const month = Number(short[1]);
    const yy = Number(short[2]);
    const year = Number(current.slice(0, 4));
    // "10/26" in 2026 or "12/25" in 01/2026: a two-digit year everyone writes. Anything else
    // ("10/12") is not a year anyone reports for.
    for (const y of [year, year - 1]) if (y % 100 === yy && month >= 1 && month <= 12) return iso(y, month);
    return monthWithoutYear(month, current);
  }
  return null;
}
