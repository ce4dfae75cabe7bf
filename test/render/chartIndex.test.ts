/**
 * The digest's index chart (src/render/chart-index.ts): band colours, the points scale, units
 * without a score drawn apart, and a golden image that was looked at. Regenerate after an
 * intended change with `UPDATE_GOLDEN=1 npx vitest run test/render/chartIndex.test.ts` — and look again.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { registerChartFonts } from "../../src/assets/fonts.js";
import { bandColors, indexLegend, renderIndexChart, type IndexChartInput } from "../../src/render/chart-index.js";
import { imageHeightFor } from "../../src/render/chart-layout.js";
import { pixelDifference, pngSize } from "./image-diff.js";

const GOLDEN = fileURLToPath(new URL("./golden/index-chart.png", import.meta.url));
const BANDS = ["Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"].map((name) => ({ name }));

const input: IndexChartInput = {
  title: "Chỉ số phục vụ (QĐ 766) — tháng 11/2026",
  subtitle: "tỉnh Thử Nghiệm · đến ngày 23/11/2026 · điểm trên 100",
  rows: [
    { label: "Phường Đức Xuân", score: 38.5, scoreText: "38,5 điểm", band: "Yếu" },
    { label: "UBND huyện Đông Anh", score: 55, scoreText: "55,0 điểm", band: "Trung bình" },
    { label: "Sở Y tế", score: 72.25, scoreText: "72,3 điểm", band: "Khá" },
    { label: "Trung tâm Phục vụ hành chính công tỉnh", score: 84, scoreText: "84,0 điểm", band: "Tốt" },
    { label: "Sở Tư pháp", score: 93.6, scoreText: "93,6 điểm", band: "Xuất sắc" },
    { label: "Xã Nguyễn Thị Minh Khai", score: null, scoreText: "", band: null },
  ],
  bands: BANDS,
  format: "png",
};

describe("renderIndexChart", () => {
  beforeAll(() => registerChartFonts());

  test("bands run green (best) to red (worst); two bands take the two ends", () => {
    const five = bandColors(BANDS);
    expect(five.get("Xuất sắc")).toBe("#2e7d32");
    expect(five.get("Yếu")).toBe("#c62828");
    expect(new Set(five.values()).size).toBe(5);
    expect([...bandColors([{ name: "Đạt" }, { name: "Chưa đạt" }]).values()]).toEqual(["#2e7d32", "#c62828"]);
    // A band the index gives a colour level takes that level's colour.
    expect(bandColors([{ name: "Đạt", level: "vang" }, { name: "Chưa đạt" }]).get("Đạt")).toBe("#f9a825");
  });

  test("the legend counts each band and the units without a score, from the rows or the given counts", () => {
    const colors = bandColors(BANDS);
    expect(indexLegend(input, colors).map((c) => [c.text, c.count])).toEqual([
      ["xuất sắc", 1],
      ["tốt", 1],
      ["khá", 1],
      ["trung bình", 1],
      ["yếu", 1],
      ["chưa đủ số liệu", 0],
      ["chưa báo cáo", 1],
    ]);
    const counts = new Map<string | null, number>([
      ["Yếu", 7],
      ["", 2],
      [null, 3],
    ]);
    expect(indexLegend({ ...input, counts }, colors).map((c) => c.count)).toEqual([0, 0, 0, 0, 7, 2, 3]);
  });

  test("portrait 1080 px like the digest's other images", async () => {
    const [png] = await renderIndexChart(input);
    expect(pngSize(png ?? Buffer.alloc(0))).toEqual({ width: 1080, height: imageHeightFor(6) });
  });

  test("a unit's band colours its bar: moving one unit to another band changes the picture", async () => {
    const [base] = await renderIndexChart(input);
    const rows = input.rows.map((r, i) => (i === 0 ? { ...r, band: "Xuất sắc" } : r));
    const [other] = await renderIndexChart({ ...input, rows });
    expect(await pixelDifference(base ?? Buffer.alloc(0), other ?? Buffer.alloc(0))).toBeGreaterThan(0.001);
  });

  test("matches the reviewed golden image loosely", async () => {
    const [png] = await renderIndexChart(input);
    if (png === undefined) throw new Error("no image");
    if (process.env.UPDATE_GOLDEN === "1" || !existsSync(GOLDEN)) writeFileSync(GOLDEN, png);
    const golden = readFileSync(GOLDEN);
    expect(pngSize(png)).toEqual(pngSize(golden));
    expect(await pixelDifference(png, golden)).toBeLessThan(0.01);
  });
});
