/**
 * Screenshots of the sandbox page on a phone (390×844, Chromium) for a human to look at:
 * `npx tsx scripts/sandbox-phone-shots.ts [dir]`. Needs /usr/bin/chromium (scripts/test-setup.sh); emoji
 * show as boxes unless a colour emoji font is installed (`apt-get install -y fonts-noto-color-emoji`).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { parseConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import { startSandbox } from "../src/sandbox/index.js";

const out = process.argv[2] ?? mkdtempSync(path.join(tmpdir(), "dondoc-phone-"));
const work = mkdtempSync(path.join(tmpdir(), "dondoc-phone-db-"));
const config = parseConfig({ DATABASE_URL: `file:${path.join(work, "s.db")}`, SANDBOX_PORT: "0", LOG_LEVEL: "silent" });
const sandbox = await startSandbox({ config, logger: createLogger("silent"), print: () => {} });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  const page = await browser.newPage({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  });
  await page.goto(sandbox.url);
  await page.locator(".chat-item").first().waitFor();
  await page.screenshot({ path: path.join(out, "phone-1-open.png") });
  await page.locator(".chat-item.kind-unit").first().click();
  await page.locator("#text-input").fill("/nop 120 95");
  await page.locator("#send").click();
  await page.locator(".msg.bot").last().waitFor();
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(out, "phone-2-after-send.png") });
  await page.locator("#tour > summary").click();
  await page.screenshot({ path: path.join(out, "phone-3-tour.png") });
  await page.locator('[data-tour="dossiers"]').click();
  await page
    .locator(".msg.bot .document, .msg.bot .doc-name")
    .first()
    .waitFor({ timeout: 15_000 })
    .catch(() => {});
  await page.waitForTimeout(2500);
  await page.screenshot({ path: path.join(out, "phone-4-dossiers.png") });
  await page.locator("#tour > summary").click();
  await page.locator('[data-tour="group"]').click();
  await page.waitForTimeout(2500);
  await page.screenshot({ path: path.join(out, "phone-5-group.png") });
  await page.locator(".chat-item.kind-private").click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(out, "phone-6-admin.png") });
  await page.locator("#time-panel > summary").click();
  await page.locator("#date-input").fill("07/12/2026");
  await page.screenshot({ path: path.join(out, "phone-7-time.png") });
  console.log(out);
} finally {
  await browser.close();
  await sandbox.stop();
}
