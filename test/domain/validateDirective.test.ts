import { describe, expect, test } from "vitest";
import { directiveSchema, unitListSchema, type DirectiveInput } from "../../src/domain/directive/schema.js";
import { formatDirectiveIssues } from "../../src/domain/directive/problems.js";
import { validateDirective, validateUnitList } from "../../src/domain/directive/validateDirective.js";

const base = (): DirectiveInput => ({
  id: "thu",
  number: "1/KH-UBND",
  kind: "ke-hoach",
  issuer: "UBND thành phố Thử",
  issuingUnit: "R",
  issuedOn: "01/08/2022",
  title: "Kế hoạch thử",
  tiers: [
    { code: "phong-chuyen-mon", name: "Phòng" },
    { code: "xa", name: "Xã" },
  ],
  groups: [
    { code: "nhom-1", tier: "phong-chuyen-mon", name: "Nhóm 1", units: ["P1", "P2"] },
    { code: "nhom-2", tier: "xa", name: "Nhóm xã", units: ["X1"] },
  ],
  indicators: [
    { code: "hs-truc-tuyen", name: "Hồ sơ", numerator: "a", denominator: "b", default: true },
    { code: "dvc-toan-trinh", name: "TTHC", numerator: "a", denominator: "b", itemWord: "TTHC" },
  ],
  milestones: [
    {
      indicator: "hs-truc-tuyen",
      scope: { groups: ["nhom-1"] },
      deadline: "31/12/2022",
      target: 30,
      comparison: "atLeast",
    },
    {
      indicator: "hs-truc-tuyen",
      scope: { tiers: ["xa", "phong-chuyen-mon"] },
      deadline: "31/12/2022",
      target: 7,
      comparison: "atLeast",
    },
  ],
  tasks: [{ code: "T1", title: "Việc", lead: { units: ["P1"] }, deadline: { kind: "month", month: "2022-09" } }],
});

const units = unitListSchema.parse({
  name: "Thành phố Thử",
  units: [
    { code: "R", name: "UBND", tier: "thanh-pho", parent: null },
    { code: "P1", name: "Phòng 1", tier: "phong-chuyen-mon", parent: "R" },
    { code: "P2", name: "Phòng 2", tier: "phong-chuyen-mon", parent: "R" },
    { code: "X1", name: "Xã 1", tier: "xa", parent: "R" },
  ],
});

function check(edit: (d: DirectiveInput) => void, withUnits = false) {
  const input = base();
  edit(input);
  return validateDirective(directiveSchema.parse(input), withUnits ? units : undefined);
}

test("a consistent directive has no problems, with or without its unit list", () => {
  expect(check(() => {})).toEqual([]);
  expect(check(() => {}, true)).toEqual([]);
});

