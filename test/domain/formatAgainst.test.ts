/** A ratio that misses its target is never printed as the target or above it (and a pass never below). */
import { expect, test } from "vitest";
import { formatRatioAgainst } from "../../src/domain/format.js";
import { evaluate } from "../../src/domain/evaluation/index.js";
import { makeDirective } from "./evaluationFixtures.js";

test.each([
  // [numerator, denominator, target, comparison, printed]
  [9_499, 10_000, 95, "atLeast", "94,99%"],
  [9_500, 10_000, 95, "atLeast", "95%"],
  [9_501, 10_000, 95, "atLeast", "95%"],
  [5_999, 10_000, 60, "atLeast", "59,99%"],
  [6_000, 10_000, 60, "atLeast", "60%"],
  [59_999, 100_000, 60, "atLeast", "59,999%"],
  [5_000, 10_000, 50, "moreThan", "50%"],
  [5_001, 10_000, 50, "moreThan", "50,01%"],
  [50_004, 100_000, 50, "moreThan", "50,004%"],
  [99_999, 100_000, 100, "reach", "99,999%"],
  [1, 1, 100, "reach", "100%"],
  [7_950, 10_000, 79.5, "atLeast", "79,5%"],
  [7_949, 10_000, 79.5, "atLeast", "79,49%"],
  [5_751, 10_000, 57.51, "atLeast", "57,51%"],
  [5_750, 10_000, 57.51, "atLeast", "57,5%"],
  [95, 120, 70, "atLeast", "79,2%"],
  [0, 10, 70, "atLeast", "0%"],
  [9_499, 10_000, 95, "aspiration", "94,99%"],
] as const)("%i/%i against %s (%s) → %s", (n, d, target, comparison, printed) => {
  expect(formatRatioAgainst(n, d, target, comparison)).toBe(printed);
});

test("the evaluation prints the ratio against the target it is judged on", () => {
  const d = makeDirective({
    milestones: [
      {
        indicator: "hs-truc-tuyen",
        scope: { tiers: ["xa"] },
        deadline: "31/12/2023",
        target: 95,
        comparison: "atLeast",
      },
    ],
  });
  const e = evaluate({
    unit: { tier: "xa" },
    indicatorCode: "hs-truc-tuyen",
    figures: { numerator: 9_499, denominator: 10_000 },
    asOf: "2023-12-31",
    directives: [d],
  });
  expect(e).toMatchObject({ met: false, percentText: "94,99%" });
});
