import { describe, expect, test } from "vitest";
import { evaluate } from "../../src/domain/evaluation/evaluate.js";
import type { Figures } from "../../src/domain/evaluation/ratio.js";
import { city, makeDirective, province } from "./evaluationFixtures.js";

const huyen = { code: "huyen-a", tier: "huyen" };
const xa = { code: "duc-xuan", tier: "xa" };
const f = (numerator: number, denominator: number): Figures => ({ numerator, denominator });
const run = (
  unit: { code?: string; tier?: string; groups?: string[] },
  figures: Figures | null,
  asOf: string,
  directives = [province],
) => evaluate({ unit, indicatorCode: "hs-truc-tuyen", figures, asOf, directives });

describe("in force and next on both sides of every deadline (province ladder for huyện)", () => {
  test.each<[string, string | null, string | null]>([
    ["2023-09-29", null, "2023-09-30"],
    ["2023-09-30", "2023-09-30", "2023-12-31"],
    ["2023-10-01", "2023-09-30", "2023-12-31"],
    ["2023-12-30", "2023-09-30", "2023-12-31"],
    ["2023-12-31", "2023-12-31", "2025-12-31"],
    ["2024-01-01", "2023-12-31", "2025-12-31"],
    ["2025-12-30", "2023-12-31", "2025-12-31"],
    ["2025-12-31", "2025-12-31", null],
    // The directive sets nothing after 2025 (docs/DIRECTIVES.md "Hiệu lực"): its last target lapsed.
    ["2026-01-01", null, null],
  ])("as of %s: in force %s, next %s", (asOf, inForce, next) => {
    const e = run(huyen, f(80, 100), asOf);
    expect(e.inForce?.deadline ?? null).toBe(inForce);
    expect(e.next?.deadline ?? null).toBe(next);
    expect(e.lapsed?.deadline ?? null).toBe(inForce === null && next === null ? "2025-12-31" : null);
  });
});

describe("met and level against the milestone in force", () => {
  test.each<[number, number, string, boolean | null, string]>([
    [69, 100, "2023-09-30", false, "vang"],
    [70, 100, "2023-09-30", true, "xanh"],
    [7, 10, "2023-09-30", true, "xanh"],
    [699, 1000, "2023-09-30", false, "vang"],
    [701, 1000, "2023-09-30", true, "xanh"],
    [60, 100, "2023-09-30", false, "vang"],
    [599, 1000, "2023-09-30", false, "cam"],
    [50, 100, "2023-09-30", false, "cam"],
    [499, 1000, "2023-09-30", false, "do"],
    [0, 100, "2023-09-30", false, "do"],
    // The day before the first deadline nothing is in force: met is null, level is progress.
    [69, 100, "2023-09-29", null, "vang"],
    [70, 100, "2023-09-29", null, "xanh"],
    // 80% meets 70% (in force until 30/12) but not 85% from 31/12.
    [80, 100, "2023-12-30", true, "xanh"],
    [80, 100, "2023-12-31", false, "vang"],
  ])("%i/%i on %s → met %s, %s", (n, d, asOf, met, level) => {
    const e = run(huyen, f(n, d), asOf);
    expect(e.status).toBe("evaluated");
    expect(e.met).toBe(met);
    expect(e.level).toBe(level);
  });

  test("57/100 against 57% is met", () => {
    const e = run({ code: "so-tttt", tier: "so" }, f(57, 100), "2023-12-31");
    expect(e.met).toBe(true);
    expect(e.missing).toBeNull();
  });
});

describe("strict (trên) and aspirational (phấn đấu) targets for xã", () => {
  test.each<[number, number, string, boolean | null, string]>([
    [50, 100, "2023-11-30", false, "vang"],
    [51, 100, "2023-11-30", true, "xanh"],
    [50, 100, "2023-11-29", null, "vang"],
    // aspiration 80% in force from 31/12/2023: unmet is null and vàng at worst
    [79, 100, "2023-12-31", null, "vang"],
    [10, 100, "2023-12-31", null, "vang"],
    [80, 100, "2023-12-31", true, "xanh"],
  ])("%i/%i on %s → met %s, %s", (n, d, asOf, met, level) => {
    const e = run({ tier: "xa" }, f(n, d), asOf);
    expect(e.met).toBe(met);
    expect(e.level).toBe(level);
  });
});

describe("missing items", () => {
  test("for the in-force target when it is not met", () => {
    const e = run(huyen, f(65, 100), "2023-10-15");
    expect(e).toMatchObject({ missing: 5, missingFor: "inForce", missingUnreachable: false });
  });
  test("for the next target when the one in force is met", () => {
    const e = run(huyen, f(95, 120), "2023-10-15");
    expect(e).toMatchObject({ met: true, missing: 7, missingFor: "next" });
  });
  test("for the next target before the first deadline", () => {
    const e = run(huyen, f(60, 100), "2023-09-01");
    expect(e).toMatchObject({ met: null, missing: 10, missingFor: "next" });
  });
  test("0 when the next target is already met", () => {
    expect(run(huyen, f(90, 100), "2023-10-15")).toMatchObject({ missing: 0, missingFor: "next" });
  });
  test("null when the last target is met", () => {
    expect(run(huyen, f(100, 100), "2025-12-31")).toMatchObject({ met: true, missing: null, missingFor: null });
  });
  test("unreachable: more than 100%", () => {
    const strict = makeDirective({
      milestones: [
        {
          indicator: "hs-truc-tuyen",
          scope: { tiers: ["huyen"] },
          deadline: "30/09/2023",
          target: 100,
          comparison: "moreThan",
        },
      ],
    });
    const e = run(huyen, f(99, 100), "2023-10-01", [strict]);
    expect(e).toMatchObject({ met: false, missing: null, missingFor: "inForce", missingUnreachable: true });
  });
});

