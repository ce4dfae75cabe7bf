/**
 * Jurisdiction (docs/DIRECTIVES.md "Thẩm quyền"): a province's plan and a city plan inside it
 * both bind the city's wards; the city plan binds nothing outside the city; a national document
 * binds everyone. Counts are judged like ratios.
 */
import { describe, expect, test } from "vitest";
import { Catalog, type CatalogUnit } from "../../src/domain/catalog.js";
import { evaluate } from "../../src/domain/evaluation/index.js";
import { makeDirective } from "./evaluationFixtures.js";

const units: CatalogUnit[] = [
  { code: "T", name: "UBND tỉnh", tier: "tinh", parentCode: null },
  { code: "T-S1", name: "Sở 1", tier: "so", parentCode: "T" },
  { code: "T-TP", name: "UBND thành phố", tier: "huyen", parentCode: "T" },
  { code: "T-TP-P1", name: "Phường 1", tier: "xa", parentCode: "T-TP" },
  { code: "T-X2", name: "Xã 2", tier: "xa", parentCode: "T" },
  { code: "K", name: "UBND tỉnh khác", tier: "tinh", parentCode: null },
  { code: "K-X1", name: "Xã của tỉnh khác", tier: "xa", parentCode: "K" },
];
const milestone = (target: number, deadline = "31/12/2026") => ({
  indicator: "hs-truc-tuyen",
  scope: { tiers: ["xa"] },
  deadline,
  target,
  comparison: "atLeast" as const,
});
const province = makeDirective({
  id: "tinh",
  number: "1/KH-UBND",
  national: false,
  issuingUnit: "T",
  issuedOn: "01/01/2026",
  milestones: [milestone(70)],
});
const city = makeDirective({
  id: "tp",
  number: "2/KH-UBND",
  national: false,
  issuingUnit: "T-TP",
  issuedOn: "01/01/2026",
  milestones: [milestone(85, "30/06/2026")],
});
const nation = makeDirective({
  id: "qg",
  number: "3/QĐ-TTg",
  issuedOn: "01/01/2026",
  milestones: [milestone(50, "30/09/2026")],
});
const catalog = new Catalog(units, [province, city, nation]);

const evalOn = (code: string, asOf: string) => {
  const unit = catalog.unit(code);
  if (!unit) throw new Error(code);
  return evaluate({
    unit: catalog.evaluationUnit(unit),
    indicatorCode: "hs-truc-tuyen",
    figures: { numerator: 80, denominator: 100 },
    asOf,
    directives: catalog.directives,
  });
};

describe("which directive binds which unit", () => {
  test.each([
    // [unit, day, in force: directive id and target, next]
    ["T-TP-P1", "2026-07-01", ["tp", 85], ["qg", 50]],
    ["T-TP-P1", "2026-12-31", ["tinh", 70], null],
    ["T-X2", "2026-07-01", null, ["qg", 50]],
    ["T-X2", "2026-12-31", ["tinh", 70], null],
    ["K-X1", "2026-07-01", null, ["qg", 50]],
    ["K-X1", "2026-12-31", ["qg", 50], null],
  ] as const)("%s on %s: in force %j, next %j", (code, day, inForce, next) => {
    const e = evalOn(code, day);
    expect(e.inForce ? [e.inForce.directiveId, e.inForce.target] : null).toEqual(inForce);
    expect(e.next ? [e.next.directiveId, e.next.target] : null).toEqual(next);
  });

  test("bindingDirectives and indicatorsFor stay inside each jurisdiction", () => {
    const ids = (code: string) =>
      catalog
        .bindingDirectives(catalog.unit(code) as CatalogUnit)
        .map((d) => d.id)
        .sort();
    expect(ids("T-TP-P1")).toEqual(["qg", "tinh", "tp"]);
    expect(ids("T-X2")).toEqual(["qg", "tinh"]);
    expect(ids("K-X1")).toEqual(["qg"]);
    expect(ids("T-S1")).toEqual([]);
  });

  test("indicatorsFor without a day is remembered per unit, handed out as a copy, and not across tiers", () => {
    const fresh = new Catalog(units, [province, city, nation]);
    const ward = fresh.unit("T-TP-P1") as CatalogUnit;
    const first = fresh.indicatorsFor(ward);
    expect(first.map((i) => i.code)).toEqual(["hs-truc-tuyen"]);
    first.pop(); // a caller's change to its list must not reach the next caller
    expect(fresh.indicatorsFor(ward).map((i) => i.code)).toEqual(["hs-truc-tuyen"]);
    // The same code seen with another tier (a unit moved between tiers in a deployment's list):
    // the milestones bind by tier, so a district is not answered from the ward's memory.
    expect(fresh.indicatorsFor({ ...ward, tier: "huyen" })).toEqual([]);
    expect(fresh.indicatorsFor(ward).map((i) => i.code)).toEqual(["hs-truc-tuyen"]);
  });
});

describe("count targets", () => {
  const d = makeDirective({
    indicators: [
      {
        code: "du-lieu-mo",
        name: "Số bộ dữ liệu mở",
        kind: "count",
        numerator: "Số bộ dữ liệu mở công bố",
        itemWord: "bộ dữ liệu",
      },
    ],
    milestones: [
      { indicator: "du-lieu-mo", scope: { tiers: ["xa"] }, deadline: "31/12/2023", target: 5, comparison: "atLeast" },
    ],
  });
  test.each([
    [5, true, "xanh", 0],
    [6, true, "xanh", 0],
    [4, false, "cam", 1],
    [3, false, "do", 2],
    [0, false, "do", 5],
  ] as const)("%i of 5 → met %s, level %s, missing %i", (count, met, level, missing) => {
    const e = evaluate({
      unit: { tier: "xa" },
      indicatorCode: "du-lieu-mo",
      figures: { numerator: count, denominator: 0 },
      asOf: "2023-12-31",
      directives: [d],
    });
    expect(e).toMatchObject({
      status: "evaluated",
      kind: "count",
      met,
      level,
      percentText: String(count),
      ratio: null,
    });
    expect(e.inForce?.targetText).toBe("5 bộ dữ liệu");
    expect(e.met ? null : e.missing).toBe(met ? null : missing);
  });
});
