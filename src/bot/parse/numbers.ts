/**
 * Numbers and periods as officers type them on a phone: `1.234` (Vietnamese thousands dots),
 * `thang 10/2026` / `tháng 10/2026` / `10/2026`. Parsed with zod at the edge (STYLE.md).
 */
import { z } from "zod";
import { clipText } from "../../domain/text.js";

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

/** What was typed, short enough to quote back in an error. */
export function clip(s: string, max = 30): string {
  return clipText(s, max + 1, "…");
}