describe("statuses that are not a ratio", () => {
  test("not reported is its own status, never zero", () => {
    const e = run(huyen, null, "2023-10-01");
    expect(e).toMatchObject({
      status: "not-reported",
      ratio: null,
      percentText: null,
      met: null,
      level: null,
      missing: null,
    });
    expect(e.inForce?.target).toBe(70);
  });
  test("denominator 0: no ratio, not a failure, not 0%", () => {
    const e = run(huyen, f(0, 0), "2023-10-01");
    expect(e).toMatchObject({ status: "no-data", ratio: null, percentText: null, met: null, level: null });
  });
  test("no milestone binds the unit", () => {
    const e = run({ code: "x", tier: "khac" }, f(3, 4), "2023-10-01");
    expect(e).toMatchObject({ status: "no-milestone", ratio: 0.75, percentText: "75%", met: null, level: null });
  });
  test("impossible figures are a programming error", () => {
    expect(() => run(huyen, f(5, 4), "2023-10-01")).toThrow(RangeError);
  });
});

describe("across directives", () => {
  test("same deadline: the strictest target wins (75% over 70%)", () => {
    const e = run(huyen, f(72, 100), "2023-09-30", [province, city]);
    expect(e.inForce).toMatchObject({ target: 75, directiveId: "thanh-pho" });
    // the city's vàng band is 5 points: 72 is 3 below 75
    expect(e).toMatchObject({ met: false, level: "vang", missing: 3 });
    expect(run(huyen, f(69, 100), "2023-09-30", [province, city]).level).toBe("cam");
  });
  test("an aspiration never beats a real target on the same day, even a higher one", () => {
    const e = run(huyen, f(72, 100), "2023-09-30", [city, province]);
    expect(e.inForce).toMatchObject({ target: 75, comparison: "atLeast" });
  });
  test("group membership binds (Bắc Kạn Nhóm 1: 13%)", () => {
    const e = run(xa, f(12, 100), "2022-12-31", [city]);
    expect(e.inForce).toMatchObject({ target: 13, deadline: "2022-12-31", deadlineText: "31/12/2022" });
    expect(e).toMatchObject({ met: false, missing: 1 });
    expect(run({ code: "duong-quang", tier: "xa" }, f(7, 100), "2022-12-31", [city]).met).toBe(true);
  });
  test("group membership recorded on the unit binds too", () => {
    const e = run({ code: "xa-moi", tier: "xa", groups: ["nhom-2"] }, f(7, 100), "2022-12-31", [city]);
    expect(e).toMatchObject({ met: true, inForce: { target: 7 } });
    expect(run({ code: "xa-moi", tier: "xa" }, f(7, 100), "2022-12-31", [city]).status).toBe("no-milestone");
  });
  test("month deadlines bind on the last day of the month", () => {
    const e = run(huyen, f(80, 100), "2023-12-31");
    expect(e.inForce).toMatchObject({ deadline: "2023-12-31", deadlineSource: "tháng 12/2023", targetText: "85%" });
  });
});

describe("one list of directives reused across calls (the binding cache)", () => {
  // The engine remembers, per list of directives, which milestones bind a unit. The answer
  // must depend on the unit's tier and recorded groups, not only on its code.
  const both = [province, city];
  const asOf = "2022-12-31";
  const fresh = (unit: { code?: string; tier?: string; groups?: string[] }, figures: Figures) =>
    run(unit, figures, asOf, [...both]);
  test.each<[string, { code?: string; tier?: string; groups?: string[] }]>([
    ["a commune in no group", { code: "xa-moi", tier: "xa" }],
    ["the same code once it is recorded in nhóm 2", { code: "xa-moi", tier: "xa", groups: ["nhom-2"] }],
    ["the same code as a district", { code: "xa-moi", tier: "huyen" }],
    ["the same code in no tier", { code: "xa-moi" }],
    ["a tier without a code", { tier: "xa" }],
    ["back to the first", { code: "xa-moi", tier: "xa" }],
  ])("%s: same answer as with a fresh list", (_, unit) => {
    expect(run(unit, f(7, 100), asOf, both)).toEqual(fresh(unit, f(7, 100)));
    expect(run(unit, f(7, 100), "2023-12-31", both)).toEqual(run(unit, f(7, 100), "2023-12-31", [...both]));
  });
  test("what it hands out cannot be changed by a caller", () => {
    const e = run({ code: "xa-moi", tier: "xa", groups: ["nhom-2"] }, f(7, 100), asOf, both);
    expect(() => {
      (e.inForce as { target: number }).target = 1;
    }).toThrow(TypeError);
    expect(run({ code: "xa-moi", tier: "xa", groups: ["nhom-2"] }, f(7, 100), asOf, both).inForce?.target).toBe(7);
  });
});
