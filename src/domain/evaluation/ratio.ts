/**
 * Exact ratio arithmetic (docs/DIRECTIVES.md). A ratio is two integers and a target is a percentage
 * with at most two decimals, held as integer hundredths of a percent (70 → 7000,
 * 57.5 → 5750). Every comparison is an integer cross-multiplication in BigInt: floats get
 * 57/100 against 57% wrong (0.57 * 100 = 56.99999…).
 */
import type { Comparison } from "../directive/schema.js";

/** Reported figures: `numerator` items (e.g. online dossiers) out of `denominator`. */
export type Figures = { numerator: number; denominator: number };

/** One percent expressed in the unit of targets (hundredths of a percent). */
const HUNDREDTHS_PER_UNIT_RATIO = 10_000n;

/** 70 → 7000n. Safe because the schema allows at most two decimals. */
export function targetToHundredths(target: number): bigint {
  return BigInt(Math.round(target * 100));
}

/**
 * Why figures cannot be evaluated, in Vietnamese, or null when they are fine. Edges (bot,
 * CLI) call this before `evaluate`, which treats bad figures as a programming error.
 */
export function checkFigures(f: Figures, kind: "ratio" | "count" = "ratio"): string | null {
  if (!Number.isSafeInteger(f.numerator) || !Number.isSafeInteger(f.denominator)) {
    return "số liệu phải là số nguyên";
  }
  if (f.numerator < 0 || f.denominator < 0) return "số liệu không được âm";
  // A count ("05 bộ dữ liệu mở") is one number: kept as the numerator over a denominator of 0.
  if (kind === "count") return f.denominator === 0 ? null : "chỉ tiêu đếm chỉ có một số liệu";
  if (f.numerator > f.denominator) {
    return `tử số (${f.numerator}) không được lớn hơn mẫu số (${f.denominator})`;
  }
  return null;
}

/** Sign of n/d − target: −1 below, 0 exactly at, 1 above. Requires d > 0. */
export function compareToTarget(f: Figures, target: number): -1 | 0 | 1 {
  const left = BigInt(f.numerator) * HUNDREDTHS_PER_UNIT_RATIO;
  const right = targetToHundredths(target) * BigInt(f.denominator);
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * `atLeast`, `reach` and `aspiration` are met at or above the target, `moreThan` strictly
 * above ("trên 50%", seed 002). Whether an unmet aspiration is a failure is decided by the
 * caller; here it is just "not reached".
 */
export function meetsTarget(f: Figures, target: number, comparison: Comparison): boolean {
  const sign = compareToTarget(f, target);
  return comparison === "moreThan" ? sign > 0 : sign >= 0;
}

/**
 * Gap below the target in percentage points, compared exactly with a band (also in
 * percentage points, ≤ 2 decimals): true when target − 100·n/d ≤ band.
 */
export function gapWithin(f: Figures, target: number, band: number): boolean {
  const d = BigInt(f.denominator);
  const gapTimesD = targetToHundredths(target) * d - BigInt(f.numerator) * HUNDREDTHS_PER_UNIT_RATIO;
  return gapTimesD <= targetToHundredths(band) * d;
}

export type MissingItems = { kind: "count"; count: number } | { kind: "unreachable" };

/**
 * Smallest k ≥ 0 such that (n + k)/d meets the target, keeping the denominator (the extra
 * items are dossiers that should have been filed online instead). Capped by d: when even
 * d/d does not meet it (e.g. "trên 100%"), the target is unreachable at this denominator.
 */
export function missingItems(f: Figures, target: number, comparison: Comparison): MissingItems {
  const n = BigInt(f.numerator);
  const d = BigInt(f.denominator);
  const needed = targetToHundredths(target) * d; // (n + k) * 10000 must reach this
  const unit = HUNDREDTHS_PER_UNIT_RATIO;
  const minimal = comparison === "moreThan" ? needed / unit + 1n : (needed + unit - 1n) / unit;
  if (minimal > d) return { kind: "unreachable" };
  const k = minimal - n;
  return { kind: "count", count: Number(k > 0n ? k : 0n) };
}

/**
 * Orders two ratios exactly: negative when a < b. Used by rankings; both denominators > 0.
 */
export function compareRatios(a: Figures, b: Figures): number {
  const left = BigInt(a.numerator) * BigInt(b.denominator);
  const right = BigInt(b.numerator) * BigInt(a.denominator);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Percentage 0..100 of figures with a denominator, else null: for charts and trends, never a verdict. */
export function percentOf(f: Figures | null): number | null {
  return f && f.denominator > 0 ? (f.numerator / f.denominator) * 100 : null;
}
