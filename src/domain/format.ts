/**
 * Number and percentage formatting for what users read (STYLE.md: `79,2%`, `1.234`).
 * All rounding is done on integers so that a figure is displayed the same way on every
 * machine and never by way of a binary float (docs/DIRECTIVES.md).
 */

/** `1234567` → `1.234.567` (Vietnamese thousands separator is a dot). */
export function formatNumber(n: number | bigint): string {
  const big = typeof n === "bigint" ? n : BigInt(Math.trunc(n));
  const negative = big < 0n;
  const digits = (negative ? -big : big).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return negative ? `-${grouped}` : grouped;
}

/**
 * Ratio → percentage text with one decimal, rounded half-up with integer arithmetic, and
 * a Vietnamese decimal comma. An exact integer percentage drops the decimal: 15/20 → "75%",
 * 8/10 → "80%", 95/120 → "79,2%", 150/155 → "96,8%".
 *
 * The Bắc Kạn plan (seed 004, Phụ lục I, ví dụ 3) writes 150/155 as "96,7%": it truncates.
 * We round half-up (96,774…% → 96,8%) because truncation makes 99,96% read as "99,9%" while
 * rounding is what every spreadsheet the provinces use does.
 *
 * One exception: a ratio below 100% never displays as "100%" (it shows "99,9%"), because
 * "Đạt 100%" targets are common (seeds 000, 002) and "100% — chưa đạt chỉ tiêu 100%" would
 * read as a bug. Returns null when the denominator is 0: there is no ratio to show.
 */
export function formatRatioPercent(numerator: number, denominator: number): string | null {
  if (denominator === 0) return null;
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  // tenths of a percent, half-up: floor(1000n/d + 1/2) = floor((2000n + d) / 2d)
  let tenths = (2000n * n + d) / (2n * d);
  if (tenths >= 1000n && n < d) tenths = 999n;
  return formatTenths(tenths);
}

function formatTenths(tenths: bigint): string {
  const whole = tenths / 10n;
  const decimal = tenths % 10n;
  return decimal === 0n ? `${formatNumber(whole)}%` : `${formatNumber(whole)},${decimal}%`;
}

/**
 * A directive target (≤ 2 decimals) as written in Vietnamese: 70 → "70%", 57.5 → "57,5%",
 * 33.33 → "33,33%".
 */
export function formatTargetPercent(target: number): string {
  const hundredths = Math.round(target * 100);
  const whole = Math.trunc(hundredths / 100);
  const frac = hundredths % 100;
  if (frac === 0) return `${formatNumber(whole)}%`;
  const decimals = String(frac).padStart(2, "0").replace(/0$/, "");
  return `${formatNumber(whole)},${decimals}%`;
}

/**
 * The ratio as a percentage that never contradicts its verdict against `target`: one decimal
 * as usual, more when rounding would print a miss as the target or above it (9.499/10.000
 * against 95% → "94,99%", 5.999/10.000 against 60% → "59,99%"), or a pass below it. Integer
 * arithmetic throughout, like `formatRatioPercent`. `moreThan` is met strictly above the
 * target, the others at or above it (src/domain/evaluation/ratio.ts `meetsTarget`).
 */
export function formatRatioAgainst(
  numerator: number,
  denominator: number,
  target: number,
  comparison: "atLeast" | "moreThan" | "reach" | "aspiration",
): string | null {
  if (denominator === 0) return null;
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  const t = BigInt(Math.round(target * 100)); // hundredths of a percent
  const exact = n * 10_000n - t * d; // sign of ratio − target
  const met = comparison === "moreThan" ? exact > 0n : exact >= 0n;
  // The usual case, as cheap as formatRatioPercent: one decimal already tells the truth.
  const tenths = (2000n * n + d) / (2n * d);
  const printed1 = tenths * 10n - t;
  if ((comparison === "moreThan" ? printed1 > 0n : printed1 >= 0n) === met && !(tenths >= 1000n && n < d))
    return formatTenths(tenths);
  for (let k = 2; k <= MAX_DECIMALS; k++) {
    const scale = SCALES[k] ?? 10n ** BigInt(k);
    // the percentage in units of 10^-k, rounded half-up
    const units = (2n * 100n * scale * n + d) / (2n * d);
    const printed = units * 100n - t * scale; // sign of printed − target
    const agrees = comparison === "moreThan" ? printed > 0n === met : printed >= 0n === met;
    if (agrees && !(units >= 100n * scale && n < d)) return formatScaled(units, k);
  }
  // Not reached for real figures (a denominator below 10^8): truncate, which never rounds up.
  const scale = 10n ** BigInt(MAX_DECIMALS);
  return formatScaled((100n * scale * n) / d, MAX_DECIMALS);
}

const MAX_DECIMALS = 8;
const SCALES = Array.from({ length: MAX_DECIMALS + 1 }, (_, k) => 10n ** BigInt(k));

function formatScaled(units: bigint, decimals: number): string {
  const scale = 10n ** BigInt(decimals);
  const whole = units / scale;
  const frac = (units % scale).toString().padStart(decimals, "0").replace(/0+$/, "");
  return frac === "" ? `${formatNumber(whole)}%` : `${formatNumber(whole)},${frac}%`;
}
