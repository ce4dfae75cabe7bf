import { expect, test } from "vitest";
import { formatRatioPercent } from "../../src/domain/format.js";
import { countLevels, rankUnits, rollUp } from "../../src/domain/evaluation/rollup.js";

test("roll-up sums numerators and denominators, never averages ratios", () => {
  const r = rollUp([{ numerator: 1, denominator: 1 }, { numerator: 0, denominator: 99 }, null]);
  expect(r).toEqual({ figures: { numerator: 1, denominator: 100 }, reported: 2, notReported: 1 });
  expect(formatRatioPercent(1, 100)).toBe("1%"); // an average of ratios would say 50%
});

test("roll-up of nobody reporting is not zero", () => {
  expect(rollUp([null, null])).toEqual({ figures: null, reported: 0, notReported: 2 });
  expect(rollUp([])).toEqual({ figures: null, reported: 0, notReported: 0 });
});

test("ranking: ratio exactly, then denominator, then name; no dossiers, then not reported last", () => {
  const units = [
    { name: "Xã Chưa Báo", figures: null },
    { name: "Phường B", figures: { numerator: 1, denominator: 3 } },
    { name: "Phường A", figures: { numerator: 2, denominator: 6 } },
    { name: "Xã Đông", figures: { numerator: 0, denominator: 0 } },
    { name: "Xã Cao", figures: { numerator: 9, denominator: 10 } },
    { name: "Phường C", figures: { numerator: 2, denominator: 6 } },
    { name: "Xã Thấp", figures: { numerator: 333333333, denominator: 1000000000 } },
    { name: "Ấp Chưa Báo", figures: null },
  ];
  const ranked = rankUnits(units).map((r) => [r.rank, r.item.name]);
  expect(ranked).toEqual([
    [1, "Xã Cao"],
    [2, "Phường A"],
    [2, "Phường C"],
    [4, "Phường B"],
    [5, "Xã Thấp"],
    [null, "Xã Đông"],
    [null, "Ấp Chưa Báo"],
    [null, "Xã Chưa Báo"],
  ]);
});

test("counts per colour, with the uncoloured counted by reason", () => {
  const counts = countLevels([
    { status: "evaluated", level: "xanh" },
    { status: "evaluated", level: "xanh" },
    { status: "evaluated", level: "do" },
    { status: "evaluated", level: "vang" },
    { status: "not-reported", level: null },
    { status: "no-data", level: null },
    { status: "no-milestone", level: null },
  ]);
  expect(counts).toEqual({ xanh: 2, vang: 1, cam: 0, do: 1, notReported: 1, noData: 1, unjudged: 1 });
});
