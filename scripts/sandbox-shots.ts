/**
 * Every sandbox screenshot in docs/, remade with one command: `npx tsx scripts/sandbox-shots.ts [dir]`
 * (default docs/). The clock first jumps to Monday 08:00 as a visitor would ("Tới thứ Hai 08:00"), so
 * the leaders' group holds the real Monday digest and every message reads a morning time. Writes:
 * sandbox.png (desktop 1280×1000: the digest, README's image), digest-phone.png and
 * digest-phone-buttons.png (the digest at 390×844: chart, then caption and buttons), nop-guided-phone.png
 * (guided `/nop` after indicator → month: the question), nop-undo-phone.png (a `/nop` answer after
 * "Hoàn tác", edited in place), menus-phone.png (the "/" menu of a unit group beside a leaders' group's)
 * and sandbox-phone.png (overdue dossiers, the tour's step 3). Needs /usr/bin/chromium and, for emoji,
 * a colour emoji font (`apt-get install -y fonts-noto-color-emoji`).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import sharp from "sharp";
import { parseConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import { startSandbox } from "../src/sandbox/index.js";

const out = process.argv[2] ?? "docs";
const work = mkdtempSync(path.join(tmpdir(), "dondoc-shots-db-"));
const config = parseConfig({ DATABASE_URL: `file:${path.join(work, "s.db")}`, SANDBOX_PORT: "0", LOG_LEVEL: "silent" });
const sandbox = await startSandbox({ config, logger: createLogger("silent"), print: () => {} });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const PHONE = { width: 390, height: 844 };
const context = { locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" };
const file = (name: string) => path.join(out, name);

/** Opens a chat by its list item and waits for its conversation to be drawn. */
async function openChat(page: Page, selector: string) {
  await page.locator(selector).first().click();
  await page.waitForTimeout(800);
}

/** Sends a text as the chosen sender and waits for the bot's answer to settle. */
async function send(page: Page, text: string) {
  const before = await page.locator(".msg.bot").count();
  await page.locator("#text-input").fill(text);
  await page.locator("#send").click();
  await page.waitForFunction((n) => document.querySelectorAll(".msg.bot").length > n, before, { timeout: 15_000 });
  await page.waitForTimeout(800);
}

/** Waits until the page's toasts are gone: they would cover the composer in a still picture. */
async function noToasts(page: Page) {
  await page.waitForFunction(() => document.querySelectorAll("#toasts > *").length === 0, undefined, {
    timeout: 10_000,
  });
}

/** Presses an inline button of the newest bot message that carries buttons, then lets the edit land. */
async function press(page: Page, text: string | RegExp) {
  await page
    .locator(".msg.bot", { has: page.locator(".kb-button") })
    .last()
    .locator(".kb-button", { hasText: text })
    .first()
    .click();
  await page.waitForTimeout(1500);
}

try {
  // Desktop: the README's image. The jump runs the real scheduler (reminder, digest) and delivers.
  const desk = await browser.newPage({ viewport: { width: 1280, height: 1000 }, ...context });
  await desk.goto(sandbox.url);
  await desk.locator(".chat-item").first().waitFor();
  await openChat(desk, ".chat-item.kind-leaders");
  await desk.locator("#time-panel[open]").waitFor();
  await desk.locator("#to-monday").click();
  const deskPhoto = desk.locator(".msg.bot img.photo").first();
  await deskPhoto.waitFor({ timeout: 60_000 });
  await desk.waitForTimeout(800);
  // Chart, caption and buttons in one picture; the toast saying what ran tells a reader the clock moved.
  await deskPhoto.evaluate((img) => img.closest(".msg")?.scrollIntoView({ block: "end" }));
  await desk.waitForTimeout(500);
  await desk.screenshot({ path: file("sandbox.png") });
  await desk.close();

  const phone = await browser.newPage({
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    ...context,
  });
  await phone.goto(sandbox.url);
  await phone.locator(".chat-item").first().waitFor();

  // The digest as a leader scrolls to it: the chart's top, then its caption and buttons.
  await openChat(phone, ".chat-item.kind-leaders");
  const photo = phone.locator(".msg.bot img.photo").first();
  await photo.waitFor();
  await phone.waitForTimeout(1500);
  await photo.evaluate((img) => img.closest(".msg")?.scrollIntoView({ block: "start" }));
  await phone.waitForTimeout(500);
  await phone.screenshot({ path: file("digest-phone.png") });
  await photo.evaluate((img) => img.closest(".msg")?.scrollIntoView({ block: "end" }));
  await phone.waitForTimeout(500);
  await phone.screenshot({ path: file("digest-phone-buttons.png") });

  // Menus: a leaders' group's, then a unit group's, side by side in one picture.
  const menuShot = async () => {
    await phone.locator("#menu-btn").click();
    await phone.locator("#cmd-menu:not([hidden]) >> nth=0").waitFor();
    await phone.waitForTimeout(500);
    const png = await phone.screenshot();
    await phone.locator("#menu-btn").click();
    return png;
  };
  const leadersMenu = await menuShot();
  await openChat(phone, ".chat-item.kind-unit");
  const unitMenu = await menuShot();
  await sideBySide([unitMenu, leadersMenu], file("menus-phone.png"));

  // Guided /nop in the unit group: indicator → this month → the question asking for the two numbers.
  await send(phone, "/nop");
  await press(phone, /./);
  await press(phone, /^Tháng này/);
  await phone.screenshot({ path: file("nop-guided-phone.png") });
  // The answer typed in reply, confirmed, then undone: the answer is edited, its button gone.
  await send(phone, "120 95");
  await press(phone, /Ghi/);
  await press(phone, /Hoàn tác/);
  await noToasts(phone);
  await phone.screenshot({ path: file("nop-undo-phone.png") });

  // Overdue dossiers: the tour's step 3 (a sample export, then /quahan).
  await phone.locator("#tour > summary").click();
  await phone.locator('[data-tour="dossiers"]').click();
  await phone.locator(".msg.bot", { hasText: "Hồ sơ cần chú ý" }).last().waitFor({ timeout: 30_000 });
  await noToasts(phone);
  await phone.screenshot({ path: file("sandbox-phone.png") });
  console.log(out);
} finally {
  await browser.close();
  await sandbox.stop();
}

/** Two phone screenshots next to each other on the page's background, a small gap between. */
async function sideBySide(pngs: readonly Buffer[], to: string) {
  const metas = await Promise.all(pngs.map((p) => sharp(p).metadata()));
  const gap = 24;
  const width = metas.reduce((w, m) => w + (m.width ?? 0), 0) + gap * (pngs.length - 1);
  const height = Math.max(...metas.map((m) => m.height ?? 0));
  let left = 0;
  const layers = pngs.map((input, i) => {
    const layer = { input, left, top: 0 };
    left += (metas[i]?.width ?? 0) + gap;
    return layer;
  });
  await sharp({ create: { width, height, channels: 3, background: "#ffffff" } })
    .composite(layers)
    .png({ compressionLevel: 9, palette: true })
    .toFile(to);
}
