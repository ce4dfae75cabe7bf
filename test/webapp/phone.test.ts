/**
 * The Mini App page on a phone (390×844, headless Chromium), through the real Mini App server:
 * opened with a URL hash as Telegram hands it (signed initData, version, platform, theme), it ranks
 * worst first, filters, shows a unit's history, downloads the export and follows the night theme.
 * Screenshots (docs/webapp-phone*.png with DONDOC_DOCS_SHOTS=1) are for a person to look at. The same
 * page opened from the sandbox's pane: sandboxPhone.test.ts.
 */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebappServer } from "../../src/webapp/server.js";
import { createTestDb, type TestDb } from "../helpers/db.js";
import { loadWorld } from "./dashboardWorld.js";
import { CHROMIUM, LIGHT_THEME, openPhone, type PhoneWorld } from "./phoneWorld.js";

/**
 * Where the screenshots go: docs/ when DONDOC_DOCS_SHOTS=1 (refreshing the ones docs/WEBAPP.md shows),
 * else a temporary folder, so a test run never changes the working tree.
 */
const SHOTS = process.env.DONDOC_DOCS_SHOTS === "1" ? "docs" : mkdtempSync(path.join(tmpdir(), "dondoc-webapp-shots-"));
const shotPath = (name: string) => path.join(SHOTS, name);

const THEME = LIGHT_THEME;

/** Telegram's night theme: the page and its charts must stay readable on it. */
const DARK = {
  bg_color: "#212121",
  text_color: "#ffffff",
  hint_color: "#aaaaaa",
  link_color: "#8774e1",
  button_color: "#8774e1",
  button_text_color: "#ffffff",
  secondary_bg_color: "#181818",
};
let launchUrl: (theme: object) => string;

let db: TestDb;
let server: WebappServer;
let phone: PhoneWorld | undefined;
let browser: Browser;
let page: Page;

async function rankedCodes(section = 0): Promise<string[]> {
  return page
    .locator("section.ind")
    .nth(section)
    .locator("details.table .row")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-unit") ?? ""));
}

/** Waits for the view the last action asked for. */
const viewLoaded = () => page.waitForResponse((r) => r.url().endsWith("/app/api/view") && r.status() === 200);

