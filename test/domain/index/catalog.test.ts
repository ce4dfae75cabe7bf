/** A deployment's catalog with a scored index: who is offered its components, and when. */
import { describe, expect, test } from "vitest";
import { Catalog, type CatalogUnit } from "../../../src/domain/catalog.js";
import { indexValidOn } from "../../../src/domain/index/applies.js";
import { parseIndex } from "../../../src/domain/index/resolveIndex.js";
import { fixtureIndex } from "./fixtures.js";

const units: CatalogUnit[] = [
  { code: "R", name: "UBND tỉnh", tier: "tinh", parentCode: null },
  { code: "S1", name: "Sở", tier: "so-ban-nganh", parentCode: "R" },
  { code: "X1", name: "Xã", tier: "xa", parentCode: "R" },
];
const index = parseIndex({ ...fixtureIndex(), validTo: "31/12/2025" });
const catalog = new Catalog(units, [], [index]);
const unit = (code: string) => {
  const u = catalog.unit(code);
  if (!u) throw new Error(code);
  return u;
};

describe("the catalog of a deployment with a scored index", () => {
  test("offers the components to the units of the tiers it applies to, for reporting", () => {
    expect(catalog.indicatorsFor(unit("X1")).map((i) => i.code)).toEqual([
      "thu-linear",
      "thu-floor",
      "thu-steps",
      "thu-all",
    ]);
    expect(catalog.indicatorsFor(unit("S1"))).toEqual([]);
    expect(catalog.indicator("thu-steps")?.itemWord).toBe("kết quả");
  });

  test("leaves them out of what reminders and digests chase (no directive target)", () => {
    expect(catalog.indicatorsFor(unit("X1"), "2024-06-30")).toEqual([]);
  });

  test.each([
    ["2023-12-31", false],
    ["2024-01-01", true],
    ["2025-12-31", true],
    ["2026-01-01", false],
  ])("in force on %s: %s", (day, inForce) => {
    expect(indexValidOn(index, day)).toBe(inForce);
    expect(catalog.indicesFor(unit("X1"), day).length).toBe(inForce ? 1 : 0);
  });
});
