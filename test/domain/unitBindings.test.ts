/** Which directives bind a unit and why (src/domain/directive/unitBindings.ts), the unit chat's `/chithi`. */
import { describe, expect, it } from "vitest";
import { Catalog, type CatalogUnit } from "../../src/domain/catalog.js";
import type { DirectiveInput } from "../../src/domain/directive/schema.js";
import { directivesBindingUnit } from "../../src/domain/directive/unitBindings.js";
import { parseDirective } from "../../src/domain/registry.js";

const units: CatalogUnit[] = [
  { code: "P", name: "UBND tỉnh P", tier: "tinh", parentCode: null },
  { code: "P-H", name: "Thành phố Một", tier: "huyen", parentCode: "P" },
  { code: "P-X1", name: "Phường Một", tier: "xa", parentCode: "P-H" },
  { code: "P-X2", name: "Phường Hai", tier: "xa", parentCode: "P-H" },
  { code: "Q", name: "UBND tỉnh Q", tier: "tinh", parentCode: null },
];
const unit = (code: string) => units.find((u) => u.code === code) as CatalogUnit;

const ind = {
  code: "hs-truc-tuyen",
  name: "Tỷ lệ hồ sơ trực tuyến",
  numerator: "Số hồ sơ trực tuyến",
  denominator: "Tổng số hồ sơ",
};
function directive(over: Partial<DirectiveInput>) {
  return parseDirective({
    id: "p",
    number: "01/CT-UBND",
    kind: "chi-thi",
    issuer: "UBND tỉnh P",
    issuingUnit: "P",
    issuedOn: "01/06/2023",
    title: "Tỉnh",
    tiers: [
      { code: "huyen", name: "UBND cấp huyện" },
      { code: "xa", name: "UBND cấp xã" },
    ],
    groups: [{ code: "nhom-1", tier: "xa", name: "Nhóm 1 (phường trung tâm)", units: ["P-X1"] }],
    indicators: [ind],
    ...over,
  });
}
type ScopeInput = { tiers?: string[]; groups?: string[]; units?: string[]; label?: string };
const ms = (scope: ScopeInput, deadline = "31/12/2023") => ({
  indicator: "hs-truc-tuyen",
  scope,
  deadline,
  target: 70,
  comparison: "atLeast" as const,
});

describe("directivesBindingUnit", () => {
  const byTier = directive({
    milestones: [
      ms({ tiers: ["xa"], label: "UBND xã, phường" }),
      ms({ tiers: ["xa"], label: "UBND xã, phường" }, "31/12/2024"),
    ],
    tasks: [{ code: "nv", title: "Rà soát", lead: { tiers: ["xa"] }, deadline: { kind: "date", date: "30/09/2023" } }],
    commitments: [{ text: "Chung" }, { text: "Riêng huyện", scope: { tiers: ["huyen"] } }],
  });
  const byGroupAndName = directive({
    id: "tp",
    number: "02/KH-UBND",
    issuingUnit: "P-H",
    milestones: [ms({ groups: ["nhom-1"] })],
    tasks: [
      {
        code: "nv",
        title: "Số hoá",
        lead: { units: ["P-X1"], label: "Phường Một" },
        deadline: { kind: "date", date: "30/09/2023" },
      },
    ],
  });
  const ended = directive({
    id: "cu",
    number: "09/CT-UBND",
    effectiveUntil: "31/12/2023",
    milestones: [ms({ tiers: ["xa"] })],
  });
  const upcoming = directive({
    id: "moi",
    number: "03/CT-UBND",
    effectiveFrom: "01/01/2025",
    milestones: [ms({ tiers: ["xa"] }, "31/12/2025")],
  });
  const outside = directive({ id: "q", number: "05/CT-UBND", issuingUnit: "Q", milestones: [ms({ tiers: ["xa"] })] });
  const catalog = new Catalog(units, [byTier, byGroupAndName, ended, upcoming, outside]);

  it("sorts into in force, upcoming and ended; a directive outside the jurisdiction is absent", () => {
    const b = directivesBindingUnit(catalog, unit("P-X1"), "2024-06-01");
    expect(b.inForce.map((x) => x.directive.id)).toEqual(["p", "tp"]);
    expect(b.upcoming.map((x) => x.directive.id)).toEqual(["moi"]);
    expect(b.ended.map((x) => x.directive.id)).toEqual(["cu"]);
  });

  it("names the tier, the group and the naming that matched, once each, with the directive's words", () => {
    const b = directivesBindingUnit(catalog, unit("P-X1"), "2024-06-01");
    expect(b.inForce[0]?.reasons).toEqual([
      { kind: "tier", code: "xa", name: "UBND cấp xã", labels: ["UBND xã, phường"] },
    ]);
    expect(b.inForce[1]?.reasons).toEqual([
      { kind: "group", code: "nhom-1", name: "Nhóm 1 (phường trung tâm)", labels: [] },
      { kind: "unit", labels: ["Phường Một"] },
    ]);
  });

  it("keeps the commitments addressed to everyone or to a scope that binds the unit", () => {
    const b = directivesBindingUnit(catalog, unit("P-X1"), "2024-06-01");
    expect(b.inForce[0]?.commitments.map((c) => c.text)).toEqual(["Chung"]);
  });

  it("a unit no scope names is bound by nothing of that directive", () => {
    const b = directivesBindingUnit(catalog, unit("P-X2"), "2024-06-01");
    expect(b.inForce.map((x) => x.directive.id)).toEqual(["p"]);
    expect(directivesBindingUnit(catalog, unit("Q"), "2024-06-01")).toEqual({ inForce: [], upcoming: [], ended: [] });
  });
});
