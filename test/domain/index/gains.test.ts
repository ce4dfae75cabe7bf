import { describe, expect, test } from "vitest";
import { gainsFor } from "../../../src/domain/index/gains.js";
import { formatPoints } from "../../../src/domain/index/points.js";
import { parseIndex } from "../../../src/domain/index/resolveIndex.js";
import { fixtureIndex } from "./fixtures.js";

const f = (numerator: number, denominator: number) => ({ numerator, denominator });
const index = parseIndex(fixtureIndex());
const lines = (figures: Map<string, { numerator: number; denominator: number }>) =>
  gainsFor(index, figures).map((g) => `${g.verb} ${g.items} ${g.itemWord} → +${formatPoints(g.points)} (${g.reaches})`);

describe("what gains the most", () => {
  test("ranked by points per item, in the unit's words", () => {
    const figures = new Map([
      ["thu-linear", f(50, 100)], // 7,5 of 12: 30 more dossiers → +4,5 (0,15 per item)
      ["thu-floor", f(80, 100)], // 6 of 8: 10 more → +2 (0,2 per item)
      ["thu-steps", f(50, 100)], // step 2 (2 points): 10 more reach 60% → +2 (0,2 per item, fewer points… tie)
      ["thu-all", f(9, 10)], // 0 of 4: 1 more → +4 (4 per item)
    ]);
    expect(lines(figures)).toEqual([
      "thêm 1 TTHC → +4 (full)",
      "thêm 10 hồ sơ → +2 (full)",
      "số hoá 10 kết quả → +2 (step)",
      "thêm 30 hồ sơ trực tuyến → +4,5 (full)",
    ]);
  });

  test("a component at full points, or without figures, gains nothing to name", () => {
    const figures = new Map([
      ["thu-linear", f(80, 100)],
      ["thu-floor", f(0, 0)],
      ["thu-steps", f(85, 100)],
    ]);
    expect(lines(figures)).toEqual([]);
  });

  test("items are counted exactly at the current denominator (7 of 9 → 80% needs 1 more: 8/9)", () => {
    const g = gainsFor(index, new Map([["thu-linear", f(7, 9)]]))[0];
    expect(g?.items).toBe(1);
    expect(g?.toPercent).toBe(80);
    // 7/9 = 77,77…% → 12 × 77,77/80 = 11,666… → +0,333…
    expect(g && formatPoints(g.points)).toBe("0,33");
  });

  test("below the first step, the next threshold is the first step", () => {
    const g = gainsFor(index, new Map([["thu-steps", f(10, 100)]]))[0];
    expect(g).toMatchObject({ items: 30, reaches: "step", toPercent: 40 });
    expect(g && formatPoints(g.points)).toBe("2");
  });
});

describe("the illustrative example of docs/INDEX.md", () => {
  test("score and gains of a unit on the test index, in the unit's words", async () => {
    const { gainLine, totalLine } = await import("../../../src/messages/indexScore.js");
    const { scoreUnit } = await import("../../../src/domain/index/score.js");
    const figures = new Map([
      ["thu-linear", f(50, 100)],
      ["thu-floor", f(80, 100)],
      ["thu-steps", f(50, 100)],
      ["thu-all", f(9, 10)],
    ]);
    const s = scoreUnit(index, figures);
    expect(totalLine(s)).toBe("15,5/30 điểm");
    expect(s.band?.name).toBe("Khá");
    expect(s.groups.map((g) => `${g.group.name} ${formatPoints(g.points)}/${formatPoints(g.max)}`)).toEqual([
      "Trực tuyến 13,5/20",
      "Số hoá 2/10",
    ]);
    expect(gainsFor(index, figures, s).map(gainLine)).toEqual([
      "thêm 1 TTHC → +4 điểm",
      "thêm 10 hồ sơ → +2 điểm",
      "số hoá 10 kết quả → +2 điểm",
      "thêm 30 hồ sơ trực tuyến → +4,5 điểm",
    ]);
  });
});
