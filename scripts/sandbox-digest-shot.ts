/**
 * The leaders' digest as a phone shows it (390×844, Chromium), for a human to look at and for
 * docs/: `npx tsx scripts/sandbox-digest-shot.ts [dir]` writes digest-phone.png (the chart) and
 * digest-phone-buttons.png (the caption and its buttons). Needs /usr/bin/chromium;
 * emoji show as boxes unless a colour emoji font is installed (`apt-get install -y fonts-noto-color-emoji`).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { parseConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import { startSandbox } from "../src/sandbox/index.js";

const out = process.argv[2] ?? mkdtempSync(path.join(tmpdir(), "dondoc-digest-"));
const work = mkdtempSync(path.join(tmpdir(), "dondoc-digest-db-"));
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
  await page.locator(".chat-item.kind-leaders").first().click();
  await page.locator("#text-input").fill("/bieudo");
  await page.locator("#send").click();
  const photo = page.locator(".msg.bot img.photo").first();
  await photo.waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1500);
  // The first digest message: its chart's top, caption and buttons as the leader scrolls to it.
  await photo.evaluate((img) => img.closest(".msg")?.scrollIntoView({ block: "start" }));
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(out, "digest-phone.png") });
  await photo.evaluate((img) => img.closest(".msg")?.scrollIntoView({ block: "end" }));
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(out, "digest-phone-buttons.png") });
  console.log(out);
} finally {
  await browser.close();
  await sandbox.stop();
}
