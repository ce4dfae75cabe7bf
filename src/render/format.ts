import { formatNumber } from "../domain/format.js";

/**
 * A percentage already computed upstream (0..100) as bar-end text, with the same conventions as
 * `formatRatioPercent` in src/domain/format.ts so a chart and a message never disagree:
 * one decimal, comma, integer values without ",0", and 99,96% shown as "99,9%", never "100%".
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
