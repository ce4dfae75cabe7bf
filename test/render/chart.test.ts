import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { beforeAll, describe, expect, test } from "vitest";
import { renderIndicatorChart, type IndicatorChartInput } from "../../src/render/chart.js";
import { CHART_GEOMETRY, IMAGE_WIDTH, imageHeightFor } from "../../src/render/chart-layout.js";
import { registerChartFonts } from "../../src/assets/fonts.js";
import { CHART_FONT_FAMILY } from "../../src/render/chart-font.js";
import { pixelDifference, pngSize } from "./image-diff.js";

const GOLDEN = fileURLToPath(new URL("./golden/indicator-chart.png", import.meta.url));

/** The golden chart: diacritics-heavy names, every colour level, a unit that did not report. */
const goldenInput: IndicatorChartInput = {
  title: "Tỷ lệ hồ sơ trực tuyến toàn trình",
  subtitle: "Tháng 09/2023 — huyện Chợ Mới",
  indicatorName: "Tỷ lệ hồ sơ trực tuyến (%)",
  bars: [
    { label: "Xã Nông Thượng", value: 62.5, level: "vang" },
    { label: "Phường Đức Xuân", value: 79.2, level: "xanh" },
    { label: "Ủy ban nhân dân xã Dương Quang", value: 41, level: "cam" },
    { label: "Phòng Văn hoá và Thông tin", value: 88.35, level: "xanh" },
    { label: "Xã Huyền Tụng", value: 12.4, level: "do" },
    { label: "Trung tâm Phục vụ hành chính công tỉnh Bắc Kạn", value: 70, level: "xanh" },
    { label: "Xã Nguyễn Thị Minh Khai", value: 0, level: null, notReported: true },
  ],
  target: { value: 70, label: "Chỉ tiêu 70%" },
  deadlineText: "30/09/2023",
  format: "png",
};

function manyBars(n: number): IndicatorChartInput["bars"] {
  return Array.from({ length: n }, (_, i) => ({ label: `Xã Số ${i + 1}`, value: (i * 37) % 100, level: "cam" }));
}

describe("renderIndicatorChart", () => {
  beforeAll(() => registerChartFonts());

  test("PNG: valid signature, 800 px wide, height from the bar count, decodable", async () => {
    const [png] = await renderIndicatorChart(goldenInput);
    if (png === undefined) throw new Error("no image");
    expect(IMAGE_WIDTH).toBe(800);
    expect(imageHeightFor(30)).toBe(812);
    expect(pngSize(png)).toEqual({ width: 800, height: imageHeightFor(7) });
    const image = await loadImage(png);
    expect([image.width, image.height]).toEqual([800, imageHeightFor(7)]);
  });

  test("JPEG by default: same size, and the same picture as the PNG (colours in the right channels)", async () => {
    const [jpeg] = await renderIndicatorChart({ ...goldenInput, format: undefined });
    const [png] = await renderIndicatorChart(goldenInput);
    expect(jpeg?.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const image = await loadImage(jpeg ?? Buffer.alloc(0));
    expect([image.width, image.height]).toEqual([800, imageHeightFor(7)]);
    // Swapped red and blue would turn the green and orange bars (≈ 8% of the image) into other colours.
    expect(await pixelDifference(jpeg ?? Buffer.alloc(0), png ?? Buffer.alloc(0))).toBeLessThan(0.005);
  });

  test('the widest rank, "40. ", fits in the room the y axis makes for ranks', () => {
    registerChartFonts();
    const ctx = createCanvas(10, 10).getContext("2d");
    ctx.font = `${CHART_GEOMETRY.labelFontPx}px "${CHART_FONT_FAMILY}"`;
    const widest = ctx.measureText(`${CHART_GEOMETRY.maxBarsPerImage}.`).width + ctx.measureText(" ").width;
    expect(widest).toBeLessThanOrEqual(CHART_GEOMETRY.rankColumn);
  });

  test("the goal line and its label are drawn only when there is a milestone", async () => {
    const [withGoal] = await renderIndicatorChart(goldenInput);
    const [without] = await renderIndicatorChart({ ...goldenInput, target: undefined });
    const [atHundred] = await renderIndicatorChart({
      ...goldenInput,
      target: { value: 100, label: "Chỉ tiêu 100% (0/7 đơn vị)" },
    });
    const [withGoalAgain] = await renderIndicatorChart(goldenInput);
    const none = Buffer.alloc(0);
    expect(await pixelDifference(withGoal ?? none, without ?? none)).toBeGreaterThan(0.002);
    expect(await pixelDifference(withGoal ?? none, atHundred ?? none)).toBeGreaterThan(0.002);
    expect(await pixelDifference(withGoal ?? none, withGoalAgain ?? none, 0)).toBe(0);
  });

  test("85 bars → an album of 3 images of one size", async () => {
    const images = await renderIndicatorChart({ ...goldenInput, bars: manyBars(85) });
    const size = { width: 800, height: imageHeightFor(29) };
    expect(images.map((img) => pngSize(img))).toEqual([size, size, size]);
  });

  test("a 30-bar chart after a 3-bar one is not stretched by the reused canvas", async () => {
    await renderIndicatorChart({ ...goldenInput, bars: manyBars(3) });
    const [png] = await renderIndicatorChart({ ...goldenInput, bars: manyBars(30) });
    expect(pngSize(png ?? Buffer.alloc(0)).height).toBe(imageHeightFor(30));
  });

  // Regenerate (then LOOK at it) with UPDATE_GOLDEN=1 npx vitest run test/render/chart.test.ts
  test("matches the reviewed golden image loosely", async () => {
    const [png] = await renderIndicatorChart(goldenInput);
    if (png === undefined) throw new Error("no image");
    if (process.env.UPDATE_GOLDEN === "1" || !existsSync(GOLDEN)) writeFileSync(GOLDEN, png);
    const golden = readFileSync(GOLDEN);
    expect(pngSize(png)).toEqual(pngSize(golden));
    expect(await pixelDifference(png, golden)).toBeLessThan(0.01);
  });

  test("the same input renders the same picture twice (no state leaks between calls)", async () => {
    const [a] = await renderIndicatorChart(goldenInput);
    await renderIndicatorChart({ ...goldenInput, bars: manyBars(40), target: undefined, subtitle: undefined });
    const [b] = await renderIndicatorChart(goldenInput);
    expect(await pixelDifference(a ?? Buffer.alloc(0), b ?? Buffer.alloc(0), 0)).toBe(0);
  });
});
