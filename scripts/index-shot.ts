/**
 * The phone screenshot of `/chiso` (docs/INDEX.md "Trong nhóm chat"): the sandbox with the QĐ 766 preset loaded as
 * an administrator's file would be, a unit group reporting three of the components the preset scores
 * (one of them a month with no petitions), then `/chiso` there. `npx tsx scripts/index-shot.ts [dir]` (default docs/) writes chiso-phone.png.
 * Needs /usr/bin/chromium (as scripts/sandbox-shots.ts).
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { parseConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import { startSandbox } from "../src/sandbox/index.js";
import { installText } from "../src/services/directives/install.js";

const out = process.argv[2] ?? "docs";
const work = mkdtempSync(path.join(tmpdir(), "dondoc-index-shot-"));
const config = parseConfig({ DATABASE_URL: `file:${path.join(work, "s.db")}`, SANDBOX_PORT: "0", LOG_LEVEL: "silent" });
const sandbox = await startSandbox({ config, logger: createLogger("silent"), print: () => {} });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  const { app } = await sandbox.runtime.session();
  const r = await installText(app.db.prisma, readFileSync("directives/indices/qd-766-ttg-2022.yaml", "utf8"), "yaml");
  if (!r.ok) throw new Error("the QĐ 766 preset did not load");
  await app.deps.catalog.reload();
  const phone = await browser.newPage({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  });
  await phone.goto(sandbox.url);
  await phone.locator(".chat-item.kind-unit").first().click();
  await phone.waitForTimeout(800);
  for (const text of ["/nop ct766-5.4 120 98", "/nop ct766-2.1 120 108", "/nop ct766-5.2 0 0", "/chiso"]) {
    const before = await phone.locator(".msg.bot").count();
    await phone.locator("#text-input").fill(text);
    await phone.locator("#send").click();
    await phone.waitForFunction((n) => document.querySelectorAll(".msg.bot").length > n, before, { timeout: 15_000 });
    await phone.waitForTimeout(800);
  }
  await phone.waitForFunction(() => document.querySelectorAll("#toasts > *").length === 0, undefined, {
    timeout: 10_000,
  });
  await phone
    .locator(".msg.bot")
    .last()
    // The message is taller than the phone: show its start (score and groups), not its tail.
    .evaluate((m) => m.scrollIntoView({ block: "start" }));
  await phone.waitForTimeout(500);
  await phone.screenshot({ path: path.join(out, "chiso-phone.png") });
  console.log(path.join(out, "chiso-phone.png"));
} finally {
  await browser.close();
  await sandbox.stop();
}
