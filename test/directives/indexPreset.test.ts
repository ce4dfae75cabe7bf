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

  test("only what a text or the portal's confirmed practice gives is scored; the rest says why", async () => {
    const index = await preset();
    // Scored: max, target and rule each from a text or from the portal's answers checked by hand
    // (docs/INDEX.md "QĐ 766/QĐ-TTg"). Before the portal's answers were found only ct766-5.4 was.
    expect(index.components.filter(isScorable).map((c) => c.code)).toEqual([
      "ct766-1.3",
      "ct766-2.1",
      "ct766-3.5",
      "ct766-3.5b",
      "ct766-3.6",
      "ct766-4.1",
      "ct766-4.2",
      "ct766-4.3",
      "ct766-4.5",
      "ct766-4.5b",
      "ct766-5.2",
      "ct766-5.3",
      "ct766-5.4",
    ]);
    // 5.1 carries 0 points on the portal: tracked only, neither scored nor "unscorable".
    expect(index.components.filter((c) => c.maxPoints === 0).map((c) => c.code)).toEqual(["ct766-5.1"]);
    const unknown = index.components.filter((c) => !isScorable(c) && c.maxPoints !== 0);
    expect(unknown.map((c) => c.code)).toEqual([
      "ct766-1.1",
      "ct766-1.2",
      "ct766-1.4",
      "ct766-3.1",
      "ct766-3.2",
      "ct766-3.3",
      "ct766-4.4",
      "ct766-4.6",
    ]);
    for (const c of unknown) expect(c.unknown).toBeTruthy();
    // Every number taken from the portal says so: practice, not the decision's text.
    for (const c of index.components.filter((x) => x.source.includes("[S6]") && x.maxPoints !== undefined))
      expect(c.source, c.code).toMatch(/thực tiễn chấm điểm của Cổng DVCQG, không phải văn bản/);
  });

  test("the maxima by group: the decision's groups [S1], split as the portal scores them", async () => {
    const index = await preset();
    const max = (g: string) =>
      index.components.filter((c) => c.group === g).map((c) => `${c.code.slice(6)}:${c.maxPoints ?? "?"}`);
    expect(max("cong-khai")).toEqual(["1.1:6", "1.2:4", "1.3:2", "1.4:6"]); // 18
    expect(max("tien-do")).toEqual(["2.1:20"]);
    expect(max("so-hoa")).toEqual(["4.1:6", "4.2:4", "4.3:2", "4.4:4", "4.5:2", "4.5b:2", "4.6:2"]); // 22
    // 22 = DVCTT 12 (no per-component points published) + payment 2 + 2 + 6.
    expect(max("truc-tuyen")).toEqual(["3.1:?", "3.2:?", "3.3:?", "3.5:2", "3.5b:2", "3.6:6"]);
    expect(max("hai-long")).toEqual(["5.1:0", "5.2:6", "5.3:6", "5.4:6"]); // 18
  });

  /**
   * The portal's own answers (ChippedTopaz/qd766 @4b89c951, tests/fixtures/*\/month-all.json):
   * numerator, denominator and the score the portal gave, reproduced by the preset. By hand:
   *   1.3  2 × 87/89 = 1,955 → 1,96 (full at 80% would be 2)
   *   2.1  20 × 486/588 = 16,531 → 16,53; 20 × 939/1038 = 18,092 → 18,09; 0/0 → 0 (no dossiers)
   *   4.1  6 × 133274/184513 = 4,334 → 4,33 (80% would be 5,42)
   *   4.2  4 × 261/326 = 3,2025 → 3,2 (full at 80% would be 4)
   *   4.3  2 × (3160/184513) / 0,8 = 0,0428 → 0,04; 2 × (44/1770) / 0,8 = 0,0621 → 0,06 (÷100: 0,03; 0,05)
   *   4.5  2 × 297/1301 = 0,4566 → 0,46;  4.5b  2 × 85644/184513 = 0,9283 → 0,93
   *   5.2  6 × 182/247 = 4,421 → 4,42; 0/0 → 6 (no petitions)
   *   5.3  6 × 137/247 = 3,328 → 3,33; 0/2 → 0; 0/0 → 6
   *   5.4  6 × (144574/184513) / 0,9 = 5,2236 → 5,22 (÷100: 4,70); 939/1038 ≥ 90% → 6; 0/0 → 0
   */
  test.each([
    ["ct766-1.3", 87, 89, "1,96"],
    ["ct766-2.1", 486, 588, "16,53"],
    ["ct766-2.1", 939, 1038, "18,09"],
    ["ct766-2.1", 0, 0, "0"],
    ["ct766-4.1", 133274, 184513, "4,33"],
    ["ct766-4.2", 261, 326, "3,2"],
    ["ct766-4.3", 3160, 184513, "0,04"],
    ["ct766-4.3", 44, 1770, "0,06"],
    ["ct766-4.5", 297, 1301, "0,46"],
    ["ct766-4.5b", 85644, 184513, "0,93"],
    ["ct766-5.2", 182, 247, "4,42"],
    ["ct766-5.2", 0, 0, "6"],
    ["ct766-5.3", 137, 247, "3,33"],
    ["ct766-5.3", 0, 2, "0"],
    ["ct766-5.3", 0, 0, "6"],
    ["ct766-5.4", 144574, 184513, "5,22"],
    ["ct766-5.4", 939, 1038, "6"],
    ["ct766-5.4", 0, 0, "0"],
  ])("the portal's answer %s %i/%i → %s điểm", async (code, n, d, expected) => {
    const index = await preset();
    const s = scoreUnit(index, new Map([[code, f(n, d)]]));
    const c = s.components.find((x) => x.component.code === code);
    expect(c?.kind === "scored" ? formatPoints(c.points) : c?.kind).toBe(expected);
  });

  /**
   * The payment group: the portal publishes only its total (of 10). By hand, 6 × (3.6) +
   * min(2; 2 × (3.5b)/80%) + min(2; 2 × (3.5)/80%):
   *   province: 6 × 82913/98459 = 5,0527; 2,5 × 93/310 = 0,75; 2,5 × 56/310 = 0,4516 → 6,2544 → 6,25
   *   Sở Công Thương: 6 × 44/44 = 6; 7/8 = 87,5% ≥ 80% → 2; 0/8 → 0 → 8
   *   Phường Việt Trì: 6 × 1516/1707 = 5,3286; 2,5 × 12/35 = 0,8571; 2,5 × 7/35 = 0,5 → 6,6858 → 6,69
   *   Sở Giáo dục: no dossier with a fee (0/0) → 0; 0/2; 0/2 → 0
   */
  test.each<[string, string, [number, number], [number, number], [number, number]]>([
    ["tỉnh", "6,25", [82913, 98459], [93, 310], [56, 310]],
    ["Sở Công Thương", "8", [44, 44], [7, 8], [0, 8]],
    ["Phường Việt Trì", "6,69", [1516, 1707], [12, 35], [7, 35]],
    ["Sở Giáo dục", "0", [0, 0], [0, 2], [0, 2]],
  ])("the portal's payment total, %s → %s điểm", async (_, expected, a, b, c) => {
    const index = await preset();
    const s = scoreUnit(
      index,
      new Map([
        ["ct766-3.6", f(...a)],
        ["ct766-3.5b", f(...b)],
        ["ct766-3.5", f(...c)],
      ]),
    );
    expect(formatPoints(s.total)).toBe(expected);
  });

  test("a month with no figures for a component without noItems is no data, not zero", async () => {
    const index = await preset();
    const s = scoreUnit(index, new Map([["ct766-4.1", f(0, 0)]]));
    expect(s.components.find((x) => x.component.code === "ct766-4.1")).toMatchObject({
      kind: "missing",
      reason: "no-data",
    });
  });

  /**
   * docs/INDEX.md "Ví dụ". A commune's month, by hand from the file:
   *   2.1  180/200 = 90%, linear to 100%, 20 points → 20 × 0,9 = 18
   *   4.2  130/200 = 65%, linear to 100%, 4 points → 2,6
   *   4.3  20/200 = 10%, full at 80%, 2 points → 2 × 10/80 = 0,25
   *   5.2  0/0, no petitions → the full 6
   *   5.4  171/200 = 85,5%, full at 90%, 6 points → 6 × 85,5/90 = 5,7
   *   3.3  40/200: no maximum known → shown, not scored
   * Total 18 + 2,6 + 0,25 + 6 + 5,7 = 32,55 of the 20 + 4 + 2 + 6 + 6 = 38 points with figures.
   * Gains at the same denominators, by points per item: 2.1 20 more → 200/200 = +2 (0,1 a dossier);
   * 5.4 9 more → 180/200 = 90% → +0,3 (0,033); 4.2 70 more → +1,4 (0,02); 4.3 140 more → 160/200 =
   * 80% → +1,75 (0,0125).
   */
  test("the worked example of docs/INDEX.md", async () => {
    const index = await preset();
    const figures = new Map([
      ["ct766-2.1", f(180, 200)],
      ["ct766-4.2", f(130, 200)],
      ["ct766-4.3", f(20, 200)],
      ["ct766-5.2", f(0, 0)],
      ["ct766-5.4", f(171, 200)],
      ["ct766-3.3", f(40, 200)],
    ]);
    const s = scoreUnit(index, figures);
    expect(`${formatPoints(s.total)}/${formatPoints(s.maxAvailable)}`).toBe("32,55/38");
    expect(s.missing.map((c) => c.code)).toEqual([
      "ct766-1.3",
      "ct766-3.5",
      "ct766-3.5b",
      "ct766-3.6",
      "ct766-4.1",
      "ct766-4.5",
      "ct766-4.5b",
      "ct766-5.3",
    ]);
    expect(s.unscorable.length).toBe(8);
    expect(s.complete).toBe(false);
    expect(s.band).toBeNull();
    expect(s.groups.map((g) => `${g.group.code} ${formatPoints(g.points)}/${formatPoints(g.maxAvailable)}`)).toEqual([
      "cong-khai 0/0",
      "tien-do 18/20",
      "so-hoa 2,85/6",
      "truc-tuyen 0/0",
      "hai-long 11,7/12",
    ]);
    const unscorableWithFigures = s.components.flatMap((c) =>
      c.kind === "unscorable" && c.figures ? [c.component.code] : [],
    );
    expect(unscorableWithFigures).toEqual(["ct766-3.3"]);
    const gains = gainsFor(index, figures, s).map(
      (g) => `${g.verb} ${g.items} ${g.itemWord} → +${formatPoints(g.points)} điểm`,
    );
    expect(gains).toEqual([
      "giải quyết đúng hạn 20 hồ sơ → +2 điểm",
      "thêm 9 hồ sơ hài lòng (đúng hạn, không bị phản ánh) → +0,3 điểm",
      "số hoá 70 hồ sơ → +1,4 điểm",
      "tái sử dụng dữ liệu cho 140 hồ sơ → +1,75 điểm",
    ]);
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

describe("/chiso for a unit that has reported nothing of the preset yet", () => {
  test("the missing components come most points first, five with their command, the rest sent to /mau", async () => {
    const { unitIndexView } = await import("../../src/services/index/view.js");
    const { indexTexts } = await import("../../src/messages/indexScore.js");
    const index = await preset();
    const unit = { code: "X1", name: "UBND xã Một", tier: "xa", parentCode: null };
    const v = unitIndexView(index, unit, "2026-12", new Map([["ct766-5.4", f(171, 200)]]), null);
    // 2.1 (20 points), then the 6-point ones in the file's order (3.6, 4.1, 5.2, 5.3), 4.2 (4),
    // then the 2-point ones; 5.4 has figures and is not missing.
    expect(v.missing.map((m) => m.code)).toEqual([
      "ct766-2.1",
      "ct766-3.6",
      "ct766-4.1",
      "ct766-5.2",
      "ct766-5.3",
      "ct766-4.2",
      "ct766-1.3",
      "ct766-3.5",
      "ct766-3.5b",
      "ct766-4.3",
      "ct766-4.5",
      "ct766-4.5b",
    ]);
    const text = indexTexts.unit(v);
    expect(text).toContain("Chưa có số liệu (12)");
    expect(text).toContain("/nop ct766-2.1 120 95");
    expect(text).toContain("/nop ct766-5.3 120 95");
    expect(text).not.toContain("/nop ct766-4.2 120 95");
    expect(text).toContain("… và 7 thành phần khác: gửi cả bảng theo mẫu /mau.");
  });
});

describe("every rule the QĐ 766 sources give, at, below and above its target", () => {
  // Some of these components (3.1, 3.3) have no known maximum: the rule is checked as a share of
  // the maximum (max = 1 point), which needs no number that no source gives.
  test("each linear rule: full share at and above the target, proportional below", async () => {
    const { componentPoints } = await import("../../src/domain/index/score.js");
    const index = await preset();
    const withRule = index.components.flatMap((c) => (c.rule && c.target !== undefined ? [c] : []));
    expect(withRule.map((c) => `${c.code}@${c.target}`)).toEqual([
      "ct766-1.3@100",
      "ct766-2.1@100",
      "ct766-3.1@80",
      "ct766-3.3@50",
      "ct766-3.5@80",
      "ct766-3.5b@80",
      "ct766-3.6@100",
      "ct766-4.1@100",
      "ct766-4.2@100",
      "ct766-4.3@80",
      "ct766-4.5@100",
      "ct766-4.5b@100",
      "ct766-5.2@100",
      "ct766-5.3@100",
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