describe("cross-field problems", () => {
  test.each<[string, (d: DirectiveInput) => void, string, string]>([
    [
      "duplicate group",
      (d) => d.groups?.push({ code: "nhom-1", tier: "xa", name: "x", units: ["X9"] }),
      "groups[2].code",
      'mã nhóm "nhom-1" bị trùng (đã dùng ở groups[0])',
    ],
    [
      "duplicate indicator",
      (d) => d.indicators?.push({ code: "dvc-toan-trinh", name: "x", numerator: "a", denominator: "b" }),
      "indicators[2].code",
      'mã chỉ tiêu "dvc-toan-trinh" bị trùng',
    ],
    [
      "duplicate task",
      (d) =>
        d.tasks?.push({
          code: "T1",
          title: "x",
          lead: { tiers: ["xa"] },
          deadline: { kind: "recurring", rule: "continuous" },
        }),
      "tasks[1].code",
      'mã nhiệm vụ "T1" bị trùng',
    ],
    [
      "group of an unknown tier",
      (d) => {
        if (d.groups?.[1]) d.groups[1].tier = "phuong";
      },
      "groups[1].tier",
      'cấp "phuong" chưa được khai báo trong tiers',
    ],
    [
      "unit in two groups",
      (d) => d.groups?.[1]?.units.push("P1"),
      "groups[1].units[1]",
      'đơn vị "P1" đã thuộc nhóm "nhom-1"',
    ],
    [
      "milestone of an unknown group",
      (d) => {
        if (d.milestones?.[0]) d.milestones[0].scope = { groups: ["nhom-9"] };
      },
      "milestones[0].scope.groups[0]",
      'nhóm "nhom-9" chưa được khai báo',
    ],
    [
      "milestone of an unknown indicator",
      (d) => {
        if (d.milestones?.[1]) d.milestones[1].indicator = "x";
      },
      "milestones[1].indicator",
      'chỉ tiêu "x" chưa được khai báo trong indicators',
    ],
    [
      "task supervisor of an unknown tier",
      (d) => {
        if (d.tasks?.[0]) d.tasks[0].supervisor = { tiers: ["huyen"] };
      },
      "tasks[0].supervisor.tiers[0]",
      'cấp "huyen" chưa được khai báo',
    ],
    [
      "two default indicators",
      (d) => {
        if (d.indicators?.[1]) d.indicators[1].default = true;
      },
      "indicators[1].default",
      "chỉ một chỉ tiêu được đặt default",
    ],
    [
      "milestone due before the directive",
      (d) => {
        if (d.milestones?.[0]) d.milestones[0].deadline = "tháng 7/2022";
      },
      "milestones[0].deadline",
      "sớm hơn ngày ban hành",
    ],
    [
      "monthlyBeforeDay without a day",
      (d) => {
        if (d.tasks?.[0]) d.tasks[0].deadline = { kind: "recurring", rule: "monthlyBeforeDay" };
      },
      "tasks[0].deadline.day",
      "cần nêu ngày",
    ],
    [
      "month range backwards",
      (d) => {
        if (d.tasks?.[0]) d.tasks[0].deadline = { kind: "monthRange", from: "2022-11", to: "2022-09" };
      },
      "tasks[0].deadline.to",
      "tháng kết thúc sớm hơn tháng bắt đầu",
    ],
    [
      "year range backwards",
      (d) => {
        if (d.tasks?.[0]) d.tasks[0].deadline = { kind: "yearRange", from: 2025, to: 2021 };
      },
      "tasks[0].deadline.to",
      "năm kết thúc sớm hơn",
    ],
  ])("%s", (_what, edit, path, message) => {
    const problems = check(edit);
    expect(problems.map((p) => p.path)).toEqual([path]);
    expect(problems[0]?.message).toContain(message);
  });

  test("the same milestone twice, whatever the order of its scope lists", () => {
    const problems = check((d) =>
      d.milestones?.push({
        indicator: "hs-truc-tuyen",
        scope: { tiers: ["phong-chuyen-mon", "xa"] },
        deadline: "2022-12-31",
        target: 10,
        comparison: "reach",
      }),
    );
    expect(problems).toEqual([
      { path: "milestones[2]", message: "trùng với milestones[1] (cùng chỉ tiêu, phạm vi và hạn)" },
    ]);
  });

  test("same indicator and scope on another deadline is fine", () => {
    expect(
      check((d) =>
        d.milestones?.push({
          indicator: "hs-truc-tuyen",
          scope: { groups: ["nhom-1"] },
          deadline: "tháng 6/2023",
          target: 40,
          comparison: "atLeast",
        }),
      ),
    ).toEqual([]);
  });
});

