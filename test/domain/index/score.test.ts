import { describe, expect, test } from "vitest";
import { parseIndex } from "../../../src/domain/index/resolveIndex.js";
import { componentPoints, scoreUnit } from "../../../src/domain/index/score.js";
import { formatPoints, points, pointsOf, roundedHundredths } from "../../../src/domain/index/points.js";
import type { ScoringRule } from "../../../src/domain/index/schema.js";
import { fixtureIndex } from "./fixtures.js";

const f = (numerator: number, denominator: number) => ({ numerator, denominator });
/** Every indicator of the fixture index at its components' targets. */
const atTarget = () =>
  new Map([
    ["thu-linear", f(80, 100)],
    ["thu-floor", f(90, 100)],
    ["thu-steps", f(80, 100)],
    ["thu-all", f(10, 10)],
  ]);
const shown = (rule: ScoringRule, target: number, max: number, n: number, d: number) =>
  formatPoints(componentPoints(f(n, d), rule, target, max));

describe("linear up to the target (max × ratio ÷ target, capped)", () => {
  const rule: ScoringRule = { kind: "linear" };
  test.each([
    [0, 100, "0"],
    [40, 100, "6"], // half the target, half the points
    [79, 100, "11,85"], // just below
    [80, 100, "12"], // at
    [81, 100, "12"], // just above: capped
    [100, 100, "12"],
    [57, 60, "12"], // 95% ≥ 80%
    [1, 3, "5"], // 33,33…% / 80% × 12 = 5 exactly
    [2, 7, "4,29"], // 28,571…% → 4,2857… → 4,29
  ])("%i/%i → %s điểm", (n, d, expected) => expect(shown(rule, 80, 12, n, d)).toBe(expected));
});

describe("linear from a floor (0 below the floor)", () => {
  const rule: ScoringRule = { kind: "linear", floor: 50 };
  test.each([
    [49, 100, "0"], // below the floor
    [50, 100, "0"], // at the floor
    [51, 100, "0,2"], // just above: 8 × 1/40
    [70, 100, "4"], // halfway from 50 to 90
    [89, 100, "7,8"], // just below the target
    [90, 100, "8"], // at
    [91, 100, "8"], // above: capped
  ])("%i/%i → %s điểm", (n, d, expected) => expect(shown(rule, 90, 8, n, d)).toBe(expected));
});

describe("thresholds: the points of the highest step reached", () => {
  const rule: ScoringRule = {
    kind: "thresholds",
    steps: [
      { atLeast: 40, points: 2 },
      { atLeast: 60, points: 4 },
      { atLeast: 80, points: 6 },
    ],
  };
  test.each([
    [39, 100, "0"],
    [40, 100, "2"],
    [59, 100, "2"],
    [60, 100, "4"],
    [79, 100, "4"],
    [80, 100, "6"],
    [81, 100, "6"],
    [4, 5, "6"], // exactly 80%, no float on the way
  ])("%i/%i → %s điểm", (n, d, expected) => expect(shown(rule, 80, 6, n, d)).toBe(expected));
});

describe("allOrNothing", () => {
  const rule: ScoringRule = { kind: "allOrNothing" };
  test.each([
    [99, 100, "0"],
    [100, 100, "4"],
    [999, 1000, "0"],
  ])("%i/%i → %s điểm", (n, d, expected) => expect(shown(rule, 100, 4, n, d)).toBe(expected));
});

describe("rounding: exact inside, two decimals half-up when shown", () => {
  test.each([
    [points(1n, 8n), 0, "0"], // 0,125 hundredths → 0
    [points(1n, 2n), 1, "0,01"], // half a hundredth rounds up
    [points(1234n), 1234, "12,34"],
    [points(180n), 180, "1,8"],
    [points(2000n), 2000, "20"],
    [points(123456789n), 123456789, "1.234.567,89"],
  ])("%o → %i hundredths, %s", (p, h, text) => {
    expect(roundedHundredths(p)).toBe(h);
    expect(formatPoints(p)).toBe(text);
  });
  test("sums are exact: three thirds make a whole, not 0,99", () => {
    const index = parseIndex({
      ...fixtureIndex(),
      totalMaxPoints: 3,
      groups: [{ code: "g", name: "G", maxPoints: 3 }],
      components: ["a", "b", "c"].map((code) => ({
        code,
        name: code,
        group: "g",
        maxPoints: 1,
        target: 75,
        rule: { kind: "linear" as const },
        source: "thử",
      })),
      indicators: [],
      bands: undefined,
    });
    // 1/4 of 75% each: 1 × 25/75 = 1/3 point each, 1 point in all.
    const figures = new Map(["a", "b", "c"].map((c) => [c, f(1, 4)]));
    const score = scoreUnit(index, figures);
    expect(score.components.map((c) => (c.kind === "scored" ? formatPoints(c.points) : "-"))).toEqual([
      "0,33",
      "0,33",
      "0,33",
    ]);
    expect(formatPoints(score.total)).toBe("1");
  });
});

