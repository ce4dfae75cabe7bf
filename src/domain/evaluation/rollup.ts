/**
 * Roll-ups and rankings over many units (docs/DIRECTIVES.md "Đánh giá").
 * A parent's ratio is the sum of numerators over the sum of denominators — never an average
 * of ratios, which would let a commune with 1 dossier weigh as much as a city with 10.000.
 */
import { compareRatios, type Figures } from "./ratio.js";
import { LEVELS, type Evaluation, type Level } from "./types.js";

export type RollUp = {
  /** null when no child reported. */
  figures: Figures | null;
  reported: number;
  notReported: number;
};

/** Sums the children's figures; `null` entries are units that have not reported. */
export function rollUp(children: readonly (Figures | null)[]): RollUp {
  let numerator = 0;
  let denominator = 0;
  let reported = 0;
  for (const f of children) {
    if (!f) continue;
    numerator += f.numerator;
    denominator += f.denominator;
    reported += 1;
  }
  return {
    figures: reported > 0 ? { numerator, denominator } : null,
    reported,
    notReported: children.length - reported,
  };
}

export type Rankable = { name: string; figures: Figures | null };
export type Ranked<T> = { item: T; rank: number | null };

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

/**
 * Best first: by ratio (exactly), then the larger denominator (the same ratio over more
 * dossiers is the bigger effort), then name. Units with no dossiers (denominator 0) follow,
 * then units that have not reported; neither gets a rank. Equal ratio and denominator share
 * a rank (1, 2, 2, 4).
 */
export function rankUnits<T extends Rankable>(items: readonly T[]): Ranked<T>[] {
  const withRatio: { item: T; figures: Figures }[] = [];
  const noData: T[] = [];
  const notReported: T[] = [];
  for (const item of items) {
    if (item.figures === null) notReported.push(item);
    else if (item.figures.denominator === 0) noData.push(item);
    else withRatio.push({ item, figures: item.figures });
  }
  const byName = (a: T, b: T) => collator.compare(a.name, b.name);
  const key = (a: Figures, b: Figures) => compareRatios(b, a) || b.denominator - a.denominator;
  const sorted = [...withRatio].sort((a, b) => key(a.figures, b.figures) || byName(a.item, b.item));
  const ranked: Ranked<T>[] = [];
  sorted.forEach((entry, index) => {
    const prev = sorted[index - 1];
    const prevRank = ranked[index - 1]?.rank ?? null;
    const tied = prev !== undefined && key(prev.figures, entry.figures) === 0;
    ranked.push({ item: entry.item, rank: tied ? prevRank : index + 1 });
  });
  return [
    ...ranked,
    ...noData.sort(byName).map((item) => ({ item, rank: null })),
    ...notReported.sort(byName).map((item) => ({ item, rank: null })),
  ];
}

export type LevelCounts = Record<Level, number> & { notReported: number; noData: number; unjudged: number };

/** How many units are in each colour; units without a level are counted by why. */
export function countLevels(evaluations: readonly Pick<Evaluation, "status" | "level">[]): LevelCounts {
  const counts: LevelCounts = { xanh: 0, vang: 0, cam: 0, do: 0, notReported: 0, noData: 0, unjudged: 0 };
  for (const e of evaluations) {
    if (e.level && LEVELS.includes(e.level)) counts[e.level] += 1;
    else if (e.status === "not-reported") counts.notReported += 1;
    else if (e.status === "no-data") counts.noData += 1;
    else counts.unjudged += 1;
  }
  return counts;
}
