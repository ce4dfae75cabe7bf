/**
 * The Mini App page module (src/webapp/page): the HTML escapes every unit name, carries no citizen
 * data, the export holds the view's rows, the shell loads only the deployment's own scripts.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createUseCases } from "../../src/services/useCases.js";
import type { DashboardPage } from "../../src/webapp/contract.js";
import { createDashboardPage } from "../../src/webapp/page/index.js";
import type { PageCharts } from "../../src/webapp/page/charts.js";
import { createTestDb, type TestDb } from "../helpers/db.js";
import { APPLICANT, headOfX1, leaderOfP, loadWorld, TRICKY_NAME } from "./dashboardWorld.js";

let db: TestDb;
let page: DashboardPage;
beforeAll(async () => {
  db = await createTestDb();
  page = createDashboardPage({ uc: createUseCases(await loadWorld(db)) });
});
afterAll(async () => {
  await db.cleanup();
});

async function readXlsx(body: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(body) as unknown as ArrayBuffer);
  return wb;
}

const rowsOf = (ws: ExcelJS.Worksheet | undefined): unknown[][] => {
  const out: unknown[][] = [];
  ws?.eachRow((r) => {
    out.push(Array.isArray(r.values) ? r.values.slice(1) : []);
  });
  return out;
};

describe("the page's view", () => {
  test("escapes unit names in text and attributes; the raw markup never reaches the page", async () => {
    const { html } = await page.view(leaderOfP, {});
    expect(html).toContain('Xã &lt;b&gt;Hai&lt;/b&gt; &amp; "Co"');
    expect(html).toContain('value="P-X2">Xã &lt;b&gt;Hai&lt;/b&gt; &amp; "Co"</option>');
    expect(html).not.toContain("<b>Hai</b>");
    const { html: history } = await page.view(leaderOfP, { unit: "P-X2" });
    expect(history).toContain('aria-label="Diễn biến Xã &lt;b&gt;Hai&lt;/b&gt; &amp; &quot;Co&quot;"');
    expect(history).not.toContain(TRICKY_NAME);
  });

  test("Vietnamese dates and percentages, the ranking in order, no citizen data, no unit of another province", async () => {
    const { html, charts } = await page.view(leaderOfP, {});
    expect(html).toContain("Tình hình tháng 11/2026");
    expect(html).toContain("chỉ tiêu 60% (đến 30/06/2026) · tiếp theo 80% (đến 31/12/2026)");
    const order = [...html.matchAll(/<li class="row" data-unit="([^"]+)"/g)].map((m) => m[1]);
    expect(order.slice(0, 3)).toEqual(["P-X2", "P-X1", "P-S1"]);
    expect(html).not.toContain(APPLICANT);
    expect(html).not.toContain("Q-X1");
    // This world has no scored index: no section at all (the slot that waited for it is gone).
    expect(html).not.toContain("data-index=");
    const c = charts as PageCharts;
    expect(c.rank[0]?.units).toEqual(["P-X2", "P-X1", "P-S1"]);
    expect(c.rank[0]?.colors).toEqual(["#c62828", "#f9a825", "#2e7d32"]);
    expect(c.rank[0]?.inForce).toEqual([60, 60, 70]);
    expect(c.rank[0]?.next).toEqual([80, 80, 90]);
  });

  test("a unit's history draws its months and the target line", async () => {
    const { charts } = await page.view(leaderOfP, { unit: "P-X1", indicator: "hs-truc-tuyen" });
    const h = (charts as PageCharts).history[0];
    expect(h?.labels[0]).toBe("12/2025");
    expect(h?.labels.at(-1)).toBe("11/2026");
    expect(h?.values.at(-1)).toBe(50);
    expect(h?.targets.at(-1)).toBe(60);
    expect(h?.milestones).toEqual([{ label: "06/2026", target: 60, text: "60% đến 30/06/2026" }]);
  });
});

describe("the export", () => {
  test("holds the view's rows worst first, its changes, tasks and dossier counts — and nothing outside the scope", async () => {
    const { fileName, body } = await page.exportXlsx(leaderOfP, {});
    expect(fileName).toBe("dondoc-tinh-hinh-11-2026.xlsx");
    const wb = await readXlsx(body);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "hồ sơ trực tuyến",
      "thanh toán trực tuyến",
      "Thay đổi",
      "Nhiệm vụ",
      "Hồ sơ quá hạn",
    ]);
    const hs = rowsOf(wb.worksheets[0]);
    expect(hs[1]?.slice(0, 3)).toEqual(["STT", "Đơn vị", "Mã đơn vị"]);
    expect(hs.slice(2).map((r) => [r[2], r[5], r[6]])).toEqual([
      ["P-X2", "30%", "đỏ"],
      ["P-X1", "50%", "vàng"],
      ["P-S1", "95%", "xanh"],
      ["P-X3", "chưa báo cáo", ""],
    ]);
    expect(hs[3]?.slice(7, 10)).toEqual(["60% (đến 30/06/2026)", "80% (đến 31/12/2026)", 10]);
    expect(rowsOf(wb.getWorksheet("Thay đổi"))[2]).toEqual([
      "Xã Một",
      "P-X1",
      "hồ sơ trực tuyến",
      "xanh 90%",
      "vàng 50%",
    ]);
    expect(rowsOf(wb.getWorksheet("Hồ sơ quá hạn")).slice(2)).toEqual([
      ["Xã Một", "P-X1", 2],
      [TRICKY_NAME, "P-X2", 1],
    ]);
    const all = JSON.stringify(wb.worksheets.map(rowsOf));
    expect(all).not.toContain("Q-X1");
    expect(all).not.toContain(APPLICANT);
  });

  test("a unit head's export holds only their unit; a filtered export only the filtered rows", async () => {
    const head = await readXlsx((await page.exportXlsx(headOfX1, {})).body);
    expect(
      rowsOf(head.worksheets[0])
        .slice(2)
        .map((r) => r[2]),
    ).toEqual(["P-X1"]);
    const wb = await readXlsx((await page.exportXlsx(leaderOfP, { level: "xanh", unit: "P-S1" })).body);
    expect(
      rowsOf(wb.worksheets[0])
        .slice(2)
        .map((r) => r[2]),
    ).toEqual(["P-S1"]);
    expect(wb.worksheets.map((w) => w.name)).toContain("Diễn biến P-S1");
  });
});

describe("the shell and its assets", () => {
  test("loads only the deployment's own scripts, none inline", () => {
    const shell = page.shell();
    const scripts = [...shell.matchAll(/<script([^>]*)>/g)].map((m) => m[1] ?? "");
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s).toMatch(/ src="\/app\/assets\/[a-z.]+\.js"/);
    expect(shell).not.toMatch(/https?:\/\//);
    expect(shell).not.toContain("style=");
  });

  test.each(["app.js", "charts.js", "app.css", "chart.umd.js"])("serves %s", async (name) => {
    const a = await page.asset(name);
    expect(a?.body.byteLength).toBeGreaterThan(500);
    expect(a?.contentType).toMatch(/^text\/(javascript|css)/);
  });

  test.each(["../index.ts", "nope.js", "constructor", "__proto__"])("refuses %s", async (name) => {
    expect(await page.asset(name)).toBeUndefined();
  });
});