describe.skipIf(!existsSync(CHROMIUM))("the Mini App page on a phone (390×844)", () => {
  beforeAll(async () => {
    db = await createTestDb();
    const deps = await loadWorld(db, { extraCommunes: 12 });
    phone = await openPhone(db, deps);
    ({ server, browser, page, launchUrl } = phone);
    const loaded = viewLoaded();
    await page.goto(launchUrl(THEME));
    await loaded;
    await page.locator("section.ind canvas").first().waitFor();
  }, 60_000);

  afterAll(async () => {
    await phone?.stop();
    await db?.cleanup();
  });

  it("ranks the units worst first, draws the charts, takes Telegram's theme, keeps no script error", async () => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const codes = await rankedCodes();
    expect(codes[0]).toBe("P-X2");
    expect(codes).not.toContain("Q-X1");
    // Worst first: đỏ, then cam, vàng, xanh, never back up (every commune has the same target).
    const order = { "dot lv-do": 0, "dot lv-cam": 1, "dot lv-vang": 2, "dot lv-xanh": 3 } as Record<string, number>;
    const levels = await page
      .locator("section.ind")
      .first()
      .locator("details.table .row .dot")
      .evaluateAll((els) => els.map((e) => e.className));
    const ranks = levels.map((l) => order[l] ?? 9);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const drawn = await page.locator("#rank-0").evaluate((c: HTMLCanvasElement) => c.width > 0 && c.height > 200);
    expect(drawn).toBe(true);
    const bg = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue("--tg-theme-link-color"),
    );
    expect(bg.trim()).toBe("#3390ec");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: shotPath("webapp-phone.png") });
    expect(errors).toEqual([]);
  });

  it("a filter re-asks the server and narrows the ranking", async () => {
    const loaded = viewLoaded();
    await page.selectOption('select[name="level"]', "do");
    await loaded;
    await page.locator("section.ind").first().waitFor();
    const levels = await page
      .locator("details.table .row .dot")
      .evaluateAll((els) => [...new Set(els.map((e) => e.className))]);
    expect(levels).toEqual(["dot lv-do"]);
    await page.screenshot({ path: shotPath("webapp-phone-filter.png") });
    const cleared = viewLoaded();
    await page.selectOption('select[name="level"]', "");
    await cleared;
  });

  it("a unit's history: its line over the months and its milestones", async () => {
    const loaded = viewLoaded();
    await page.selectOption('select[name="unit"]', "P-X1");
    await loaded;
    const history = page.locator("section.history").first();
    await history.locator("canvas").waitFor();
    expect(await history.locator("h2").textContent()).toBe("Diễn biến: Xã Một");
    expect(await history.locator(".milestones li").allTextContents()).toContain("30/06/2026: 60% 10/KH-UBND");
    await page.screenshot({ path: shotPath("webapp-phone-history.png") });
  });

  it("the export downloads the current view as .xlsx", async () => {
    const download = page.waitForEvent("download");
    await page.click("#export");
    const file = await (await download).path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toContain("Diễn biến P-X1");
    const first = wb.worksheets[0];
    expect(first?.getRow(4).getCell(3).value).toBe("P-X2");
    expect((await download).suggestedFilename()).toBe("dondoc-tinh-hinh-11-2026.xlsx");
  });

  it("inside Telegram (its phone bridge present) the export asks Telegram to download a signed link", async () => {
    const tg = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      // Telegram's phone apps expose this object before the page runs; here it only records the events.
      await tg.addInitScript(() => {
        const w = window as unknown as { TelegramWebviewProxy: object; tgEvents: [string, string][] };
        w.tgEvents = [];
        w.TelegramWebviewProxy = { postEvent: (type: string, data: string) => w.tgEvents.push([type, data]) };
      });
      await tg.goto(launchUrl(THEME));
      await tg.locator("#export").waitFor();
      let downloaded = false;
      tg.on("download", () => {
        downloaded = true;
      });
      await tg.click("#export");
      const event = await tg.waitForFunction(() => {
        const w = window as unknown as { tgEvents: [string, string][] };
        return w.tgEvents.find(([type]) => type === "web_app_request_file_download")?.[1];
      });
      const asked = JSON.parse(String(await event.jsonValue())) as { url: string; file_name: string };
      expect(asked.file_name).toBe("dondoc-tinh-hinh-11-2026.xlsx");
      expect(asked.url.startsWith(`${server.url}/app/export/`)).toBe(true);
      expect(downloaded).toBe(false);
      // What Telegram then does: a plain GET of the link.
      const res = await fetch(asked.url);
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await res.arrayBuffer());
      expect(wb.worksheets[0]?.getRow(4).getCell(3).value).toBe("P-X2");
    } finally {
      await tg.close();
    }
  });

  it("follows Telegram's night theme: page and chart text take its colours", async () => {
    const dark = await browser.newPage({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      locale: "vi-VN",
    });
    const loaded = dark.waitForResponse((r) => r.url().endsWith("/app/api/view") && r.status() === 200);
    await dark.goto(launchUrl(DARK));
    await loaded;
    await dark.locator("#rank-0").waitFor();
    const colors = await dark.evaluate(() => ({
      body: getComputedStyle(document.body).backgroundColor,
      text: getComputedStyle(document.documentElement).getPropertyValue("--text").trim(),
    }));
    expect(colors).toEqual({ body: "rgb(33, 33, 33)", text: "#ffffff" });
    await dark.screenshot({ path: shotPath("webapp-phone-dark.png") });
    await dark.close();
  });
});
