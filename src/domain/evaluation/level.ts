/**
 * Colour level of a ratio against one milestone (docs/DIRECTIVES.md "Đánh giá", Long An seed 002 §1g).
 * The single place where the band arithmetic lives, so the dashboard, the digest and the
 * reminders cannot drift apart.
 */
import type { Directive, Milestone } from "../directive/schema.js";
import { DEFAULT_LEVEL_BANDS } from "../directive/schema.js";
import { gapWithin, meetsTarget, targetToHundredths, type Figures } from "./ratio.js";
import type { Level } from "./types.js";

/**
 * Met → xanh; otherwise the gap below the target in percentage points picks vàng (≤ vang
 * band), cam (≤ cam band) or đỏ. Bands come from the directive that set the milestone
 * (default 10/20 points). An aspiration ("phấn đấu") is a goal, not an obligation: not
 * reaching it is vàng at worst. Requires denominator > 0.
 */
export function levelFor(f: Figures, milestone: Milestone, directive: Pick<Directive, "levels">): Level {
  if (meetsTarget(f, milestone.target, milestone.comparison)) return "xanh";
  if (milestone.comparison === "aspiration") return "vang";
  const bands = directive.levels ?? DEFAULT_LEVEL_BANDS;
  if (gapWithin(f, milestone.target, bands.vang)) return "vang";
  if (gapWithin(f, milestone.target, bands.cam)) return "cam";
  return "do";
}

/**
 * A count against its target ("tối thiểu 05 bộ dữ liệu"): met → xanh; otherwise the shortfall as
 * a share of the target, in percentage points, picks the band like a ratio's gap does — 4 of 5
 * is 20 points short. dondoc's reading: no directive sets bands for counts.
 */
export function countLevelFor(count: number, milestone: Milestone, directive: Pick<Directive, "levels">): Level {
  const met = milestone.comparison === "moreThan" ? count > milestone.target : count >= milestone.target;
  if (met) return "xanh";
  if (milestone.comparison === "aspiration") return "vang";
  const bands = directive.levels ?? DEFAULT_LEVEL_BANDS;
  // shortfall% = (target − count) / target · 100 ≤ band ⇔ (target − count) · 10000 ≤ band_hundredths · target
  const shortfall = (targetToHundredths(milestone.target) - BigInt(count) * 100n) * 100n;
  const within = (band: number) =>
    shortfall <= (targetToHundredths(band) * targetToHundredths(milestone.target)) / 100n;
  if (within(bands.vang)) return "vang";
  if (within(bands.cam)) return "cam";
  return "do";
}
