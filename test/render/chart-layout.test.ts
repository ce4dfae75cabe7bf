import { describe, expect, test } from "vitest";
import { pageOptions } from "../../src/render/chart-config.js";
import {
  CHART_GEOMETRY,
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
  return { title: "Tỷ lệ hồ sơ trực tuyến", indicatorName: "Tỷ lệ (%)", bars, deadlineText: "30/09/2023" };
}

function manyBars(n: number): ChartBarInput[] {
  return Array.from({ length: n }, (_, i) => ({ label: `Xã ${i + 1}`, value: (i * 37) % 100, level: "xanh" }));
}

describe("planChartPages", () => {
  test("sorts best first, not-reported last, with ranks and Vietnamese percent text", () => {
    const [page] = planChartPages(
      input([
        { label: "Xã Nông Thượng", value: 55.5, level: "vang" },
        { label: "Phường Đức Xuân", value: 0, level: null, notReported: true },
        { label: "Ủy ban nhân dân xã Dương Quang", value: 79.18, level: "xanh" },
      ]),
    );
    expect(page?.bars.map((b) => [b.rank, b.label, b.valueText, b.color])).toEqual([
      [1, "UBND xã Dương Quang", "79,2%", LEVEL_COLORS.xanh],
      [2, "Xã Nông Thượng", "55,5%", LEVEL_COLORS.vang],
      [null, "Phường Đức Xuân", "chưa báo cáo", NOT_REPORTED_COLOR],
    ]);
  });

  test("prints a bar's valueText when given, keeping value for the length and the order", () => {
    const [page] = planChartPages(
      input([
        { label: "Xã A", value: (23 / 80) * 100, valueText: "28,8%", level: "vang" },
        { label: "Xã B", value: 50, level: "xanh" },
      ]),
    );
    expect(page?.bars.map((b) => [b.label, b.value, b.valueText])).toEqual([
      ["Xã B", 50, "50%"],
      ["Xã A", (23 / 80) * 100, "28,8%"],
    ]);
  });

  test("puts the deadline in the title", () => {
    expect(planChartPages(input(manyBars(3)))[0]?.titleLines).toEqual([
      "Tỷ lệ hồ sơ trực tuyến — chỉ tiêu đến 30/09/2023",
    ]);
  });

  test("85 bars → 3 balanced pages of one height, titled (1/3)…(3/3), ranks continuing across pages", () => {
    const pages = planChartPages(input(manyBars(85)));
    expect(pages.map((p) => p.bars.length)).toEqual([29, 28, 28]);
    expect(pages.map((p) => p.height)).toEqual([layoutHeightFor(29), layoutHeightFor(29), layoutHeightFor(29)]);
    expect(pages.map((p) => p.titleLines[0])).toEqual([
      "Tỷ lệ hồ sơ trực tuyến (1/3) — chỉ tiêu đến 30/09/2023",
      "Tỷ lệ hồ sơ trực tuyến (2/3) — chỉ tiêu đến 30/09/2023",
      "Tỷ lệ hồ sơ trực tuyến (3/3) — chỉ tiêu đến 30/09/2023",
    ]);
    expect(pages[1]?.bars[0]?.rank).toBe(30);
    expect(pages[2]?.bars.at(-1)?.rank).toBe(85);
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
    [40, 1],
    [41, 2],
    [80, 2],
    [81, 3],
  ])("%i bars → %i image(s)", (bars, images) => {
    expect(splitIntoPages(manyBars(bars), CHART_GEOMETRY.maxBarsPerImage)).toHaveLength(images);
  });

  test("image height grows with the bar count", () => {
    expect(imageHeightFor(30)).toBeGreaterThan(imageHeightFor(10));
    expect(layoutHeightFor(40)).toBe(CHART_GEOMETRY.chrome + 40 * CHART_GEOMETRY.rowHeight);
  });

  test.each([
    [0, 373],
    [7, 373],
    [9, 373],
    [10, 385],
    [29, 790],
    [30, 812],
    [40, 1025],
  ])("%i bars: an image %i px high (2/3 of the layout, as chart.js sizes its canvas)", (bars, px) => {
    expect(imageHeightFor(bars)).toBe(px);
  });
});
