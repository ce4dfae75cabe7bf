/**
 * The sandbox page on a phone (390×844 in headless Chromium): only the chat scrolls, the
 * composer stays in view, an answer lands in view after sending even when the person had
 * scrolled up, the date is typed as dd/mm/yyyy, buttons meet WCAG AA contrast, bot replies
 * reach screen readers, and the guided tour's steps work.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";

const CHROMIUM = "/usr/bin/chromium";
const HAS_CHROMIUM = existsSync(CHROMIUM);

let dir: string;
let sandbox: Sandbox;
let browser: Browser;
let page: Page;
const shot = (name: string) => page.screenshot({ path: path.join(dir, `${name}.png`) });

/** WCAG 2 contrast ratio of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((x) => {
      const v = Number(x) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

/** Whether an element's box lies inside the visible viewport. */
async function inView(selector: string): Promise<boolean> {
  const box = await page.locator(selector).last().boundingBox();
  return box !== null && box.y >= 0 && box.y + box.height <= 844 + 1;
}

describe.skipIf(!HAS_CHROMIUM)("sandbox page on a phone (390×844)", () => {
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "dondoc-phone-"));
    const config = parseConfig({
      DATABASE_URL: `file:${path.join(dir, "sandbox.db")}`,
      SANDBOX_PORT: "0",
      LOG_LEVEL: "silent",
    });
    sandbox = await startSandbox({ config, logger: createLogger("silent"), print: () => {} });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
    });
    page = await browser.newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: "vi-VN",
      timezoneId: "Asia/Ho_Chi_Minh",
    });
    await page.goto(sandbox.url);
    await page.locator(".chat-item.kind-unit").first().waitFor();
    console.info(`phone screenshots: ${dir}`);
  });

  afterAll(async () => {
    await browser?.close();
    await sandbox?.stop();
    if (dir)
      for (const f of ["sandbox.db", "sandbox.db-wal", "sandbox.db-shm"]) rmSync(path.join(dir, f), { force: true });
  });

  it("the page does not scroll; the chat list, the conversation and the composer share the screen", async () => {
    const { scrollH, innerH } = await page.evaluate(() => ({
      scrollH: document.documentElement.scrollHeight,
      innerH: window.innerHeight,
    }));
    expect(scrollH).toBeLessThanOrEqual(innerH);
    expect(await inView("#composer")).toBe(true);
    expect(await inView("#send")).toBe(true);
    expect(await page.locator("#time-panel").getAttribute("open")).toBeNull();
  });

  it("a reply lands in view after sending, even when the person had scrolled up; a screen reader hears it", async () => {
    await page.locator(".chat-item.kind-unit").first().click();
    for (const text of ["/help", "/tinhtrang", "/mau"]) {
      const n = await page.locator(".msg.bot").count();
      await page.locator("#text-input").fill(text);
      await page.locator("#send").click();
      await expect.poll(() => page.locator(".msg.bot").count(), { timeout: 10_000 }).toBeGreaterThan(n);
    }
    await page.locator("#messages").evaluate((m) => {
      m.scrollTop = 0;
    });
    const n = await page.locator(".msg.bot").count();
    await page.locator("#text-input").fill("/nop 120 95");
    await page.locator("#send").click();
    await expect.poll(() => page.locator(".msg.bot").count(), { timeout: 10_000 }).toBeGreaterThan(n);
    await expect.poll(() => inView(".msg.bot"), { timeout: 5000 }).toBe(true);
    expect(await page.locator(".msg.bot").last().textContent()).toContain("Đã ghi số liệu");
    expect(await page.locator("#announcer").textContent()).toContain("Đã ghi số liệu");
    expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
    await shot("phone-report");
  });

  it("buttons, chips and the send button reach AA contrast (≥ 4.5:1)", async () => {
    const pairs = await page.evaluate(() =>
      ["#send", ".chip", ".kb-button", ".chat-item.active", "#menu-btn"].map((sel) => {
        const node = document.querySelector(sel);
        const s = node ? getComputedStyle(node) : null;
        return { sel, fg: s?.color ?? "", bg: s?.backgroundColor ?? "" };
      }),
    );
    for (const p of pairs) {
      expect(p.bg, p.sel).toMatch(/^rgb\(/);
      expect(contrast(p.fg, p.bg), p.sel).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('the "/" button shows the unit group\'s own menu, without leader commands; a pick fills the input', async () => {
    await page.locator(".chat-item.kind-unit").first().click();
    await page.locator("#menu-btn").click();
    await page.locator(".cmd-item").first().waitFor();
    const items = await page.locator(".cmd-item b").allTextContents();
    expect(items).toContain("/nop");
    expect(items).not.toContain("/bieudo");
    expect(items).not.toContain("/capquyen");
    // The menu is a list that scrolls inside itself (as Telegram's): it stays on the screen, and its
    // last command is reached by scrolling the list, however many commands the chat has.
    expect(await inView("#cmd-menu")).toBe(true);
    await page.locator(".cmd-item").last().scrollIntoViewIfNeeded();
    expect(await inView(".cmd-item")).toBe(true);
    expect(await inView("#cmd-menu")).toBe(true);
    await shot("phone-menu");
    await page.locator(".cmd-item", { hasText: "/tinhtrang" }).click();
    expect(await page.locator("#text-input").inputValue()).toBe("/tinhtrang ");
    expect(await page.locator("#cmd-menu").isHidden()).toBe(true);
    await page.locator("#text-input").fill("");
  });

  it("a question that opens the reply bar stays in view above it (guided /nop in a long chat)", async () => {
    await page.locator(".chat-item.kind-unit").first().click();
    // A chat longer than the screen, so that the bar's appearance has something to hide.
    for (const text of ["/help", "/nop ?"]) {
      const n = await page.locator(".msg.bot").count();
      await page.locator("#text-input").fill(text);
      await page.locator("#send").click();
      await expect.poll(() => page.locator(".msg.bot").count(), { timeout: 10_000 }).toBeGreaterThan(n);
    }
    await page.locator("#text-input").fill("/nop");
    await page.locator("#send").click();
    await page.locator(".msg.bot", { hasText: "chọn chỉ tiêu" }).last().locator(".kb-button").first().click();
    await page
      .locator(".msg.bot .kb-button", { hasText: /^Tháng này/ })
      .last()
      .click();
    await page.locator("#reply-bar:not([hidden])").waitFor();
    await page.waitForTimeout(300);
    const question = await page.locator(".msg.bot").last().boundingBox();
    const chat = await page.locator("#messages").boundingBox();
    expect(await page.locator(".msg.bot").last().textContent()).toContain("Trả lời tin nhắn này");
    // The chat shrank when the bar appeared: the question's last line must not sit under the bar.
    expect((question?.y ?? 0) + (question?.height ?? 0)).toBeLessThanOrEqual((chat?.y ?? 0) + (chat?.height ?? 0) + 1);
    await shot("phone-guided-nop");
    await page.locator("#reply-cancel").click();
  });

  it("the date is typed as dd/mm/yyyy; a wrong one is refused in words", async () => {
    await page.locator("#time-panel > summary").click();
    expect(await page.locator("#date-input").getAttribute("placeholder")).toBe("dd/mm/yyyy");
    await page.locator("#date-input").fill("31/02/2027");
    await page.locator("#to-date").click();
    await expect.poll(() => page.locator(".toast.error").last().textContent()).toContain("dd/mm/yyyy");
    const now = await page.locator("#clock-now").textContent();
    const year = Number(/\/(\d{4})/.exec(now ?? "")?.[1]);
    await page.locator("#date-input").fill(`02/01/${year + 1}`);
    await page.locator("#time-input").fill("9:30");
    await page.locator("#to-date").click();
    await expect
      .poll(() => page.locator("#clock-now").textContent(), { timeout: 30_000 })
      .toContain(`02/01/${year + 1} 09:3`);
    await page.locator("#time-panel > summary").click();
  });

  it("the tour's dossier step uploads the sample list and asks what is late", async () => {
    await page.locator("#tour > summary").click();
    await page.locator('[data-tour="dossiers"]').click();
    await expect
      .poll(() => page.locator(".msg.bot").last().textContent(), { timeout: 20_000 })
      .toMatch(/Quá hạn \(\d+\)/);
    expect(await page.locator("#tour").getAttribute("open")).toBeNull();
    expect(await inView(".msg.bot")).toBe(true);
    await shot("phone-tour-dossiers");
  });

  it("the tour's last step adds a new group whose registration reaches the administrator", async () => {
    await page.locator("#tour > summary").click();
    await page.locator('[data-tour="group"]').click();
    await expect.poll(() => page.locator("#conv-title").textContent()).toContain("nhóm mới");
    await expect
      .poll(() => page.locator(".msg.bot").last().textContent(), { timeout: 10_000 })
      .toMatch(/quản trị|duyệt/i);
    await page.locator(".chat-item.kind-private").click();
    await expect
      .poll(() => page.locator(".msg.bot").last().textContent(), { timeout: 10_000 })
      .toContain("Yêu cầu đăng ký nhóm");
    await shot("phone-tour-group");
  });
});
