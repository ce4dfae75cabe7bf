/**
 * The change since last month (src/domain/index/change.ts) compares like with like: only the
 * components scored in both months, since a component without figures is not counted as zero.
 * Expected points worked out by hand from the fixture's rules (fixtures.ts).
 */
import { describe, expect, test } from "vitest";
import { scoreChange } from "../../../src/domain/index/change.js";
import { formatPoints } from "../../../src/domain/index/points.js";
import { parseIndex } from "../../../src/domain/index/resolveIndex.js";
import { scoreUnit } from "../../../src/domain/index/score.js";
import { fixtureIndex } from "./fixtures.js";

const index = parseIndex(fixtureIndex());
const figures = (entries: Readonly<Record<string, readonly [number, number]>>) =>
  new Map(Object.entries(entries).map(([code, [numerator, denominator]]) => [code, { numerator, denominator }]));

describe("the change since last month", () => {
  test.each([
    // [this month, last month, now, before, partial]
    // Same components: thu-linear 60/100 → 12 × 60/80 = 9 against 40/100 → 6; thu-all 1/1 → 4 both.
    [{ "thu-linear": [60, 100], "thu-all": [1, 1] }, { "thu-linear": [40, 100], "thu-all": [1, 1] }, "13", "10", null],
    // Early in the month: one of last month's three components reported so far. The change is on
    // thu-linear alone (9 against 6), not 9 against last month's 6 + 8 + 4 = 18.
    [{ "thu-linear": [60, 100] }, { "thu-linear": [40, 100], "thu-floor": [90, 100], "thu-all": [1, 1] }, "9", "6", 1],
    // A component new this month is left out of the comparison too: thu-steps 80/100 → 6.
    [{ "thu-linear": [80, 100], "thu-steps": [80, 100] }, { "thu-linear": [80, 100] }, "12", "12", 1],
  ] as const)("%j against %j: %s against %s, on %s components", (now, before, a, b, partial) => {
    const c = scoreChange(scoreUnit(index, figures(now)), scoreUnit(index, figures(before)));
    expect(c && [formatPoints(c.now), formatPoints(c.before), c.partial]).toEqual([a, b, partial]);
  });

  test("no component scored in both months: no change to show", () => {
    const c = scoreChange(
      scoreUnit(index, figures({ "thu-linear": [60, 100] })),
      scoreUnit(index, figures({ "thu-all": [1, 1] })),
    );
    expect(c).toBeNull();
  });
});
