/**
 * The scored index at national scale (docs/PERFORMANCE.md, docs/INDEX.md "Trong nhóm chat"): every unit ×
 * 12 months scored and its gains ranked through the same pure code `/chiso` and the digest use
 * (src/domain/index/score.ts, gains.ts, via services/index/view.ts). The index is a bench index
 * over the dataset's six indicators with every component scorable and one rule of each kind —
 * more work than the QĐ 766 preset as shipped, whose texts let one component of 19 be scored.
 */
import type { BenchUnit } from "./bench-dataset.js";
import { indexAppliesTo } from "../src/domain/index/applies.js";
import { parseIndex } from "../src/domain/index/resolveIndex.js";
import type { ScoredIndex } from "../src/domain/index/schema.js";
import type { CatalogUnit } from "../src/domain/catalog.js";
import type { Figures } from "../src/domain/evaluation/index.js";
import { unitIndexView } from "../src/services/index/view.js";

const component = (code: string, group: string, maxPoints: number, target: number, rule: unknown) => ({
  code: `ci-${code}`,
  name: code,
  group,
  maxPoints,
  indicator: code,
  target,
  rule,
  source: "bench",
});

export function benchIndex(): ScoredIndex {
  return parseIndex({
    code: "bench-index",
    name: "Bench index",
    number: "766/QĐ-TTg (bench)",
    issuer: "bench",
    issuedOn: "01/01/2022",
    source: "bench",
    totalMaxPoints: 100,
    tiers: [
      { code: "tinh", name: "tỉnh" },
      { code: "so", name: "sở" },
      { code: "xa", name: "xã" },
    ],
    appliesTo: { tiers: ["tinh", "so", "xa"] },
    groups: [
      { code: "truc-tuyen", name: "Trực tuyến", maxPoints: 40 },
      { code: "so-hoa", name: "Số hoá", maxPoints: 30 },
      { code: "tien-do", name: "Tiến độ, hài lòng", maxPoints: 30 },
    ],
    components: [
      component("hs-truc-tuyen", "truc-tuyen", 22, 50, { kind: "linear" }),
      component("thanh-toan-truc-tuyen", "truc-tuyen", 18, 80, { kind: "linear", floor: 20 }),
      component("so-hoa-ho-so", "so-hoa", 15, 80, {
        kind: "thresholds",
        steps: [
          { atLeast: 40, points: 5 },
          { atLeast: 60, points: 10 },
          { atLeast: 80, points: 15 },
        ],
      }),
      component("tai-su-dung-du-lieu", "so-hoa", 15, 80, { kind: "linear" }),
      component("dung-han", "tien-do", 20, 95, { kind: "allOrNothing" }),
      component("hai-long", "tien-do", 10, 90, { kind: "linear" }),
    ],
    bands: {
      source: "practice",
      citation: "bench",
      bands: [
        { code: "tot", name: "Tốt", from: 80 },
        { code: "kha", name: "Khá", from: 50 },
        { code: "yeu", name: "Yếu", from: 0 },
      ],
    },
  });
}

/** period → unit → indicator, as bench-evaluate.ts holds the figures. */
export type FigureIndex = ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, Figures>>>;

/** Every unit the index applies to, every period: score, groups, gains, the month before. Returns points scored. */
export function scoreAll(
  index: ScoredIndex,
  units: readonly BenchUnit[],
  periods: readonly string[],
  figures: FigureIndex,
  previous: (period: string) => string,
): number {
  let views = 0;
  const none = new Map<string, Figures>();
  for (const period of periods) {
    const now = figures.get(period);
    const before = figures.get(previous(period));
    for (const u of units) {
      if (!indexAppliesTo(index, u)) continue;
      const unit: CatalogUnit = { code: u.code, name: u.name, tier: u.tier, parentCode: u.parentCode };
      const v = unitIndexView(index, unit, period, now?.get(u.code) ?? none, before?.get(u.code) ?? null);
      views += v.gains.length > 0 || v.total.num >= 0n ? 1 : 0;
    }
  }
  return views;
}
