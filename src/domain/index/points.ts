/**
 * Exact points (docs/INDEX.md "Làm tròn"). A component's points are a ratio of integers — max ×
 * ratio ÷ target — so they are kept as an exact fraction of hundredths of a point and summed
 * exactly; only what is shown is rounded, once, to two decimals half-up, with a Vietnamese
 * decimal comma ("12,35"; "1,8"; "20"). A float would make 18 × 57/60 read 17,099999….
 */
import { formatNumber } from "../format.js";

/** Points as `num / den` hundredths of a point; `den > 0`, reduced. */
export type Points = { readonly num: bigint; readonly den: bigint };

export const ZERO_POINTS: Points = { num: 0n, den: 1n };

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}

export function points(num: bigint, den = 1n): Points {
  const g = gcd(num, den);
  return den < 0n ? { num: -num / g, den: -den / g } : { num: num / g, den: den / g };
}

/** A value with at most two decimals (a file's `maxPoints`, a step's points) as exact points. */
export function pointsOf(value: number): Points {
  return points(BigInt(Math.round(value * 100)));
}

export function addPoints(a: Points, b: Points): Points {
  return points(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function subtractPoints(a: Points, b: Points): Points {
  return points(a.num * b.den - b.num * a.den, a.den * b.den);
}

/** Sign of a − b. */
export function comparePoints(a: Points, b: Points): -1 | 0 | 1 {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function minPoints(a: Points, b: Points): Points {
  return comparePoints(a, b) <= 0 ? a : b;
}

/** The rounding rule: hundredths of a point, half-up (non-negative points only). */
export function roundedHundredths(p: Points): number {
  return Number((2n * p.num + p.den) / (2n * p.den));
}

/** As a plain number of points rounded to two decimals (charts, sorting by what is shown). */
export function pointsValue(p: Points): number {
  return roundedHundredths(p) / 100;
}

/** `1234.5` points → "1.234,5"; 1.8 → "1,8"; 20 → "20"; 17.1 → "17,1"; 0.05 → "0,05". */
export function formatPoints(p: Points): string {
  const h = BigInt(roundedHundredths(p));
  const whole = formatNumber(h / 100n);
  const frac = h % 100n;
  if (frac === 0n) return whole;
  return `${whole},${String(frac).padStart(2, "0").replace(/0$/, "")}`;
}
