/**
 * Every `/nop` example the bot prints parses to what its text says (src/messages/grammar.ts builds
 * them; src/bot/parse/nop.ts reads them). The examples are collected from the message texts
 * themselves — help, refusals, the guided flow, the morning reminder, /mau — so a text that drifts
 * from the grammar fails here.
 */
import { describe, expect, it } from "vitest";
import { parseNop } from "../../src/bot/parse/nop.js";
import type { CatalogUnit } from "../../src/domain/catalog.js";
import type { Indicator } from "../../src/domain/directive/schema.js";
import type { Evaluation } from "../../src/domain/evaluation/index.js";
import { parseHtml } from "../../src/emulator/html.js";
import { helpTexts } from "../../src/messages/help.js";
import { registerTexts } from "../../src/messages/register.js";
import { reminderTexts } from "../../src/messages/reminders.js";
import { commandOf, reportTexts } from "../../src/messages/report.js";
import { statusTexts } from "../../src/messages/status.js";
import { uploadTexts } from "../../src/messages/upload.js";

const CURRENT = "2026-12";
const indicator = (code: string, kind: "ratio" | "count", isDefault = false): Indicator =>
  ({
    code,
    name: `Chỉ tiêu ${code}`,
    shortName: kind === "count" ? undefined : "hồ sơ trực tuyến",
    kind,
    numerator: "Số đạt",
    denominator: kind === "count" ? undefined : "Tổng số",
    itemWord: kind === "count" ? "bộ dữ liệu" : "hồ sơ",
    default: isDefault,
  }) as Indicator;
const ONLINE = indicator("hs-truc-tuyen", "ratio", true);
const PAY = indicator("thanh-toan-truc-tuyen", "ratio");
const OPEN_DATA = indicator("du-lieu-mo", "count");
const nothing = { status: "not-reported", figures: null, inForce: null, next: null, lapsed: null } as Evaluation;

/** Every `/nop …` inside a <code> element of a text (placeholders like <mã> are not examples). */
function examples(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<code>(\/nop(?:\s[^<]*)?)<\/code>/g)) {
    const cmd = parseHtml(m[1] ?? "").text;
    if (!cmd.includes("<") && !cmd.includes("…")) out.push(cmd);
  }
  return out;
}

const args = (cmd: string) => cmd.replace(/^\/nop\s*/, "");

describe("every example the bot prints", () => {
  const texts: [string, string][] = [
    ["help", reportTexts.help("Phường A", CURRENT, "2026-11", [ONLINE, PAY, OPEN_DATA], ONLINE)],
    ["invalid", reportTexts.invalid("Thiếu số liệu: cần hai số.", "/nop 120 95")],
    ["ratioNeedsTwo", reportTexts.ratioNeedsTwo(PAY)],
    ["countNeedsOne", reportTexts.countNeedsOne(OPEN_DATA)],
    ["guide", reportTexts.guideIndicator("Phường A", "/nop 120 95")],
    [
      "reminder (closing)",
      reminderTexts
        .figures(
          "2026-11",
          "2026-12-04",
          [ONLINE, PAY, OPEN_DATA].map((i) => ({
            indicator: i,
            due: true,
            hasFigures: false,
            lastDay: null,
            evaluation: nothing,
          })),
          "hs-truc-tuyen",
          true,
        )
        .join("\n"),
    ],
    ["mau caption", uploadTexts.templateCaptionFor("Phường A", "2026-11", 1, false)],
    [
      "/tinhtrang (this month)",
      statusTexts.unit(
        { code: "P-A", name: "Phường A" } as CatalogUnit,
        CURRENT,
        [ONLINE, PAY, OPEN_DATA].map((i) => ({ indicator: i, evaluation: nothing })),
        CURRENT,
      ),
    ],
    [
      "/tinhtrang (last month)",
      statusTexts.unit(
        { code: "P-A", name: "Phường A" } as CatalogUnit,
        "2026-11",
        [PAY].map((i) => ({ indicator: i, evaluation: nothing })),
        CURRENT,
      ),
    ],
    ["registration approved", registerTexts.approvedGroup({ code: "P-A", name: "Phường A" } as CatalogUnit, "unit")],
    [
      "help per chat",
      Object.values(helpTexts)
        .filter((t): t is string => typeof t === "string")
        .join("\n"),
    ],
  ];

  it("finds examples in the texts it checks", () => {
    const all = texts.flatMap(([, t]) => examples(t));
    expect(all.length).toBeGreaterThanOrEqual(10);
    expect(all).toEqual(expect.arrayContaining(["/nop 120 95", "/nop thanh-toan-truc-tuyen 120 95 tháng 11/2026"]));
    // /tinhtrang's examples are collected (its old `/nop <mã> …` placeholder was not an example).
    expect(examples(texts.find(([n]) => n === "/tinhtrang (this month)")?.[1] ?? "")).toEqual([
      "/nop hs-truc-tuyen 120 95",
      "/nop thanh-toan-truc-tuyen 120 95",
      "/nop du-lieu-mo 5",
    ]);
  });

  it.each(texts)("%s: each example parses, total first", (_, text) => {
    for (const cmd of examples(text)) {
      const r = parseNop(args(cmd), CURRENT);
      expect(r.ok, `${cmd} parses`).toBe(true);
      if (!r.ok) continue;
      const v = r.value;
      if (v.kind === "report") {
        // The texts' numbers are "120 95": total 120, part 95.
        expect([v.total, v.part], cmd).toEqual([120, 95]);
        if (cmd.includes("tháng")) expect(v.period, cmd).toBe("2026-11");
      } else if (v.kind === "count") expect(v.count, cmd).toBe(5);
    }
  });

  it("the command a refusal offers is the one its button saves", () => {
    for (const f of [
      { indicator: ONLINE, period: "2026-12", numerator: 95, denominator: 120 },
      { indicator: PAY, period: "2026-09", numerator: 30, denominator: 60 },
      { indicator: OPEN_DATA, period: "2026-12", numerator: 5, denominator: 0 },
    ]) {
      const cmd = commandOf(f, f.indicator.default === true, CURRENT);
      const r = parseNop(args(cmd), CURRENT);
      const expected =
        f.indicator.kind === "count"
          ? { kind: "count", indicatorCode: f.indicator.code, count: 5, period: null }
          : {
              kind: "report",
              indicatorCode: f.indicator.default ? null : f.indicator.code,
              total: f.denominator,
              part: f.numerator,
              period: f.period === CURRENT ? null : f.period,
            };
      expect(r, cmd).toEqual({ ok: true, value: expected });
      expect(reportTexts.swapGuess("Phường A", f, cmd)).toContain(`<code>${cmd}</code>`);
    }
  });
});
