import { describe, expect, test } from "vitest";
import { evaluate, gapToTarget, rankByGap, type Evaluation } from "../../src/domain/evaluation/index.js";
import { makeDirective } from "./evaluationFixtures.js";

/** Departments must reach 85%, communes 75% (both in force on 30/11/2026); 90% for communes from 2027. */
const directive = makeDirective({
  milestones: [
    { indicator: "hs-truc-tuyen", scope: { tiers: ["so"] }, deadline: "30/06/2026", target: 85, comparison: "atLeast" },
    { indicator: "hs-truc-tuyen", scope: { tiers: ["xa"] }, deadline: "30/06/2026", target: 75, comparison: "atLeast" },
    { indicator: "hs-truc-tuyen", scope: { tiers: ["xa"] }, deadline: "30/06/2027", target: 90, comparison: "atLeast" },
  ],
});

type Unit = { name: string; tier: string; figures: { numerator: number; denominator: number } | null };
const judge = (u: Unit, asOf = "2026-11-30"): Evaluation =>
  evaluate({
    unit: { tier: u.tier },
    indicatorCode: "hs-truc-tuyen",
    figures: u.figures,
    asOf,
    directives: [directive],
  });

const units: Unit[] = [
  { name: "Sở A", tier: "so", figures: { numerator: 80, denominator: 100 } }, // 5 short of 85
  { name: "Xã B", tier: "xa", figures: { numerator: 74, denominator: 100 } }, // 1 short of 75
  { name: "Xã C", tier: "xa", figures: { numerator: 60, denominator: 100 } }, // 15 short
  { name: "Sở D", tier: "so", figures: { numerator: 90, denominator: 100 } }, // 5 above
  { name: "Xã E", tier: "xa", figures: { numerator: 75, denominator: 100 } }, // exactly at
  { name: "Xã F", tier: "xa", figures: null }, // not reported: listed apart
  { name: "Xã G", tier: "xa", figures: { numerator: 0, denominator: 0 } }, // no dossiers: no gap
  { name: "Xã H", tier: "xa", figures: { numerator: 148, denominator: 200 } }, // 74%: ties Xã B, by name after it
];

describe("ranking by the distance to each unit's OWN target", () => {
  test("a department 5 points short ranks below a commune 1 point short, though its ratio is higher", () => {
    const ranked = rankByGap(units, judge, (u) => u.name).map((u) => u.name);
    expect(ranked).toEqual(["Xã C", "Sở A", "Xã B", "Xã H", "Xã E", "Sở D"]);
  });

  test.each([
    ["Sở A", 5],
    ["Xã B", 1],
    ["Xã C", 15],
    ["Sở D", -5],
    ["Xã E", 0],
    ["Xã F", null],
    ["Xã G", null],
  ])("%s is %s points from its own target", (name, gap) => {
    const unit = units.find((u) => u.name === name);
    if (!unit) throw new Error(name);
    expect(gapToTarget(judge(unit))).toBe(gap);
  });

  test("exact at the edge: 57/100 against 57% is 0, never a float's 0.0000001", () => {
    const d = makeDirective({
      milestones: [
        {
          indicator: "hs-truc-tuyen",
          scope: { tiers: ["xa"] },
          deadline: "30/06/2026",
          target: 57,
          comparison: "atLeast",
        },
      ],
    });
    const e = evaluate({
      unit: { tier: "xa" },
      indicatorCode: "hs-truc-tuyen",
      figures: { numerator: 57, denominator: 100 },
      asOf: "2026-11-30",
      directives: [d],
    });
    expect(gapToTarget(e)).toBe(0);
  });

  test("before a unit's first deadline it is ranked against the next target, as its colour is", () => {
    const early = (u: Unit) => judge(u, "2026-01-15");
    expect(gapToTarget(early({ name: "Xã B", tier: "xa", figures: { numerator: 74, denominator: 100 } }))).toBe(1);
  });
});
