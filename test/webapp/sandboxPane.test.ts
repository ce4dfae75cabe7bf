/**
 * The sandbox's dashboard pane in Chromium: the leaders' chat's button opens the Mini App in a frame
 * from the dashboard's own origin (both pages' CSPs allow it), with Telegram's launch parameters in
 * the URL hash. The page itself is a stand-in here (test/webapp/fakePage.ts).
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { dashboardTexts } from "../../src/messages/dashboard.js";
import { fakePage } from "./fakePage.js";

const CHROMIUM = "/usr/bin/chromium";
let dir: string;
let sandbox: Sandbox;
let browser: Browser;
let page: Page;

describe.skipIf(!existsSync(CHROMIUM))("the dashboard pane in the sandbox", () => {
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "dondoc-sandbox-pane-"));
    const config = parseConfig({ DATABASE_URL: `file:${path.join(dir, "sandbox.db")}`, SANDBOX_PORT: "0" });
    sandbox = await startSandbox({
      config,
      logger: createLogger("silent"),
      print: () => undefined,
      dashboardPage: () => fakePage(),
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
    page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: "vi-VN" });
    await page.goto(sandbox.url);
    await page.locator(".chat-item").first().waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await sandbox?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("opens from /bangdieukhien in the leaders' chat, with tgWebAppData in the hash", async () => {
    await page.locator(".chat-item.kind-leaders").click();
    await page.locator("#text-input").fill("/bangdieukhien");
    await page.locator("#send").click();
    const button = page.locator(".kb-button", { hasText: dashboardTexts.button }).last();
    await button.click();
    await page.locator("#webapp-pane").waitFor({ state: "visible" });
    const frame = page.frameLocator("#webapp-frame");
    await expect.poll(() => frame.locator("h1").textContent(), { timeout: 10_000 }).toBe("Bảng điều khiển (giả)");
    const src = (await page.locator("#webapp-frame").getAttribute("src")) ?? "";
    expect(src).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/app#tgWebAppData=/);
    expect(src).toContain("tgWebAppPlatform=weba");
    await page.locator("#webapp-close").click();
    expect(await page.locator("#webapp-pane").isHidden()).toBe(true);
  });
});
