import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parseUnitListText } from "../../src/directives/loadDirective.js";
import { indexAppliesTo } from "../../src/domain/index/applies.js";
import { loadIndexFile, loadIndexPresets } from "../../src/directives/loadIndex.js";
import { gainsFor } from "../../src/domain/index/gains.js";
import { formatPoints } from "../../src/domain/index/points.js";
import { scoreUnit } from "../../src/domain/index/score.js";
import { isScorable } from "../../src/domain/index/schema.js";

const PRESET = "directives/indices/qd-766-ttg-2022.yaml";
const f = (numerator: number, denominator: number) => ({ numerator, denominator });

async function preset() {
  const r = await loadIndexFile(PRESET);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  return r.index;
}

describe("the QĐ 766/QĐ-TTg preset", () => {
  test("with every preset's unit list loaded at once, it scores the UBND of every level and the departments, nothing else", async () => {
    const index = await preset();
    const units = readdirSync("directives/units")
      .filter((f) => f.endsWith(".yaml"))
      .flatMap((f) => {
        const r = parseUnitListText(readFileSync(`directives/units/${f}`, "utf8"), "yaml");
        if (!r.ok) throw new Error(`${f}: ${r.problems.map((p) => p.message).join("; ")}`);
        return r.units.units;
      });
    const scored = new Set(units.filter((u) => indexAppliesTo(index, u)).map((u) => u.tier));
    const notScored = new Set(units.filter((u) => !indexAppliesTo(index, u)).map((u) => u.tier));
    // "UBND các cấp" and the departments; a provincial city's UBND (Bà Rịa, Bắc Kạn) is a UBND too.
    expect([...scored].sort()).toEqual(["huyen", "so-ban-nganh", "thanh-pho", "tinh", "xa"]);
    // No score of their own under the index: a district's offices, mass organisations, public
    // service units, vertical and central agencies.
    expect([...notScored].sort()).toEqual([
      "co-quan-tw",
      "doan-the",
      "don-vi-su-nghiep",
      "nganh-doc",
      "phong-chuyen-mon",
    ]);
    expect(
      units.filter((u) => u.code === "BR-UBND" || u.code === "BK-UBND").every((u) => indexAppliesTo(index, u)),
    ).toBe(true);
  });

  test("loads and validates, with every preset of directives/indices", async () => {
    const all = await loadIndexPresets();
    expect(all.map((r) => (r.ok ? r.index.code : r.problems))).toEqual(["qd-766-ttg-2022"]);
  });

  test("five groups of the decision, 100 points", async () => {
    const index = await preset();
    expect(index.groups.map((g) => `${g.name}: ${g.maxPoints}`)).toEqual([
      "Công khai, minh bạch: 18",
      "Tiến độ, kết quả giải quyết: 20",
      "Số hóa hồ sơ: 22",
      "Cung cấp dịch vụ trực tuyến: 22",
      "Mức độ hài lòng: 18",
    ]);
    expect(index.totalMaxPoints).toBe(100);
  });

  test("every component has a reportable ratio indicator of its own code", async () => {
    const index = await preset();
    for (const c of index.components) {
      expect(c.indicator).toBe(c.code);
      const ind = index.indicators.find((i) => i.code === c.code);
      expect(ind?.kind).toBe("ratio");
      expect(ind?.denominator).toBeTruthy();
    }
  });

  test("only what the sources give is scored; the rest says why", async () => {
    const index = await preset();
    expect(index.components.filter(isScorable).map((c) => c.code)).toEqual(["ct766-5.4"]);
    for (const c of index.components.filter((x) => !isScorable(x))) expect(c.unknown).toBeTruthy();
  });

  test.each([
    [89, 100, "5,93"], // just below 90%: 6 × 89/90
    [90, 100, "6"], // at
    [91, 100, "6"], // above: capped
    [45, 100, "3"], // half the target, half the points
  ])("ct766-5.4 %i/%i → %s điểm", async (n, d, expected) => {
    const index = await preset();
    const s = scoreUnit(index, new Map([["ct766-5.4", f(n, d)]]));
    const c = s.components.find((x) => x.component.code === "ct766-5.4");
    expect(c?.kind === "scored" ? formatPoints(c.points) : c?.kind).toBe(expected);
  });

  test("the worked example of docs/INDEX.md", async () => {
    const index = await preset();
    const figures = new Map([
      ["ct766-5.4", f(171, 200)],
      ["ct766-2.1", f(180, 200)],
      ["ct766-3.3", f(40, 200)],
    ]);
    const s = scoreUnit(index, figures);
    expect(`${formatPoints(s.total)}/${formatPoints(s.maxAvailable)}`).toBe("5,7/6");
    expect(s.missing).toEqual([]);
    expect(s.unscorable.length).toBe(18);
    expect(s.complete).toBe(false);
    expect(s.band).toBeNull();
    const unscorableWithFigures = s.components.flatMap((c) =>
      c.kind === "unscorable" && c.figures ? [c.component.code] : [],
    );
    expect(unscorableWithFigures).toEqual(["ct766-2.1", "ct766-3.3"]);
    const gains = gainsFor(index, figures, s).map(
      (g) => `${g.verb} ${g.items} ${g.itemWord} → +${formatPoints(g.points)} điểm`,
    );
    expect(gains).toEqual(["thêm 9 hồ sơ hài lòng (đúng hạn, không bị phản ánh) → +0,3 điểm"]);
  });
});

describe("the words of the worked example", () => {
  test("total and gain lines", async () => {
    const { gainLine, totalLine } = await import("../../src/messages/indexScore.js");
    const index = await preset();
    const figures = new Map([["ct766-5.4", f(171, 200)]]);
    const s = scoreUnit(index, figures);
    expect(totalLine(s)).toBe("5,7/6 điểm trên các thành phần đã có số liệu");
    expect(gainsFor(index, figures, s).map(gainLine)).toEqual([
      "thêm 9 hồ sơ hài lòng (đúng hạn, không bị phản ánh) → +0,3 điểm",
    ]);
  });
});

describe("every rule the QĐ 766 sources give, at, below and above its target", () => {
  // Most of these components have no known maximum: the rule is checked as a share of the
  // maximum (max = 1 point), which needs no number that no text gives.
  test("each linear rule: full share at and above the target, proportional below", async () => {
    const { componentPoints } = await import("../../src/domain/index/score.js");
    const index = await preset();
    const withRule = index.components.flatMap((c) => (c.rule && c.target !== undefined ? [c] : []));
    expect(withRule.map((c) => `${c.code}@${c.target}`)).toEqual([
      "ct766-3.1@80",
      "ct766-3.3@50",
      "ct766-3.5@80",
      "ct766-4.2@80",
      "ct766-4.3@80",
      "ct766-5.4@90",
    ]);
    const { comparePoints, pointsOf } = await import("../../src/domain/index/points.js");
    for (const c of withRule) {
      const t = c.target ?? 0;
      // Just below the target is strictly less than the maximum, even where it shows as "1".
      const below = componentPoints(f(t * 10 - 1, 1000), c.rule ?? { kind: "linear" }, t, 1);
      expect(comparePoints(below, pointsOf(1)), c.code).toBe(-1);
      const share = (n: number) => formatPoints(componentPoints(f(n, 1000), c.rule ?? { kind: "linear" }, t, 1));
      expect([share(t * 10 - 1), share(t * 10), share(t * 10 + 1), share((t * 10) / 2)], c.code).toEqual([
        formatPoints(componentPoints(f(t * 10 - 1, t * 10), { kind: "linear" }, 100, 1)),
        "1",
        "1",
        "0,5",
      ]);
    }
  });
});
