import { describe, expect, test } from "vitest";
import type { Comparison } from "../../src/domain/directive/schema.js";
import {
  checkFigures,
  compareRatios,
  gapWithin,
  meetsTarget,
  missingItems,
} from "../../src/domain/evaluation/ratio.js";

describe("meetsTarget — exact, at / just below / just above", () => {
  test.each<[number, number, number, Comparison, boolean]>([
    [69, 100, 70, "atLeast", false],
    [70, 100, 70, "atLeast", true],
    [7, 10, 70, "atLeast", true],
    [699, 1000, 70, "atLeast", false],
    [701, 1000, 70, "atLeast", true],
    [6999, 10000, 70, "atLeast", false],
    // 0.57 * 100 is 56.99999999999999 in floating point: the classic trap.
    [57, 100, 57, "atLeast", true],
    [57, 100, 57, "reach", true],
    [56, 100, 57, "atLeast", false],
    [57, 100, 57, "moreThan", false],
    [58, 100, 57, "moreThan", true],
    [7, 10, 70, "moreThan", false],
    [701, 1000, 70, "moreThan", true],
    [50, 100, 50, "moreThan", false],
    [51, 100, 50, "moreThan", true],
    [1, 3, 33.33, "atLeast", true],
    [1, 3, 33.34, "atLeast", false],
    [3333, 10000, 33.33, "atLeast", true],
    [3332, 10000, 33.33, "atLeast", false],
    [115, 200, 57.5, "atLeast", true],
    [114, 200, 57.5, "atLeast", false],
    [100, 100, 100, "reach", true],
    [99, 100, 100, "reach", false],
    [999, 1000, 100, "reach", false],
    [100, 100, 100, "moreThan", false],
    [70, 100, 70, "aspiration", true],
    [69, 100, 70, "aspiration", false],
  ])("%i/%i vs %f%% (%s) → %s", (n, d, target, comparison, expected) => {
    expect(meetsTarget({ numerator: n, denominator: d }, target, comparison)).toBe(expected);
  });
});

describe("missingItems — smallest k with (n+k)/d meeting the target", () => {
  test.each<[number, number, number, Comparison, number | "unreachable"]>([
    [69, 100, 70, "atLeast", 1],
    [70, 100, 70, "atLeast", 0],
    [80, 100, 70, "atLeast", 0],
    [70, 100, 70, "moreThan", 1],
    [699, 1000, 70, "atLeast", 1],
    [95, 120, 85, "atLeast", 7],
    [0, 3, 33.33, "atLeast", 1],
    [0, 7, 50, "moreThan", 4],
    [0, 8, 50, "moreThan", 5],
    [0, 8, 50, "atLeast", 4],
    [99, 100, 100, "reach", 1],
    [99, 100, 100, "moreThan", "unreachable"],
    [0, 1, 100, "moreThan", "unreachable"],
    [0, 155, 96.7, "atLeast", 150],
  ])("%i/%i vs %f%% (%s) → %s", (n, d, target, comparison, expected) => {
    const result = missingItems({ numerator: n, denominator: d }, target, comparison);
    if (expected === "unreachable") expect(result).toEqual({ kind: "unreachable" });
    else {
      expect(result).toEqual({ kind: "count", count: expected });
      expect(meetsTarget({ numerator: n + expected, denominator: d }, target, comparison)).toBe(true);
      if (expected > 0)
        expect(meetsTarget({ numerator: n + expected - 1, denominator: d }, target, comparison)).toBe(false);
    }
  });
});

describe("gapWithin — percentage points below target, exact", () => {
  test.each<[number, number, number, number, boolean]>([
    [60, 100, 70, 10, true],
    [599, 1000, 70, 10, false],
    [50, 100, 70, 20, true],
    [499, 1000, 70, 20, false],
    [1, 3, 43.33, 10, true],
    [1, 3, 43.34, 10, false],
  ])("%i/%i under %f%% within %f points → %s", (n, d, target, band, expected) => {
    expect(gapWithin({ numerator: n, denominator: d }, target, band)).toBe(expected);
  });
});

test("checkFigures explains bad figures in Vietnamese", () => {
  expect(checkFigures({ numerator: 3, denominator: 10 })).toBeNull();
  expect(checkFigures({ numerator: 0, denominator: 0 })).toBeNull();
  expect(checkFigures({ numerator: 11, denominator: 10 })).toMatch(/không được lớn hơn mẫu số/);
  expect(checkFigures({ numerator: -1, denominator: 10 })).toMatch(/không được âm/);
  expect(checkFigures({ numerator: 1.5, denominator: 10 })).toMatch(/số nguyên/);
});

test("compareRatios orders exactly, even where floats tie", () => {
  expect(compareRatios({ numerator: 1, denominator: 3 }, { numerator: 2, denominator: 6 })).toBe(0);
  expect(compareRatios({ numerator: 333333333, denominator: 1000000000 }, { numerator: 1, denominator: 3 })).toBe(-1);
  expect(
    compareRatios(
      { numerator: 9007199254740990, denominator: 9007199254740991 },
      { numerator: 9007199254740989, denominator: 9007199254740990 },
    ),
  ).toBe(1);
});
