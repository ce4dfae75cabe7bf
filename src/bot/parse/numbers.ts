/**
 * Numbers and periods as officers type them on a phone: `1.234` (Vietnamese thousands dots),
 * `thang 10/2026` / `tháng 10/2026` / `10/2026`. Parsed with zod at the edge (STYLE.md).
 */
import { z } from "zod";
import { clipText, normalizeForSearch } from "../../domain/text.js";

const COUNT = /^(?:\d{1,3}(?:\.\d{3})+|\d+)$/;

/** A non-negative integer count; messages say what is wrong in Vietnamese. */
export const countSchema = z.string().transform((raw, ctx) => {
  const s = raw.trim();
  if (/^[-−–]/.test(s)) {
    ctx.addIssue({ code: "custom", message: `"${s}" là số âm — số hồ sơ phải từ 0 trở lên` });
    return z.NEVER;
  }
  if (/^\d+[,.]\d{1,2}$/.test(s) && !COUNT.test(s)) {
    ctx.addIssue({ code: "custom", message: `"${s}" không phải số nguyên — nhập số hồ sơ, không nhập tỷ lệ` });
    return z.NEVER;
  }
  if (!COUNT.test(s)) {
    ctx.addIssue({ code: "custom", message: `"${clip(s)}" không phải là số` });
    return z.NEVER;
  }
  const n = Number(s.replace(/\./g, ""));
  if (!Number.isSafeInteger(n) || n > 10_000_000) {
    ctx.addIssue({ code: "custom", message: `"${clip(s)}" quá lớn` });
    return z.NEVER;
  }
  return n;
});

/** `tháng 10/2026`, `thang 10/2026`, `t10/2026`, `10/2026`, `2026-10` → `2026-10`. */
export function parsePeriodWords(words: readonly string[]): string | null {
  const text = normalizeForSearch(words.join(" "));
  const m = /^(?:(?:thang|t)\s*)?(\d{1,2})[/-](\d{4})$/.exec(text) ?? null;
  if (m) {
    const month = Number(m[1]);
    if (month < 1 || month > 12) return null;
    return `${m[2]}-${String(month).padStart(2, "0")}`;
  }
  const iso = /^(\d{4})-(\d{2})$/.exec(text);
  if (iso && Number(iso[2]) >= 1 && Number(iso[2]) <= 12) return text;
  return null;
}

/** What was typed, short enough to quote back in an error. */
export function clip(s: string, max = 30): string {
  return clipText(s, max + 1, "…");
}
