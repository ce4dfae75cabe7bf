/**
 * Issue #6 end to end, in a real headless Chromium: the sandbox (emulator + real app + page)
 * driven the way a user drives it. Screenshots go to a temp folder (path printed) for review.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";

const CHROMIUM = "/usr/bin/chromium";
const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM) console.warn(`Browser test skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);

let dir: string;
let sandbox: Sandbox;
let browser: Browser;
let page: Page;
const printed: string[] = [];
/** The sandbox's warnings and errors, printed when a test fails (the page alone cannot say why). */
const appLog: string[] = [];
const shot = (name: string) => page.screenshot({ path: path.join(dir, `${name}.png`) });
const chat = (kind: string, n = 0) => page.locator(`.chat-item.kind-${kind}`).nth(n);
const lastBot = () => page.locator(".msg.bot").last();

describe.skipIf(!HAS_CHROMIUM)(`sandbox page in headless Chromium (needs ${CHROMIUM})`, () => {
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "dondoc-sandbox-"));
    // A morning reminder at 07:30 (not the default 08:00): the clock button must say so.
    const config = parseConfig({
      DATABASE_URL: `file:${path.join(dir, "sandbox.db")}`,
      SANDBOX_PORT: "0",
      LOG_LEVEL: "silent",
      DAILY_REMINDER_CRON: "30 7 * * *",
    });
    const logger = createLogger("warn", [], {
      write: (line: string) => {
        appLog.push(line.trimEnd());
      },
    });
    sandbox = await startSandbox({ config, logger, print: (l) => printed.push(l) });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    });
    page = await browser.newPage({
      viewport: { width: 1280, height: 860 },
      locale: "vi-VN",
      timezoneId: "Asia/Ho_Chi_Minh",
    });
    page.on("dialog", (d) => void d.accept());
    await page.goto(sandbox.url);
    await page.locator(".chat-item").first().waitFor();
    console.info(`sandbox screenshots: ${dir}`);
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== "fail") return;
    const status = await page
      .locator("#status")
      .textContent()
      .catch(() => "?");
    const clock = await page
      .locator("#clock-now")
      .textContent()
      .catch(() => "?");
    const toasts = await page
      .locator("#toasts .toast")
      .allTextContents()
      .catch(() => []);
    console.error(
      `sandbox state at the failure: clock "${clock}", status "${status}", toasts ${JSON.stringify(toasts)}\nsandbox warnings and errors:\n${appLog.join("\n") || "(none)"}`,
    );
  });

  afterAll(async () => {
    await browser?.close();
    await sandbox?.stop();
    // Keep the screenshots for a human to look at; only the database goes.
    if (dir)
      for (const f of ["sandbox.db", "sandbox.db-wal", "sandbox.db-shm"]) rmSync(path.join(dir, f), { force: true });
  });

  it("prints the URL and lists the demo chats", async () => {
    expect(printed).toContainEqual(
      expect.stringMatching(/^Sandbox: http:\/\/localhost:\d+ — mở trình duyệt để dùng thử$/),
    );
    await expect.poll(() => page.locator(".chat-item.kind-unit").count()).toBeGreaterThanOrEqual(3);
    for (const kind of ["leaders", "head", "private"]) expect(await chat(kind).count()).toBe(1);
  });

  it("labels the clock buttons with the configured times", async () => {
    await expect.poll(() => page.locator("#to-0800").textContent()).toBe("Tới 07:30 kế tiếp");
    expect(await page.locator("#to-monday").textContent()).toBe("Tới thứ Hai 08:00");
  });

  it("sends /nop 120 95 as an officer and shows the bot's formatted reply; the undo button works", async () => {
    await chat("unit").click();
    await expect.poll(() => page.locator("#sender option:checked").textContent()).toContain("Cán bộ");
    await page.fill("#text-input", "/nop 120 95");
    await page.click("#send");
    const reply = lastBot();
    await expect.poll(() => reply.locator(".text").textContent(), { timeout: 10_000 }).toContain("79,2%");
    expect(await reply.locator(".text b").count()).toBeGreaterThan(0); // HTML formatting kept, as DOM
    await shot("1-nop");
    await reply.locator(".kb-button", { hasText: "Hoàn tác" }).click();
    await expect
      .poll(() => page.locator(".toast").allTextContents())
      .toContainEqual(expect.stringContaining("Đã hoàn tác"));
    await expect.poll(() => lastBot().locator(".text").textContent()).toMatch(/hoàn tác/i);
    // The bot removed the keyboard from the /nop reply once it was used.
    await expect.poll(() => page.locator(".kb-button", { hasText: "Hoàn tác" }).count()).toBe(0);
    await shot("2-undo");
  });

  it("shows what users type as text, never as HTML", async () => {
    await page.fill("#text-input", `<b>đậm?</b><img src=x onerror="document.title='pwned'">`);
    await page.click("#send");
    const mine = page.locator(".msg.user").last();
    await expect.poll(() => mine.locator(".text").textContent()).toContain("<img src=x");
    expect(await mine.locator("img, b").count()).toBe(0);
    expect(await page.title()).not.toBe("pwned");
  });

  it("answers a force-reply prompt with a spreadsheet uploaded from the page", async () => {
    await page.fill("#text-input", "/mau");
    await page.click("#send");
    const template = page.locator(".msg.bot .document").last();
    await template.waitFor({ timeout: 10_000 });
    const href = await template.getAttribute("href");
    const bytes = Buffer.from(await (await fetch(new URL(href ?? "", sandbox.url))).arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe("PK"); // a real .xlsx (zip) from the bot
    await page.fill("#text-input", "/nhap");
    await page.click("#send");
    await page.locator("#reply-bar:not([hidden])").waitFor({ timeout: 10_000 });
    const before = await page.locator(".msg.bot").count();
    await page.setInputFiles("#file-input", {
      name: "so-lieu.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: bytes,
    });
    const upload = page.locator(".msg.user").last();
    await expect.poll(() => upload.locator(".doc-name").textContent()).toBe("so-lieu.xlsx");
    expect(await upload.locator(".reply-quote").count()).toBe(1);
    expect(await upload.locator(".undelivered").count()).toBe(0);
    await expect.poll(() => page.locator(".msg.bot").count(), { timeout: 15_000 }).toBeGreaterThan(before);
    await shot("3-upload");
  });

  // The real "weekly-digest" job (src/jobs/weeklyDigest.ts) run by the scheduler's fireDue after
  // the jump, delivered through the outbox: nothing is faked for the page.
  // The polls end before the test's own timeout, so a failure names the step that did not happen.
  it("jumps to Monday 08:00 and the weekly digest chart appears in the leaders' group", {
    timeout: 60_000,
  }, async () => {
    await chat("leaders").click();
    const photos = page.locator(".msg.bot img.photo, .msg.bot img.album-item");
    const before = await photos.count();
    await page.click("#to-monday", { timeout: 10_000 });
    await expect
      .poll(() => page.locator("#clock-now").textContent(), { timeout: 20_000 })
      .toMatch(/^Thứ Hai, .* 08:0\d/);
    // Repainted from the jump's answer: the next digest is next Monday, the reminder still 07:30.
    expect(await page.locator("#to-monday").textContent()).toBe("Tới thứ Hai 08:00");
    expect(await page.locator("#to-0800").textContent()).toBe("Tới 07:30 kế tiếp");
    await expect.poll(() => photos.count(), { timeout: 20_000 }).toBeGreaterThan(before);
    await photos.last().evaluate((img: HTMLImageElement) => img.decode());
    await photos.last().scrollIntoViewIfNeeded();
    await page.evaluate(() => document.querySelector(".msg.bot:last-child img")?.scrollIntoView({ block: "start" }));
    await shot("4-digest");
    await photos.last().click();
    await page.locator("#lightbox:not([hidden])").waitFor();
    await shot("5-digest-enlarged");
    await page.keyboard.press("Escape");
  });

  it("draws an album side by side", async () => {
    // No feature sends albums yet: the test calls the Bot API as one would, with the digest's charts.
    const s = await sandbox.runtime.session();
    const leaders = s.world.chats.find((c) => c.kind === "leaders")?.id ?? 0;
    const photos = s.emulator.botMessages(leaders).flatMap((m) => m.photo?.at(-1)?.file_id ?? []);
    expect(photos.length).toBeGreaterThanOrEqual(2);
    // The demo province's own digest may already be an album (over 40 units): count the new one's items.
    const albums = page.locator(".msg.bot .album");
    const before = await albums.count();
    await s.app.bot.api.sendMediaGroup(
      leaders,
      photos.slice(0, 3).map((media) => ({ type: "photo" as const, media })),
    );
    await expect.poll(() => albums.count()).toBeGreaterThan(before);
    await expect.poll(() => albums.last().locator(".album-item").count()).toBe(Math.min(3, photos.length));
    await page.locator(".album").last().scrollIntoViewIfNeeded();
    await shot("6-album");
  });

  it('restores the demo on "Đặt lại demo" and the page reloads by itself', async () => {
    const jumped = (await sandbox.runtime.session()).clock.now();
    await page.click("#reset");
    await expect.poll(() => page.locator(".msg").count(), { timeout: 30_000 }).toBe(0);
    // A new demo starts at the real now, before the Monday the previous one had jumped to.
    expect((await sandbox.runtime.session()).clock.now().getTime()).toBeLessThan(jumped.getTime());
    await chat("unit").click();
    await page.fill("#text-input", "/nop 120 95");
    await page.click("#send");
    await expect.poll(() => lastBot().locator(".text").textContent(), { timeout: 10_000 }).toContain("79,2%");
  });
});
