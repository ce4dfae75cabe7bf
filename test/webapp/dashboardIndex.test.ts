/**
 * The page's scored-index part: the dashboard world (test/webapp/dashboardWorld.ts) with the fixture
 * index (test/fixtures/province.index.yaml) installed. It scores tier "xa" (P-X1, P-X2, P-X3, and
 * Q-X1 of the other province), not the department P-S1 (tier "so"). Month 11/2026 against 10/2026.
 * Every number below is worked out by hand from the fixture's rules:
 *   hs-tt      50 points, linear up to 80%            → 50 × ratio ÷ 80%, at most 50
 *   so-hoa-kq  30 points, steps 50% → 15, 100% → 30
 *   tt-tt      20 points, all or nothing at 50%
 *   bands (no colour level): Tốt ≥ 80, Khá ≥ 50, Yếu — the chart's ramp: green, amber (#f9a825), red.
 * Units:
 *   P-X1  hs 50/100 → 31,25; tt 45/100 → 0; so-hoa none → "31,25/70 điểm" (share 0,446).
 *         October hs 90/100 → 50 → "▼18,75". Best gain: 5 more payments → 50% → +20 (4 a payment,
 *         against 30 files for +18,75).
 *   P-X2  hs 30/100 → 18,75 over 50 → "18,75/50 điểm" (share 0,375); October the same → "=".
 *   P-X3  (added here) hs 64/100 → 40; so-hoa 50/100 → 15; tt 50/100 → 20: 75 of 100, complete →
 *         "75 điểm", Khá. October hs 70/100 → 43,75 only: compared on hs, the one component both
 *         months have, 40 against 43,75 → "▼3,75" (the totals, 75 against 43,75, would read
 *         "▲31,25" though its files fell). Best gain: 16 more files → 80% →
 *         +10 (0,625 a file, against 50 results for +15, 0,3 a result).
 *   Q-X1  hs 10/100 → 6,25 over 50 (share 0,125): lowest of all, but never in province P's view.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { AppDeps } from "../../src/services/context.js";
import { dashboardView } from "../../src/services/dashboard/view.js";
import type { IndexSection } from "../../src/services/dashboard/index.js";
import { createUseCases } from "../../src/services/useCases.js";
import { createDashboardPage } from "../../src/webapp/page/index.js";
import { renderIndex } from "../../src/webapp/page/renderIndex.js";
import { installIndex } from "../bot/indexWorld.js";
import { createTestDb, type TestDb } from "../helpers/db.js";
import { headOfX1, leaderOfP, loadWorld } from "./dashboardWorld.js";

let db: TestDb;
let deps: AppDeps;
beforeAll(async () => {
  db = await createTestDb();
  deps = await loadWorld(db);
  const f = (unitCode: string, indicatorCode: string, numerator: number) => ({
    unitCode,
    indicatorCode,
    period: "2026-11",
    numerator,
    denominator: 100,
    source: "import",
  });
  await db.prisma.figure.deleteMany({ where: { unitCode: "P-X3", period: "2026-11" } });
  await db.prisma.figure.createMany({
    data: [f("P-X3", "hs-truc-tuyen", 64), f("P-X3", "so-hoa-ket-qua", 50), f("P-X3", "thanh-toan-truc-tuyen", 50)],
  });
  await installIndex(db.prisma, deps.catalog);
});
afterAll(async () => {
  await db.cleanup();
});

const only = (index: readonly IndexSection[]) => {
  expect(index).toHaveLength(1);
  return index[0] as IndexSection;
};

describe("the page's scored index", () => {
  test("units lowest first, the partial score as x/y điểm, band, change and best gain; nothing outside the scope", async () => {
    const s = only((await dashboardView(deps, leaderOfP, {})).index);
    expect(s.code).toBe("thu-nghiem-chi-so");
    expect(s.rows.map((r) => [r.unit.code, r.scoreText, r.band, r.color, r.changeText])).toEqual([
      ["P-X2", "18,75/50 điểm", null, null, "="],
      ["P-X1", "31,25/70 điểm", null, null, "▼18,75"],
      ["P-X3", "75 điểm", "Khá", "#f9a825", "▼3,75"],
    ]);
    expect(s.rows[1]?.gain).toMatch(/ 5 .*→ \+20 điểm$/);
    expect(s.rows[2]?.gain).toBe("thêm 16 hồ sơ trực tuyến → +10 điểm");
    expect([s.rows[2]?.points, s.rows[2]?.maxAvailable, s.rows[2]?.previous]).toEqual([75, 100, 43.75]);
    expect(s.notReported).toEqual([]);
    expect(JSON.stringify(s)).not.toContain("Q-X1");
  });

  test("a unit head sees their unit only; the tier filter narrows; the unit filter shows the unit's groups", async () => {
    expect(only((await dashboardView(deps, headOfX1, {})).index).rows.map((r) => r.unit.code)).toEqual(["P-X1"]);
    // Tier "so": the department alone, which the index does not score: no section.
    expect((await dashboardView(deps, leaderOfP, { tier: "so" })).index).toEqual([]);
    const s = only((await dashboardView(deps, leaderOfP, { unit: "P-X1" })).index);
    // 31,25/50 = 62,5% → 3 of 5 cells; nothing yet in the other two groups.
    expect(s.unit?.groups).toEqual([
      { name: "Dịch vụ công trực tuyến", text: "31,25/50", bar: "▰▰▰▱▱" },
      { name: "Số hoá hồ sơ", text: "0/30", bar: "▱▱▱▱▱" },
      { name: "Thanh toán trực tuyến", text: "0/20", bar: "▱▱▱▱▱" },
    ]);
    expect(s.unit?.missing).toHaveLength(1);
    // A unit of the other province named in the filter shows nothing of it.
    expect(only((await dashboardView(deps, leaderOfP, { unit: "Q-X1" })).index).unit).toBeNull();
  });

  test("the HTML lists the scores, folds the list after 15 units; the .xlsx has the index's sheet", async () => {
    const page = createDashboardPage({ uc: createUseCases(deps) });
    const { html } = await page.view(leaderOfP, {});
    expect(html).toContain('data-index="thu-nghiem-chi-so"');
    expect(html).toContain('<b class="v">31,25/70 điểm</b>');
    expect(html).toContain("Khá · ▼3,75 · thêm 16 hồ sơ trực tuyến → +10 điểm");
    expect(html).not.toContain("data-slot");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((await page.exportXlsx(leaderOfP, {})).body) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Chỉ số 01/CS-TN".replace("/", " "));
    const rows: unknown[][] = [];
    ws?.eachRow((r) => {
      rows.push(Array.isArray(r.values) ? r.values.slice(1) : []);
    });
    expect(rows.slice(2).map((r) => r.slice(0, 10))).toEqual([
      [1, 'Xã <b>Hai</b> & "Co"', "P-X2", 18.75, 50, 100, "18,75/50 điểm", "", 18.75, "="],
      [2, "Xã Một", "P-X1", 31.25, 70, 100, "31,25/70 điểm", "", 50, "▼18,75"],
      [3, "Xã Ba", "P-X3", 75, 100, 100, "75 điểm", "Khá", 43.75, "▼3,75"],
    ]);

    // With a unit chosen, its groups follow the ranking.
    const chosen = new ExcelJS.Workbook();
    await chosen.xlsx.load(
      Buffer.from((await page.exportXlsx(leaderOfP, { unit: "P-X1" })).body) as unknown as ArrayBuffer,
    );
    const tail: unknown[][] = [];
    chosen.getWorksheet("Chỉ số 01 CS-TN")?.eachRow((r) => {
      tail.push(Array.isArray(r.values) ? r.values.slice(1) : []);
    });
    expect(tail.slice(5, 9).map((r) => r.slice(0, 4))).toEqual([
      ["", "Xã Một: 31,25/70 điểm"],
      ["", "Dịch vụ công trực tuyến", "", "31,25/50"],
      ["", "Số hoá hồ sơ", "", "0/30"],
      ["", "Thanh toán trực tuyến", "", "0/20"],
    ]);

    const rest = { ...only((await dashboardView(deps, leaderOfP, {})).index) };
    const row = rest.rows[0];
    if (!row) throw new Error("no row");
    rest.rows = Array.from({ length: 20 }, (_, i) => ({ ...row, unit: { ...row.unit, code: `U${i}` } }));
    const folded = renderIndex([rest], "2026-11", "2026-10");
    expect(folded.split('<li class="row"').length - 1).toBe(20);
    expect(folded).toContain('<summary>Xem cả 20 đơn vị</summary><ol class="rank" start="16">');
    // A province of 120 scored units: the whole list stays a small part of the page's 300 KB.
    rest.rows = Array.from({ length: 120 }, (_, i) => ({ ...row, unit: { ...row.unit, code: `P-XA-${i}` } }));
    expect(Buffer.byteLength(renderIndex([rest], "2026-11", "2026-10"))).toBeLessThan(60_000);
  });

  test("a deployment without an index shows no section and no sheet", async () => {
    const plain = await createTestDb();
    try {
      const m = await dashboardView(await loadWorld(plain), leaderOfP, {});
      expect(m.index).toEqual([]);
    } finally {
      await plain.cleanup();
    }
  });
});
