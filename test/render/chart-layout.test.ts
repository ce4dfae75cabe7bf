import { describe, expect, test } from "vitest";
import { pageOptions } from "../../src/render/chart-config.js";
import {
  CHART_GEOMETRY,
  FOOTNOTE_HEIGHT,
  imageHeightFor,
  layoutHeightFor,
  LEVEL_COLORS,
  NOT_REPORTED_COLOR,
  planChartPages,
  splitIntoPages,
  type ChartBarInput,
  type IndicatorChartInput,
} from "../../src/render/chart-layout.js";

function input(bars: ChartBarInput[]): IndicatorChartInput {
  return { title: "Hồ sơ trực tuyến — tuần 30/11–04/12", bars };
}

function manyBars(n: number): ChartBarInput[] {
  return Array.from({ length: n }, (_, i) => ({ label: `Xã ${i + 1}`, value: (i * 37) % 100, level: "xanh" }));
}

describe("planChartPages", () => {
  test("keeps the caller's order (ranked by own target), not-reported last, Vietnamese percent text", () => {
    const [page] = planChartPages(
      input([
        { label: "Xã Nông Thượng", value: 55.5, level: "vang", target: { value: 60, text: "60%" } },
        { label: "Phường Đức Xuân", value: 0, level: null, notReported: true },
        { label: "Ủy ban nhân dân xã Dương Quang", value: 79.18, level: "xanh", target: { value: 75, text: "75%" } },
      ]),
    );
    expect(page?.bars.map((b) => [b.label, b.valueText, b.color, b.target?.text ?? null])).toEqual([
      ["Xã Nông Thượng", "55,5%", LEVEL_COLORS.vang, "60%"],
      ["UBND xã Dương Quang", "79,2%", LEVEL_COLORS.xanh, "75%"],
      ["Phường Đức Xuân", "chưa báo cáo", NOT_REPORTED_COLOR, null],
    ]);
  });

  test("prints a bar's valueText when given, keeping value for the length", () => {
    const [page] = planChartPages(
      input([{ label: "Xã A", value: (23 / 80) * 100, valueText: "28,8%", level: "vang" }]),
    );
    expect(page?.bars.map((b) => [b.label, b.value, b.valueText])).toEqual([["Xã A", (23 / 80) * 100, "28,8%"]]);
  });

  test("level counts of the whole chart on every page (the legend), colours nobody has left out", () => {
    const bars: ChartBarInput[] = [
      ...manyBars(12),
      { label: "Xã Đỏ", value: 5, level: "do" },
      { label: "Xã Chưa", value: 0, level: null, notReported: true },
    ];
    const pages = planChartPages(input(bars));
    expect(pages).toHaveLength(2);
    for (const p of pages)
      expect(p.counts.map((c) => [c.text, c.count])).toEqual([
        ["xanh", 12],
        ["đỏ", 1],
        ["chưa báo cáo", 1],
      ]);
  });

  test("a long title breaks at its dash", () => {
    const [page] = planChartPages({
      ...input(manyBars(1)),
      title: "Tỷ lệ thanh toán trực tuyến trên tổng số giao dịch của đơn vị — tuần 30/11–04/12",
    });
    expect(page?.titleLines).toEqual([
      "Tỷ lệ thanh toán trực tuyến trên tổng số giao dịch của đơn vị",
      "tuần 30/11–04/12",
    ]);
  });

  test("25 bars → 3 balanced pages of one height, titled (1/3)…(3/3)", () => {
    const pages = planChartPages(input(manyBars(25)));
    expect(pages.map((p) => p.bars.length)).toEqual([9, 8, 8]);
    expect(pages.map((p) => p.height)).toEqual([layoutHeightFor(9), layoutHeightFor(9), layoutHeightFor(9)]);
    expect(pages.map((p) => p.titleLines[0])).toEqual([
      "Hồ sơ trực tuyến — tuần 30/11–04/12 (1/3)",
      "Hồ sơ trực tuyến — tuần 30/11–04/12 (2/3)",
      "Hồ sơ trực tuyến — tuần 30/11–04/12 (3/3)",
    ]);
  });

  test("every page of an album shares the same 0–100% scale", () => {
    const data = input(manyBars(85));
    for (const page of planChartPages(data)) {
      const x = pageOptions(data, page).scales?.x;
      expect([x?.min, x?.max]).toEqual([0, 100]);
    }
  });

  test.each([
    [1, 1],
    [10, 1],
    [11, 2],
    [20, 2],
    [21, 3],
  ])("%i bars → %i image(s)", (bars, images) => {
    expect(splitIntoPages(manyBars(bars), CHART_GEOMETRY.maxBarsPerImage)).toHaveLength(images);
  });

  test("given level counts (every unit, though only some are drawn) replace the bars' own", () => {
    const [page] = planChartPages({
      ...input(manyBars(3)),
      levelCounts: { xanh: 40, vang: 2, cam: 0, do: 9, notReported: 5 },
    });
    expect(page?.counts.map((c) => [c.text, c.count])).toEqual([
      ["xanh", 40],
      ["vàng", 2],
      ["đỏ", 9],
      ["chưa báo cáo", 5],
    ]);
  });

  test("a footnote adds its line to the height", () => {
    const [plain] = planChartPages(input(manyBars(10)));
    const [noted] = planChartPages({ ...input(manyBars(10)), footnote: "Hiện 10/115 đơn vị" });
    expect((noted?.height ?? 0) - (plain?.height ?? 0)).toBe(FOOTNOTE_HEIGHT);
  });

  test("image height grows with the bar count", () => {
    expect(imageHeightFor(30)).toBeGreaterThan(imageHeightFor(10));
    expect(layoutHeightFor(40)).toBe(CHART_GEOMETRY.chrome + 40 * CHART_GEOMETRY.rowHeight);
  });

  test.each([
    [0, 1200],
    [9, 1200],
    [10, 1260],
  ])("%i bars: an image %i px high (portrait at least 1080×1200)", (bars, px) => {
    expect(imageHeightFor(bars)).toBe(px);
  });
});
