/** Directives shaped like the seeds, built through the real schema. */
import type { Directive, DirectiveInput } from "../../src/domain/directive/schema.js";
import { parseDirective } from "../../src/domain/registry.js";

const indicator = {
  code: "hs-truc-tuyen",
  name: "Tỷ lệ hồ sơ trực tuyến",
  shortName: "hồ sơ trực tuyến",
  numerator: "Số hồ sơ trực tuyến",
  denominator: "Tổng số hồ sơ",
  default: true,
};

export function makeDirective(overrides: Partial<DirectiveInput>): Directive {
  return parseDirective({
    id: "thu-nghiem",
    number: "10/CT-UBND",
    kind: "chi-thi",
    issuer: "UBND tỉnh Thử Nghiệm",
    national: true,
    issuedOn: "01/06/2023",
    title: "Thử nghiệm",
    tiers: [
      { code: "so", name: "Sở, ban, ngành" },
      { code: "huyen", name: "UBND cấp huyện" },
      { code: "xa", name: "UBND cấp xã" },
    ],
    indicators: [indicator],
    ...overrides,
  });
}

/** Bắc Ninh-like ladder for districts, a strict and an aspirational target for communes. */
export const province = makeDirective({
  id: "tinh",
  milestones: [
    {
      indicator: "hs-truc-tuyen",
      scope: { tiers: ["huyen"] },
      deadline: "30/09/2023",
      target: 70,
      comparison: "atLeast",
    },
    {
      indicator: "hs-truc-tuyen",
      scope: { tiers: ["huyen"] },
      deadline: "tháng 12/2023",
      target: 85,
      comparison: "atLeast",
    },
    {
      indicator: "hs-truc-tuyen",
      scope: { tiers: ["huyen"] },
      deadline: "31/12/2025",
      target: 100,
      comparison: "reach",
    },
    { indicator: "hs-truc-tuyen", scope: { tiers: ["xa"] }, deadline: "11/2023", target: 50, comparison: "moreThan" },
    {
      indicator: "hs-truc-tuyen",
      scope: { tiers: ["xa"] },
      deadline: "31/12/2023",
      target: 80,
      comparison: "aspiration",
    },
    { indicator: "hs-truc-tuyen", scope: { tiers: ["so"] }, deadline: "31/12/2023", target: 57, comparison: "atLeast" },
  ],
});

/** Bắc Kạn-like groups with their own bands, plus a district target that ties the province's. */
export const city = makeDirective({
  id: "thanh-pho",
  number: "KH-01",
  kind: "ke-hoach",
  // Bắc Kạn's plan was issued in 08/2022: a directive binds nothing before it takes effect.
  issuedOn: "01/08/2022",
  groups: [
    { code: "nhom-1", tier: "xa", name: "Nhóm 1", units: ["duc-xuan", "song-cau"] },
    { code: "nhom-2", tier: "xa", name: "Nhóm 2", units: ["duong-quang"] },
  ],
  levels: { vang: 5, cam: 15 },
  milestones: [
    {
      indicator: "hs-truc-tuyen",
      scope: { groups: ["nhom-1"] },
      deadline: "31/12/2022",
      target: 13,
      comparison: "atLeast",
    },
    {
      indicator: "hs-truc-tuyen",
      scope: { groups: ["nhom-2"] },
      deadline: "31/12/2022",
      target: 7,
      comparison: "atLeast",
    },
    {
      indicator: "hs-truc-tuyen",
      scope: { tiers: ["huyen"] },
      deadline: "30/09/2023",
      target: 75,
      comparison: "atLeast",
    },
    {
      indicator: "hs-truc-tuyen",
      scope: { units: ["huyen-a"] },
      deadline: "30/09/2023",
      target: 90,
      comparison: "aspiration",
    },
  ],
});
