import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadImage } from "@napi-rs/canvas";
import { beforeAll, describe, expect, test } from "vitest";
import { renderIndicatorChart, type IndicatorChartInput } from "../../src/render/chart.js";
import { CHART_GEOMETRY, IMAGE_WIDTH, imageHeightFor } from "../../src/render/chart-layout.js";
import { registerChartFonts } from "../../src/assets/fonts.js";
import { pixelDifference, pngSize } from "./image-diff.js";

const GOLDEN = fileURLToPath(new URL("./golden/indicator-chart.png", import.meta.url));

const t = (value: number) => ({ value, text: `${value}%` });

/**
 * The golden chart: diacritics-heavy names, every colour level, targets that differ by tier
 * (departments 85%, communes 70%), a unit that did not report; in the order the digest ranks them.
 */
const goldenInput: IndicatorChartInput = {
  title: "Hồ sơ trực tuyến toàn trình — tuần 30/11–04/12",
  subtitle: "huyện Chợ Mới · tháng 11/2026 · đến ngày 30/11/2026",
  bars: [
    { label: "Xã Huyền Tụng", value: 12.4, level: "do", target: t(70) },
    { label: "Ủy ban nhân dân xã Dương Quang", value: 41, level: "cam", target: t(70) },
    { label: "Xã Nông Thượng", value: 62.5, level: "vang", target: t(70) },
    { label: "Phòng Văn hoá và Thông tin", value: 79.2, level: "vang", target: t(85) },
    { label: "Trung tâm Phục vụ hành chính công tỉnh Bắc Kạn", value: 88.35, level: "xanh", target: t(85) },
    { label: "Phường Đức Xuân", value: 79.2, level: "xanh", target: t(70) },
    { label: "Xã Nguyễn Thị Minh Khai", value: 0, level: null, notReported: true, target: t(70) },
  ],
  format: "png",
};

function manyBars(n: number): IndicatorChartInput["bars"] {
  return Array.from({ length: n }, (_, i) => ({ label: `Xã Số ${i + 1}`, value: (i * 37) % 100, level: "cam" }));
}

describe("renderIndicatorChart", () => {
  beforeAll(() => registerChartFonts());

  test("PNG: valid signature, portrait 1080 px wide, height from the bar count, decodable", async () => {
    const [png] = await renderIndicatorChart(goldenInput);
    if (png === undefined) throw new Error("no image");
    expect(IMAGE_WIDTH).toBe(1080);
    expect(imageHeightFor(10)).toBe(1260);
    expect(pngSize(png)).toEqual({ width: 1080, height: imageHeightFor(7) });
    expect(imageHeightFor(7)).toBeGreaterThan(1080);
    const image = await loadImage(png);
    expect([image.width, image.height]).toEqual([1080, imageHeightFor(7)]);
  });

  test("legible on a phone: names at least 28 px in a 1080 px image (≈ 10 dp on a 360 dp-wide photo)", () => {
    expect(CHART_GEOMETRY.pixelRatio * CHART_GEOMETRY.labelFontPx).toBeGreaterThanOrEqual(28);
    expect(CHART_GEOMETRY.pixelRatio * CHART_GEOMETRY.titleFontPx).toBeGreaterThanOrEqual(36);
  });

  test("JPEG by default: same size, and the same picture as the PNG (colours in the right channels)", async () => {
    const [jpeg] = await renderIndicatorChart({ ...goldenInput, format: undefined });
    const [png] = await renderIndicatorChart(goldenInput);
    expect(jpeg?.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const image = await loadImage(jpeg ?? Buffer.alloc(0));
    expect([image.width, image.height]).toEqual([1080, imageHeightFor(7)]);
    // Swapped red and blue would turn the green and orange bars (≈ 8% of the image) into other colours.
    expect(await pixelDifference(jpeg ?? Buffer.alloc(0), png ?? Buffer.alloc(0))).toBeLessThan(0.005);
  });

  test("each unit's own target is drawn: moving one unit's target changes the picture", async () => {
    const [base] = await renderIndicatorChart(goldenInput);
    const moved = goldenInput.bars.map((b, i) => (i === 0 ? { ...b, target: t(30) } : b));
    const [other] = await renderIndicatorChart({ ...goldenInput, bars: moved });
    const [again] = await renderIndicatorChart(goldenInput);
    const none = Buffer.alloc(0);
    expect(await pixelDifference(base ?? none, other ?? none)).toBeGreaterThan(0.0005);
    expect(await pixelDifference(base ?? none, again ?? none, 0)).toBe(0);
  });

  test("25 bars → an album of 3 images of one size", async () => {
    const images = await renderIndicatorChart({ ...goldenInput, bars: manyBars(25) });
    const size = { width: 1080, height: imageHeightFor(9) };
    expect(images.map((img) => pngSize(img))).toEqual([size, size, size]);
  });

  test("a 10-bar chart after a 3-bar one is not stretched by the reused canvas", async () => {
    await renderIndicatorChart({ ...goldenInput, bars: manyBars(3) });
    const [png] = await renderIndicatorChart({ ...goldenInput, bars: manyBars(10) });
    expect(pngSize(png ?? Buffer.alloc(0)).height).toBe(imageHeightFor(10));
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
    await renderIndicatorChart({ ...goldenInput, bars: manyBars(10), subtitle: undefined });
    const [b] = await renderIndicatorChart(goldenInput);
    expect(await pixelDifference(a ?? Buffer.alloc(0), b ?? Buffer.alloc(0), 0)).toBe(0);
  });
});
