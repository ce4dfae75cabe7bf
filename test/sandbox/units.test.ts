/** Pure parts of the sandbox (docs/SANDBOX.md): clock targets, force-reply detection, the demo world. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { loadDirectiveFile } from "../../src/directives/loadDirective.js";
import { Catalog } from "../../src/domain/catalog.js";
import { CATCH_UP_MS } from "../../src/domain/schedule/windows.js";
import { demoFigures, demoValue } from "../../src/sandbox/figures.js";
import { SANDBOX_DATABASE_URL, sandboxDatabaseUrl } from "../../src/sandbox/index.js";
import { presetCandidates } from "../../src/sandbox/preset.js";
import { formatVn, jumpLabels, nextJobTime, vnInstant } from "../../src/sandbox/time.js";
import { forceReplyOf } from "../../src/sandbox/view.js";
import { planWorld } from "../../src/sandbox/world.js";

const at = (iso: string) => new Date(iso);

describe("clock targets (Asia/Ho_Chi_Minh, UTC+7)", () => {
  const defaults = parseConfig({});
  it.each([
    ["2026-11-22T07:59:59+07:00", "2026-11-22T08:00:00+07:00"],
    ["2026-11-22T08:00:00+07:00", "2026-11-23T08:00:00+07:00"],
    ["2026-11-22T23:30:00+07:00", "2026-11-23T08:00:00+07:00"],
    ["2026-12-31T09:00:00+07:00", "2027-01-01T08:00:00+07:00"],
  ])("next 08:00 (default DAILY_REMINDER_CRON) after %s is %s", (now, expected) => {
    expect(nextJobTime(defaults, "daily-reminder", at(now))?.toISOString()).toBe(at(expected).toISOString());
  });

  it.each([
    ["2026-11-22T07:34:00+07:00", "2026-11-23T08:00:00+07:00"], // Sunday → tomorrow
    ["2026-11-23T07:00:00+07:00", "2026-11-23T08:00:00+07:00"], // Monday before 08:00 → today
    ["2026-11-23T08:00:00+07:00", "2026-11-30T08:00:00+07:00"], // Monday at 08:00 → next week
    ["2026-11-25T12:00:00+07:00", "2026-11-30T08:00:00+07:00"],
  ])("next Monday 08:00 (default WEEKLY_DIGEST_CRON) after %s is %s", (now, expected) => {
    expect(nextJobTime(defaults, "weekly-digest", at(now))?.toISOString()).toBe(at(expected).toISOString());
  });

  it("follows the configured cron times, not a hard-coded 08:00", () => {
    const config = parseConfig({ DAILY_REMINDER_CRON: "30 7 * * 1-5", WEEKLY_DIGEST_CRON: "0 17 * * 5" });
    // Saturday 10:00 → the next weekday reminder is Monday 07:30; the digest is Friday 17:00.
    expect(nextJobTime(config, "daily-reminder", at("2026-11-21T10:00:00+07:00"))?.toISOString()).toBe(
      at("2026-11-23T07:30:00+07:00").toISOString(),
    );
    expect(nextJobTime(config, "weekly-digest", at("2026-11-21T10:00:00+07:00"))?.toISOString()).toBe(
      at("2026-11-27T17:00:00+07:00").toISOString(),
    );
    expect(nextJobTime(config, "weekly-digest", at("2026-11-27T17:00:00+07:00"))?.toISOString()).toBe(
      at("2026-12-04T17:00:00+07:00").toISOString(),
    );
  });

  it.each([
    [{}, "2026-11-21T10:00:00+07:00", "Tới 08:00 kế tiếp", "Tới thứ Hai 08:00"],
    [
      { DAILY_REMINDER_CRON: "30 7 * * 1-5", WEEKLY_DIGEST_CRON: "0 17 * * 5" },
      "2026-11-21T10:00:00+07:00",
      "Tới 07:30 kế tiếp",
      "Tới thứ Sáu 17:00",
    ],
    [{ WEEKLY_DIGEST_CRON: "5 9 * * 0" }, "2026-11-21T10:00:00+07:00", "Tới 08:00 kế tiếp", "Tới chủ nhật 09:05"],
    // Two reminders a day: the label names the one the button reaches next.
    [{ DAILY_REMINDER_CRON: "0 8,14 * * *" }, "2026-11-23T09:00:00+07:00", "Tới 14:00 kế tiếp", "Tới thứ Hai 08:00"],
  ])("button labels under %o at %s: %s / %s", (env, now, daily, weekly) => {
    expect(jumpLabels(parseConfig(env), at(now))).toEqual({ "next-0800": daily, "next-monday-0800": weekly });
  });

  it("reads a local date and time and formats it the Vietnamese way", () => {
    expect(vnInstant("2026-12-01", "08:30").toISOString()).toBe("2026-12-01T01:30:00.000Z");
    expect(Number.isNaN(vnInstant("2026-xx-01").getTime())).toBe(true);
    expect(formatVn(at("2026-11-23T08:00:00+07:00"))).toBe("Thứ Hai, 23/11/2026 08:00");
  });
});

describe("forceReplyOf", () => {
  it.each([
    // selective is kept: the page opens the reply bar only for the question's person.
    [{ reply_markup: { force_reply: true, selective: true } }, { selective: true }],
    [{ reply_markup: { force_reply: true, selective: false } }, {}],
    [
      { reply_markup: JSON.stringify({ force_reply: true, input_field_placeholder: "Gửi tệp" }) },
      { placeholder: "Gửi tệp" },
    ],
    [{ reply_markup: { inline_keyboard: [] } }, undefined],
    [{ reply_markup: "{not json" }, undefined],
    [{}, undefined],
    [undefined, undefined],
  ])("%j → %j", (sent, expected) => {
    expect(forceReplyOf(sent)).toEqual(expected);
  });
});

async function catalogOf(...files: string[]): Promise<Catalog> {
  const units: Catalog["units"][number][] = [];
  const directives = [];
  for (const file of files) {
    const loaded = await loadDirectiveFile(file);
    if (!loaded.ok) throw new Error(`cannot load ${file}`);
    directives.push(loaded.directive);
    for (const u of loaded.units?.units ?? [])
      units.push({ code: u.code, name: u.name, tier: u.tier, parentCode: u.parent });
  }
  return new Catalog(units, directives);
}

const TODAY = "2026-12-05";

describe("the demo world", () => {
  it("runs on the directive of today: the latest issued preset with a unit list, then the national ones", async () => {
    const candidates = await presetCandidates("directives");
    expect(candidates[0]?.path).toMatch(/bac-ninh-144-kh-ubnd-2025\.yaml$/);
    expect((candidates[0]?.directive.issuedOn ?? "") >= "2025-07-01").toBe(true);
    const national = candidates.filter((c) => c.directive.national).map((c) => c.directive.id);
    expect(national).toContain("qd-2629-ttg-2025");
  });

  it("uses two communes and two departments with a target in force or to come today, with every kind of chat", async () => {
    const catalog = await catalogOf("directives/bac-ninh-144-kh-ubnd-2025.yaml", "directives/qd-2629-ttg-2025.yaml");
    const world = planWorld(catalog, TODAY);
    expect(world.root.code).toBe("BN25-UBND");
    expect(world.units.map((u) => u.tier)).toEqual(["xa", "xa", "so-ban-nganh", "so-ban-nganh"]);
    for (const u of world.units) expect(catalog.indicatorsFor(u, TODAY).length).toBeGreaterThan(0);
    expect(world.chats.map((c) => c.kind)).toEqual(["unit", "unit", "unit", "unit", "leaders", "head", "private"]);
    expect(world.chats[0]?.title).toMatch(/— Một cửa$/);
    expect(new Set(world.people.map((p) => p.role))).toEqual(new Set(["admin", "officer", "leader", "head"]));
  });

  it("falls back to any preset's reporting units on that preset's own dates", async () => {
    const world = planWorld(await catalogOf("directives/ba-ria-qd-ubnd-2023.yaml"), "2023-11-01");
    expect(world.units.length).toBeGreaterThanOrEqual(3);
    expect(world.chats.filter((c) => c.kind === "unit")).toHaveLength(world.units.length);
  });

  it("writes the same figures on every reset, leaving the officer's unit to report this month", async () => {
    // Bắc Kạn's 2022 plan on its own dates: its targets bind in 12/2022.
    const catalog = await catalogOf("directives/bac-kan-kh-ubnd-2022.yaml");
    const now = at("2022-12-22T08:00:00+07:00");
    const figures = demoFigures(catalog, now, ["BK-X-DUCXUAN"]);
    expect(figures).toEqual(demoFigures(catalog, now, ["BK-X-DUCXUAN"]));
    expect(figures.some((f) => f.unitCode === "BK-X-DUCXUAN" && f.period === "2022-12")).toBe(false);
    expect(figures.some((f) => f.unitCode === "BK-X-DUCXUAN" && f.period === "2022-11")).toBe(true);
    for (const f of figures) expect(f.numerator).toBeLessThanOrEqual(f.denominator);
    expect(demoValue("BK-PTP", "2026-11", "hs-truc-tuyen")).toEqual(demoValue("BK-PTP", "2026-11", "hs-truc-tuyen"));
    expect(new Set(figures.map((f) => f.indicatorCode)).size).toBe(3); // every chart of the digest has bars
  });
});

describe("sandbox database", () => {
  it("never uses the deployment's default database", () => {
    expect(sandboxDatabaseUrl(parseConfig({}))).toBe(SANDBOX_DATABASE_URL);
    expect(sandboxDatabaseUrl(parseConfig({ DATABASE_URL: "file:/tmp/x.db" }))).toBe("file:/tmp/x.db");
  });
});

describe("the page's clock toast", () => {
  // The toast after a jump lists the jobs that ran: an English job name would show in the Vietnamese page.
  it.each(Object.keys(CATCH_UP_MS))("names the job %s in Vietnamese", (job) => {
    const page = readFileSync(new URL("../../src/sandbox/public/controls.js", import.meta.url), "utf8");
    const names = /const JOB_NAMES = \{([^}]*)\}/.exec(page)?.[1] ?? "";
    expect(names).toMatch(new RegExp(`(^|\\s)"?${job}"?: "`));
  });
});
