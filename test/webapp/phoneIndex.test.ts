/**
 * The page's scored-index section on a phone (390×844, headless Chromium, the real Mini App server):
 * the dashboard world with the fixture index installed and five more communes, so the list folds
 * after 15 units. Screenshot: docs/webapp-phone-index.png with DONDOC_DOCS_SHOTS=1 (else a temporary
 * folder). The rest of the page on a phone: phone.test.ts.
 */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installIndex } from "../bot/indexWorld.js";
import { createTestDb, type TestDb } from "../helpers/db.js";
import { loadWorld } from "./dashboardWorld.js";
import { CHROMIUM, LIGHT_THEME, openPhone, type PhoneWorld } from "./phoneWorld.js";

const SHOTS = process.env.DONDOC_DOCS_SHOTS === "1" ? "docs" : mkdtempSync(path.join(tmpdir(), "dondoc-webapp-shots-"));
const MORE = ["Xã Tân Lập", "Xã Hợp Thành", "Phường Cốc Lếu", "Xã Bản Qua", "Xã Quang Kim"];

let db: TestDb;
let phone: PhoneWorld | undefined;
let page: Page;

describe.skipIf(!existsSync(CHROMIUM))("the scored index on a phone (390×844)", () => {
  beforeAll(async () => {
    db = await createTestDb();
    const deps = await loadWorld(db, { extraCommunes: 12 });
    const units = MORE.map((name, i) => ({ code: `P-F${i + 1}`, name, tier: "xa", parentCode: "P" }));
    await db.prisma.unit.createMany({ data: units.map((u) => ({ ...u, searchName: u.name.toLowerCase() })) });
    await db.prisma.figure.createMany({
      data: units
        .flatMap((u, i) => [
          {
            unitCode: u.code,
            indicatorCode: "hs-truc-tuyen",
            period: "2026-11",
            numerator: 40 + i * 12,
            denominator: 100,
          },
          {
            unitCode: u.code,
            indicatorCode: "so-hoa-ket-qua",
            period: "2026-11",
            numerator: 30 + i * 15,
            denominator: 90,
          },
          {
            unitCode: u.code,
            indicatorCode: "thanh-toan-truc-tuyen",
            period: "2026-11",
            numerator: 30 + i * 9,
            denominator: 100,
          },
        ])
        .map((f) => ({ ...f, source: "import" })),
    });
    await installIndex(db.prisma, deps.catalog);
    phone = await openPhone(db, deps);
    page = phone.page;
    const loaded = page.waitForResponse((r) => r.url().endsWith("/app/api/view") && r.status() === 200);
    await page.goto(phone.launchUrl(LIGHT_THEME));
    await loaded;
  }, 60_000);

  afterAll(async () => {
    await phone?.stop();
    await db?.cleanup();
  });

  it("lists 15 units lowest first, unfolds the rest, fits the width; touching a unit shows its groups", async () => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const section = page.locator("section.idx");
    // Below the sticky filters, not under them.
    await section.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 180));
    // 14 communes of the world with figures this month (P-X3 has none) and the five added: 19 scored.
    await expect.poll(() => section.locator(".row:visible").count(), { timeout: 10_000 }).toBe(15);
    await page.screenshot({ path: path.join(SHOTS, "webapp-phone-index.png") });
    await section.getByText("Xem cả 19 đơn vị").click();
    await expect.poll(() => section.locator(".row:visible").count(), { timeout: 10_000 }).toBe(19);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const loaded = page.waitForResponse((r) => r.url().endsWith("/app/api/view") && r.status() === 200);
    await section.locator('.row[data-unit="P-X1"]').click();
    await loaded;
    const groups = page.locator('section.idx .idx-unit[data-unit="P-X1"] .groups li');
    // The answer has arrived; the page draws it a moment later (a busy CI machine saw 0 here).
    await expect.poll(() => groups.count(), { timeout: 10_000 }).toBe(3);
    await page
      .locator("section.idx")
      .evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 180));
    await page.screenshot({ path: path.join(SHOTS, "webapp-phone-index-unit.png") });
    expect(errors).toEqual([]);
  });
});
