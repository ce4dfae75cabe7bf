/**
 * How far each unit is from its OWN target (docs/SCHEDULES.md "Bản tin tuần"). Targets differ by tier
 * and group (a department 85%, a commune 75%): ranking by the raw ratio would put a commune at 74%
 * (1 point short) below a department at 80% (5 points short). The target is the milestone the
 * unit's colour was judged against — in force, else the next one before the first deadline.
 * Compared exactly, like every threshold (ratio.ts): target − 100·n/d as integer cross-products.
 */
import { targetToHundredths, type Figures } from "./ratio.js";
import type { Evaluation, MilestoneRef } from "./types.js";

/** The milestone a unit's colour was judged against (in force, else the next one). */
export function judgedMilestone(e: Pick<Evaluation, "levelAgainst" | "inForce" | "next">): MilestoneRef | null {
  if (e.levelAgainst === "next") return e.next;
  return e.inForce ?? e.next;
}

type GapInput = Pick<Evaluation, "status" | "kind" | "figures" | "levelAgainst" | "inForce" | "next">;

/** Gap as a fraction numerator/denominator in hundredths of a point; null without a ratio or a target. */
function gapFraction(e: GapInput): { over: bigint; under: bigint } | null {
  const m = judgedMilestone(e);
  const f: Figures | null = e.figures;
  if (e.status !== "evaluated" || m === null || f === null) return null;
  if (e.kind === "count") return { over: targetToHundredths(m.target) - BigInt(f.numerator) * 100n, under: 1n };
  if (f.denominator === 0) return null;
  const d = BigInt(f.denominator);
  return { over: targetToHundredths(m.target) * d - BigInt(f.numerator) * 10_000n, under: d };
}

/** Points below the unit's own target (negative: above it); null without a ratio or a target. For display. */
export function gapToTarget(e: GapInput): number | null {
  const g = gapFraction(e);
  return g === null ? null : Number(g.over) / Number(g.under) / 100;
}

/**
 * Farthest below its own target first, down to farthest above it last: the list reads from the
 * unit most to chase to the best. Units with figures but no target follow. Units that have not
 * reported or have no dossiers have no gap and are left out: the callers list them apart.
 * Ties by Vietnamese name order.
 */
export function rankByGap<T>(items: readonly T[], evaluationOf: (t: T) => GapInput, nameOf: (t: T) => string): T[] {
  const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });
  const withGap: { item: T; g: { over: bigint; under: bigint } }[] = [];
  const noTarget: T[] = [];
  for (const item of items) {
    const e = evaluationOf(item);
    if (e.status !== "evaluated" && e.status !== "no-milestone") continue;
    const g = gapFraction(e);
    if (g === null) noTarget.push(item);
    else withGap.push({ item, g });
  }
  withGap.sort((a, b) => {
    // a.over/a.under vs b.over/b.under, both denominators positive: larger gap first.
    const left = a.g.over * b.g.under;
    const right = b.g.over * a.g.under;
    if (left !== right) return left > right ? -1 : 1;
    return collator.compare(nameOf(a.item), nameOf(b.item));
  });
  return [...withGap.map((x) => x.item), ...noTarget.sort((a, b) => collator.compare(nameOf(a), nameOf(b)))];
}