describe("a unit's score", () => {
  const index = parseIndex(fixtureIndex());
  test("every component at its target: the maxima of groups and total, the top band", () => {
    const figures = atTarget();
    const s = scoreUnit(index, figures);
    expect(s.groups.map((g) => [g.group.code, formatPoints(g.points), formatPoints(g.max)])).toEqual([
      ["truc-tuyen", "20", "20"],
      ["so-hoa", "10", "10"],
    ]);
    expect(formatPoints(s.total)).toBe("30");
    expect(s.max).toEqual(pointsOf(30));
    expect(s.complete).toBe(true);
    expect(s.band?.name).toBe("Tốt");
  });

  test("missing components are listed, not zero; the total is over what has figures; no band", () => {
    const figures = new Map([
      ["thu-linear", f(40, 100)], // 6 of 12
      ["thu-all", f(0, 0)], // denominator 0 = no data
    ]);
    const s = scoreUnit(index, figures);
    expect(s.missing.map((c) => c.code)).toEqual(["thu-floor", "thu-steps", "thu-all"]);
    expect(s.components.find((c) => c.component.code === "thu-all")).toMatchObject({
      kind: "missing",
      reason: "no-data",
    });
    expect(s.components.find((c) => c.component.code === "thu-floor")).toMatchObject({ reason: "no-figures" });
    expect(formatPoints(s.total)).toBe("6");
    expect(formatPoints(s.maxAvailable)).toBe("12");
    expect(s.complete).toBe(false);
    expect(s.band).toBeNull();
  });

  test.each([
    [24, "Tốt"],
    [23.99, "Khá"],
    [15, "Khá"],
    [14.99, "Yếu"],
  ])("band at and below each edge: %d điểm → %s", (total, name) => {
    // thu-linear carries the whole total (max 30, target 100%): total = 30 × n/10000.
    const one = parseIndex({
      ...fixtureIndex(),
      groups: [{ code: "g", name: "G", maxPoints: 30 }],
      components: [
        {
          code: "thu-linear",
          name: "A",
          group: "g",
          maxPoints: 30,
          target: 100,
          rule: { kind: "linear" },
          source: "t",
        },
      ],
    });
    const n = Math.round((total / 30) * 30000);
    expect(scoreUnit(one, new Map([["thu-linear", f(n, 30000)]])).band?.name).toBe(name);
  });
});

/**
 * A month with no items (denominator 0). Without `noItems` the component has no data and is not
 * counted — the evaluation's "no-data", and what the portal shows for most metrics (no score).
 * The portal gives full points to a unit with no petitions and 0 to one with no dossiers, so a
 * rule may say `noItems: full` or `noItems: zero`.
 */
describe("a month with no items", () => {
  const withRule = (rule: ScoringRule, target: number) =>
    parseIndex({
      ...fixtureIndex(),
      groups: [{ code: "g", name: "G", maxPoints: 30 }],
      bands: undefined,
      components: [{ code: "thu-linear", name: "A", group: "g", maxPoints: 30, target, rule, source: "t" }],
    });
  const steps = [
    { atLeast: 50, points: 10 },
    { atLeast: 100, points: 30 },
  ];
  test.each<[string, ScoringRule, number, string]>([
    ["linear, nothing said", { kind: "linear" }, 80, "missing"],
    ["linear, full", { kind: "linear", noItems: "full" }, 80, "30"],
    ["linear, zero", { kind: "linear", noItems: "zero" }, 80, "0"],
    ["linear from a floor, full", { kind: "linear", floor: 50, noItems: "full" }, 90, "30"],
    ["thresholds, nothing said", { kind: "thresholds", steps }, 100, "missing"],
    ["thresholds, zero", { kind: "thresholds", steps, noItems: "zero" }, 100, "0"],
    ["all or nothing, full", { kind: "allOrNothing", noItems: "full" }, 100, "30"],
    ["all or nothing, zero", { kind: "allOrNothing", noItems: "zero" }, 100, "0"],
  ])("%s: 0/0 → %s", (_, rule, target, expected) => {
    const s = scoreUnit(withRule(rule, target), new Map([["thu-linear", f(0, 0)]]));
    const c = s.components[0];
    expect(c?.kind === "scored" ? formatPoints(c.points) : c?.kind).toBe(expected);
    // Scored either way, it counts towards the total's maximum and leaves nothing missing.
    if (expected !== "missing") {
      expect(formatPoints(s.maxAvailable)).toBe("30");
      expect(s.complete).toBe(true);
    }
  });

  test("a month with items is scored by the rule whatever noItems says", () => {
    const s = scoreUnit(withRule({ kind: "linear", noItems: "full" }, 80), new Map([["thu-linear", f(0, 10)]]));
    expect(s.components[0]).toMatchObject({ kind: "scored", full: false });
    expect(formatPoints(s.total)).toBe("0");
  });

  test("no figures reported at all stays missing, even with noItems", () => {
    const s = scoreUnit(withRule({ kind: "linear", noItems: "zero" }, 80), new Map());
    expect(s.components[0]).toMatchObject({ kind: "missing", reason: "no-figures" });
  });
});

describe("a 0-point component is tracked: shown, never scored, never holds the score incomplete", () => {
  const index = parseIndex({
    ...fixtureIndex(),
    components: [
      ...fixtureIndex().components,
      { code: "thu-theo-doi", name: "E", group: "so-hoa", maxPoints: 0, source: "t", indicator: "thu-all" },
    ],
  });
  test("every scored component at its target: complete, with its band", () => {
    const figures = atTarget();
    const s = scoreUnit(index, figures);
    expect(s.components.find((c) => c.component.code === "thu-theo-doi")?.kind).toBe("unscorable");
    expect(s.unscorable).toEqual([]);
    expect(s.missing).toEqual([]);
    expect(s.complete).toBe(true);
    expect(formatPoints(s.total)).toBe("30");
    expect(s.band?.name).toBe("Tốt");
  });
});
