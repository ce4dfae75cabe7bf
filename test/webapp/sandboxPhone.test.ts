/**
 * The real dashboard page opened from the sandbox on a phone (390×844, headless Chromium): the
 * leaders' chat's button opens the pane, the sandbox signs initData for the person played, and the
 * page ranks the demo province's units worst first, filters, shows a unit's history and exports.
 * The screenshot (docs/webapp-phone-sandbox.png with DONDOC_DOCS_SHOTS=1) is for a person to look at.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { type Browser, chromium, type FrameLocator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { dashboardTexts } from "../../src/messages/dashboard.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { createDashboardPage } from "../../src/webapp/page/index.js";

/**
 * Where the screenshots go: docs/ when DONDOC_DOCS_SHOTS=1 (refreshing the ones docs/WEBAPP.md shows),
 * else a temporary folder, so a test run never changes the working tree.
 */
const SHOTS = process.env.DONDOC_DOCS_SHOTS === "1" ? "docs" : mkdtempSync(path.join(tmpdir(), "dondoc-webapp-shots-"));
const shotPath = (name: string) => path.join(SHOTS, name);

const CHROMIUM = "/usr/bin/chromium";
const LEVEL_ORDER: Record<string, number> = { "dot lv-do": 0, "dot lv-cam": 1, "dot lv-vang": 2, "dot lv-xanh": 3 };
let dir: string;
let sandbox: Sandbox;
let browser: Browser;
let page: Page;
let frame: FrameLocator;

const viewLoaded = () => page.waitForResponse((r) => r.url().endsWith("/app/api/view") && r.status() === 200);

describe.skipIf(!existsSync(CHROMIUM))("the dashboard page from the sandbox, on a phone", () => {
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "dondoc-sandbox-phone-"));
    const config = parseConfig({ DATABASE_URL: `file:${path.join(dir, "sandbox.db")}`, SANDBOX_PORT: "0" });
    sandbox = await startSandbox({
      config,
      logger: createLogger("silent"),
      print: () => undefined,
      dashboardPage: createDashboardPage,
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
    page = await browser.newPage({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: "vi-VN",
      timezoneId: "Asia/Ho_Chi_Minh",
      acceptDownloads: true,
    });
    await page.goto(sandbox.url);
    await page.locator(".chat-item").first().waitFor();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await sandbox?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("opens from the leaders' chat and ranks the units worst first", async () => {
    await page.locator(".chat-item.kind-leaders").click();
    await page.locator("#text-input").fill("/bangdieukhien");
    await page.locator("#send").click();
    const loaded = viewLoaded();
    await page.locator(".kb-button", { hasText: dashboardTexts.button }).last().click();
    await page.locator("#webapp-pane").waitFor({ state: "visible" });
    await loaded;
    frame = page.frameLocator("#webapp-frame");
    await frame.locator("section.ind canvas").first().waitFor();
    expect(await frame.locator("h1").textContent()).toMatch(/^Tình hình tháng \d{2}\/\d{4}$/);
    const levels = await frame
      .locator("section.ind")
      .first()
      .locator("details.table .row .dot")
      .evaluateAll((els) => els.map((e) => e.className));
    expect(levels.length).toBeGreaterThan(0);
    // Worst first against their own targets; within one tier's targets the colours never go back up.
    const ranks = levels.map((l) => LEVEL_ORDER[l] ?? 9);
    expect(ranks[0]).toBe(Math.min(...ranks));
    await page.screenshot({ path: shotPath("webapp-phone-sandbox.png") });
  });

  it("filters by level, shows a unit's history, and exports the view", async () => {
    console.info("step: level");
    const filtered = viewLoaded();
    await frame.locator('select[name="level"]').selectOption("xanh");
    await filtered;
    const dots = await frame
      .locator("details.table .row .dot")
      .evaluateAll((els) => [...new Set(els.map((e) => e.className))]);
    expect(dots.every((d) => d === "dot lv-xanh")).toBe(true);
    const unit = await frame.locator("details.table .row").first().getAttribute("data-unit");
    console.info("step: history", unit);
    const history = viewLoaded();
    await frame.locator('select[name="unit"]').selectOption(unit ?? "");
    await history;
    await frame.locator("section.history canvas").first().waitFor();
    console.info("step: export");
    const download = page.waitForEvent("download");
    await frame.locator("#export").click();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await (await download).path());
    expect(wb.worksheets.map((w) => w.name)).toContain(`Diễn biến ${unit}`);
  }, 90_000);
});
