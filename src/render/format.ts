import { formatNumber } from "../domain/format.js";

/**
 * A percentage already computed upstream (0..100) as bar-end text — the fallback for a bar
 * given no `valueText`. Same conventions as `formatRatioPercent` in src/domain/format.ts:
 * one decimal, comma, integer values without ",0", and 99,96% shown as "99,9%", never "100%".
 * A float can still round the other way from the exact ratio (23/80 → 28.7499… → "28,7%"), so
 * callers holding the counts pass `formatRatioPercent`'s text as `valueText` instead (services/digest/digest.ts).
 */
export function formatPercent(value: number): string {
  let tenths = Math.round(value * 10);
  if (tenths >= 1000 && value < 100) tenths = 999;
  const negative = tenths < 0;
  const abs = Math.abs(tenths);
  const whole = formatNumber(Math.trunc(abs / 10));
  const decimal = abs % 10;
  return `${negative ? "-" : ""}${decimal === 0 ? whole : `${whole},${decimal}`}%`;
}

/** 52428800 → "50 MB", 1572864 → "1,5 MB" (one decimal, Vietnamese comma): how a limit is told. */
export function formatMegabytes(bytes: number): string {
  const tenths = Math.round((bytes / 1_048_576) * 10);
  return `${formatNumber(Math.trunc(tenths / 10))}${tenths % 10 ? `,${tenths % 10}` : ""} MB`;
}

/** 600000 → "10 phút": a time window as the texts state it. */
export function formatMinutes(ms: number): string {
  return `${formatNumber(Math.round(ms / 60_000))} phút`;
}