/** Month fields are checked once, by `isoMonthSchema`, when the file is parsed. */
describe("month fields: rejected by the schema, at the field", () => {
  test.each<[string, (d: DirectiveInput) => void, string, string]>([
    [
      "month 13",
      (d) => {
        if (d.tasks?.[0]) d.tasks[0].deadline = { kind: "month", month: "2022-13" };
      },
      "tasks[0].deadline.month",
      'tháng "2022-13" không hợp lệ',
    ],
    [
      "month range ending in month 13",
      (d) => {
        if (d.tasks?.[0]) d.tasks[0].deadline = { kind: "monthRange", from: "2022-11", to: "2022-13" };
      },
      "tasks[0].deadline.to",
      'tháng "2022-13" không hợp lệ',
    ],
    [
      "month range from month 00",
      (d) => {
        if (d.tasks?.[0]) d.tasks[0].deadline = { kind: "monthRange", from: "2022-00", to: "2022-09" };
      },
      "tasks[0].deadline.from",
      'tháng "2022-00" không hợp lệ',
    ],
    [
      "month without its leading zero",
      (d) => {
        if (d.tasks?.[0]) d.tasks[0].deadline = { kind: "month", month: "2022-9" };
      },
      "tasks[0].deadline.month",
      'tháng "2022-9" không hợp lệ',
    ],
    [
      "peak week month 00",
      (d) => {
        d.peakWeek = { from: "2022-00" };
      },
      "peakWeek.from",
      'tháng "2022-00" không hợp lệ',
    ],
  ])("%s", (_what, edit, path, message) => {
    const input = base();
    edit(input);
    const parsed = directiveSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    const problems = parsed.success ? [] : formatDirectiveIssues(parsed.error.issues);
    expect(problems.map((p) => p.path)).toEqual([path]);
    expect(problems[0]?.message).toContain(message);
    expect(problems[0]?.message).toContain("yyyy-mm");
  });

  test("months 01 and 12 are fine", () => {
    expect(
      check((d) => {
        if (d.tasks?.[0]) d.tasks[0].deadline = { kind: "monthRange", from: "2022-01", to: "2022-12" };
        d.peakWeek = { from: "2022-12" };
      }),
    ).toEqual([]);
  });
});

describe("against the unit list", () => {
  test.each<[string, (d: DirectiveInput) => void, string, string]>([
    [
      "group unit missing",
      (d) => d.groups?.[0]?.units.push("P9"),
      "groups[0].units[2]",
      'đơn vị "P9" không có trong danh sách đơn vị "Thành phố Thử"',
    ],
    [
      "group unit of another tier",
      (d) => d.groups?.[0]?.units.push("X1"),
      "groups[0].units[2]",
      'đơn vị "X1" thuộc cấp "xa", không phải cấp "phong-chuyen-mon"',
    ],
    [
      "…which is then also in two groups",
      (d) => d.groups?.[0]?.units.push("X1"),
      "groups[1].units[0]",
      'đơn vị "X1" đã thuộc nhóm "nhom-1"',
    ],
    [
      "task unit missing",
      (d) => {
        if (d.tasks?.[0]) d.tasks[0].lead = { units: ["Q"] };
      },
      "tasks[0].lead.units[0]",
      'đơn vị "Q" không có',
    ],
    [
      "tier with no unit",
      (d) => {
        d.tiers.push({ code: "huyen", name: "Huyện" });
        if (d.tasks?.[0]) d.tasks[0].cooperating = { tiers: ["huyen"] };
      },
      "tasks[0].cooperating.tiers[0]",
      'không có đơn vị nào thuộc cấp "huyen"',
    ],
  ])("%s", (_what, edit, path, message) => {
    const problems = check(edit, true);
    expect(problems.find((p) => p.path === path)?.message).toContain(message);
  });

  test("a unit whose tier differs from its group's", () => {
    const problems = check((d) => {
      if (d.groups?.[1]) d.groups[1].units = ["P2"];
      if (d.groups?.[0]) d.groups[0].units = ["P1"];
    }, true);
    expect(problems).toEqual([
      { path: "groups[1].units[0]", message: 'đơn vị "P2" thuộc cấp "phong-chuyen-mon", không phải cấp "xa" của nhóm' },
    ]);
  });

  test("a valid unit list has no problems", () => {
    expect(validateUnitList(units)).toEqual([]);
  });
});
