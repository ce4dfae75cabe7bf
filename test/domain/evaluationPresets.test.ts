/**
 * Every milestone of every directive preset, evaluated on its own dates (seeds README: "every
 * one of them must be … evaluated correctly on its own dates"). For each milestone and each
 * unit it binds: the day before the deadline it is next; on the day it is in force (or a
 * stricter milestone due the same day is); at the target it is met, one item below it is not,
 * at a denominator of 10.000 (exact for targets with two decimals).
 */
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { addDays } from "../../src/domain/calendar/days.js";
import type { Directive, Milestone, UnitList } from "../../src/domain/directive/schema.js";
import {
  compareStrictness,
  evaluate,
  groupsOfUnit,
  scopeBindsUnit,
  targetToHundredths,
  type EvaluationUnit,
} from "../../src/domain/evaluation/index.js";
import { loadPresets } from "../../src/directives/loadDirective.js";

const dir = fileURLToPath(new URL("../../directives", import.meta.url));
const { presets } = await loadPresets(dir);
const D = 10_000;

function ancestorsIn(units: UnitList, code: string): string[] {
  const parent = new Map(units.units.map((u) => [u.code, u.parent]));
  const out: string[] = [];
  for (let p = parent.get(code) ?? null; p !== null; p = parent.get(p) ?? null) out.push(p);
  return out;
}

/** Units a milestone binds: from the unit list (placed in its tree), or (without one) the scope itself. */
function boundUnits(m: Milestone, directive: Directive, units: UnitList | null): EvaluationUnit[] {
  if (units) {
    return units.units
      .map((u) => ({ code: u.code, tier: u.tier, ancestors: ancestorsIn(units, u.code) }))
      .filter((u) => scopeBindsUnit(m.scope, u, directive));
  }
  const members = directive.groups
    .filter((g) => m.scope.groups.includes(g.code))
    .flatMap((g) => g.units.map((code) => ({ code, tier: g.tier })));
  return [...m.scope.tiers.map((tier) => ({ tier })), ...m.scope.units.map((code) => ({ code })), ...members];
}

const rows = presets.flatMap(({ directive, units }) =>
  directive.milestones.map((milestone, index) => ({
    label: `${directive.id} milestones[${index}] ${milestone.indicator} ${milestone.comparison} ${milestone.target} đến ${milestone.deadline.date}`,
    directive,
    milestone,
    units: boundUnits(milestone, directive, units),
  })),
);

test("the presets are there", () => {
  expect(presets.length).toBeGreaterThanOrEqual(5);
  expect(rows.length).toBeGreaterThan(0);
});

describe.each(rows)("$label", ({ directive, milestone, units }) => {
  const due = milestone.deadline.date;
  // A count ("tối thiểu 05 bộ dữ liệu") is one figure; a ratio is judged at a denominator of 10.000.
  const count = directive.indicators.find((i) => i.code === milestone.indicator)?.kind === "count";
  const at = (unit: EvaluationUnit, asOf: string, numerator: number) =>
    evaluate({
      unit,
      indicatorCode: milestone.indicator,
      figures: { numerator, denominator: count ? 0 : D },
      asOf,
      directives: [directive],
    });

  test("binds at least one unit", () => {
    expect(units.length).toBeGreaterThan(0);
  });

  test("the day before the deadline it is next; on the day it is in force", () => {
    for (const unit of units) {
      const before = at(unit, addDays(due, -1), 0);
      expect(before.next?.deadline, `${unit.code ?? unit.tier}`).toBe(due);
      if (before.inForce) expect(before.inForce.deadline < due).toBe(true);
      const onDay = at(unit, due, 0);
      expect(onDay.inForce?.deadline).toBe(due);
      // The day after, it (or a later one) is still in force — or, past the directive's horizon
      // (docs/DIRECTIVES.md "Hiệu lực"), it is the lapsed target, or its measured period ("mỗi
      // năm") is over and the next year's target is the one coming.
      const after = at(unit, addDays(due, 1), 0);
      const measured = milestone.measures !== undefined && after.inForce === null && (after.next?.deadline ?? "") > due;
      expect(measured || (after.inForce?.deadline ?? after.lapsed?.deadline ?? "") >= due).toBe(true);
      // the winner on the day is this milestone or a stricter one due the same day
      const winner = onDay.inForce;
      if (!winner) throw new Error("no milestone in force on its deadline");
      expect(
        compareStrictness({ ...milestone, target: winner.target, comparison: winner.comparison }, milestone),
      ).toBeGreaterThanOrEqual(0);
      expect(before.next).toMatchObject({ target: winner.target, comparison: winner.comparison });
    }
  });

  test("on the day: met at the target, not one item below, met one above", () => {
    for (const unit of units) {
      const winner = at(unit, due, 0).inForce;
      if (!winner) throw new Error("no milestone in force on its deadline");
      const T = count ? winner.target : Number(targetToHundredths(winner.target));
      const strict = winner.comparison === "moreThan";
      const aspiration = winner.comparison === "aspiration";
      const label = `${unit.code ?? unit.tier} ${winner.comparison} ${winner.target}%`;

      const atTarget = at(unit, due, T);
      expect(atTarget.met, label).toBe(!strict);
      expect(atTarget.level, label).toBe(strict ? "vang" : "xanh");

      const below = at(unit, due, T - 1);
      expect(below.met, label).toBe(aspiration ? null : false);
      expect(below.level, label).not.toBe("xanh");
      expect(below).toMatchObject({ missingFor: "inForce", missing: strict ? 2 : 1 });

      if (count || T < D) expect(at(unit, due, T + 1).met, label).toBe(true);
      else if (strict) expect(at(unit, due, D).missingUnreachable, label).toBe(true);
    }
  });

  test("groups bind only their members", () => {
    for (const unit of units) {
      const direct =
        (unit.tier !== undefined && milestone.scope.tiers.includes(unit.tier)) ||
        (unit.code !== undefined && milestone.scope.units.includes(unit.code));
      if (!direct) expect(groupsOfUnit(unit, directive).some((g) => milestone.scope.groups.includes(g))).toBe(true);
    }
  });
});

/** Seed 004, Phụ lục I, ví dụ 1–3, evaluated for Phòng Giáo dục và Đào tạo (Nhóm 1). */
const bacKan = presets.find((p) => p.directive.id === "bac-kan-kh-ubnd-2022");
describe.runIf(bacKan)("Bắc Kạn worked examples", () => {
  test.each<[string, number, number, string, boolean]>([
    ["dvc-toan-trinh", 15, 20, "75%", false],
    ["dvc-phat-sinh-hs", 8, 10, "80%", true],
    ["hs-truc-tuyen", 150, 155, "96,8%", true],
  ])("%s %i/%i = %s", (indicatorCode, numerator, denominator, percentText, met) => {
    const directives = bacKan ? [bacKan.directive] : [];
    const e = evaluate({
      unit: { code: "BK-PGDDT", tier: "phong-chuyen-mon" },
      indicatorCode,
      figures: { numerator, denominator },
      asOf: "2022-12-31",
      directives,
    });
    expect(e).toMatchObject({ status: "evaluated", percentText, met });
  });
});
