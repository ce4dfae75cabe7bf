/** The dry run of a directive before it is loaded (src/domain/directive/dryRun.ts). */
import { describe, expect, it } from "vitest";
import type { CatalogUnit } from "../../src/domain/catalog.js";
import { planDirective, type DryRunInput } from "../../src/domain/directive/dryRun.js";
import type { DirectiveInput } from "../../src/domain/directive/schema.js";
import { parseDirective } from "../../src/domain/registry.js";

/** Province P (a department, a district with two communes) and, outside it, province Q with one commune. */
const units: CatalogUnit[] = [
  { code: "P", name: "UBND tỉnh P", tier: "tinh", parentCode: null },
  { code: "P-SO", name: "Sở Tư pháp", tier: "so", parentCode: "P" },
  { code: "P-H", name: "Huyện Một", tier: "huyen", parentCode: "P" },
  { code: "P-X1", name: "Xã Một", tier: "xa", parentCode: "P-H" },
  { code: "P-X2", name: "Xã Hai", tier: "xa", parentCode: "P-H" },
  { code: "Q", name: "UBND tỉnh Q", tier: "tinh", parentCode: null },
  { code: "Q-X1", name: "Xã Ngoài", tier: "xa", parentCode: "Q" },
];

const ind = {
  code: "hs-truc-tuyen",
  name: "Tỷ lệ hồ sơ trực tuyến",
  numerator: "Số hồ sơ trực tuyến",
  denominator: "Tổng số hồ sơ",
};
const ms = (tiers: string[], deadline: string, target: number) => ({
  indicator: "hs-truc-tuyen",
  scope: { tiers },
  deadline,
  target,
  comparison: "atLeast" as const,
});

function directive(over: Partial<DirectiveInput> = {}) {
  return parseDirective({
    id: "p-01",
    number: "01/CT-UBND",
    kind: "chi-thi",
    issuer: "UBND tỉnh P",
    issuingUnit: "P",
    issuedOn: "01/06/2023",
    title: "Thử nghiệm",
    tiers: [
      { code: "so", name: "Sở, ban, ngành" },
      { code: "huyen", name: "UBND cấp huyện" },
      { code: "xa", name: "UBND cấp xã" },
    ],
    indicators: [ind],
    milestones: [ms(["xa"], "30/09/2023", 70), ms(["huyen"], "31/12/2023", 85)],
    ...over,
  });
}

const plan = (over: Partial<DryRunInput> = {}) =>
  planDirective({ units, directive: directive(), loaded: null, others: [], today: "2023-08-01", ...over });

describe("units bound, by tier, inside the issuer's subtree only", () => {
  it("milestones for districts and communes bind P's three, not Q's commune", () => {
    const p = plan();
    expect(p.bound).toEqual([
      { tier: "huyen", name: "UBND cấp huyện", count: 1 },
      { tier: "xa", name: "UBND cấp xã", count: 2 },
    ]);
    expect(p.boundTotal).toBe(3);
  });

  it("a national directive binds Q's commune too", () => {
    const d = directive({ issuingUnit: undefined, national: true });
    expect(plan({ directive: d }).bound.find((t) => t.tier === "xa")?.count).toBe(3);
  });

  it("a task lead or cooperating unit is bound; a supervisor is not", () => {
    const d = directive({
      milestones: [],
      tasks: [
        {
          code: "nv1",
          title: "Rà soát",
          lead: { units: ["P-SO"] },
          cooperating: { units: ["P-X1"] },
          supervisor: { units: ["P-H"] },
          deadline: { kind: "date", date: "30/09/2023" },
        },
      ],
    });
    expect(plan({ directive: d }).bound.map((t) => [t.tier, t.count])).toEqual([
      ["so", 1],
      ["xa", 1],
    ]);
  });

  it("an issuer missing from the unit list binds nothing and is flagged", () => {
    const p = plan({ directive: directive({ issuingUnit: "KHAC" }) });
    expect(p.issuerUnknown).toBe(true);
    expect(p.boundTotal).toBe(0);
    expect(p.unknownUnits).toEqual(["KHAC"]);
  });
});

describe("targets and tasks against the loaded version", () => {
  it("first load: everything is new, nothing to compare", () => {
    const p = plan();
    expect(p.previous).toBeNull();
    expect(p.milestones.added).toHaveLength(2);
  });

  it("by indicator + scope + deadline: a new target is changed, a moved deadline is removed + added", () => {
    const loaded = { directive: directive(), active: true };
    const d = directive({
      milestones: [ms(["xa"], "30/09/2023", 75), ms(["huyen"], "31/03/2024", 85), ms(["so"], "31/12/2023", 90)],
    });
    const p = plan({ directive: d, loaded });
    expect(p.previous).toEqual({ paused: false });
    expect(p.milestones.changed.map((c) => [c.before?.target, c.milestone.target])).toEqual([[70, 75]]);
    expect(p.milestones.added.map((c) => c.milestone.deadline.date)).toEqual(["2024-03-31", "2023-12-31"]);
    expect(p.milestones.removed.map((c) => c.milestone.deadline.date)).toEqual(["2023-12-31"]);
  });

  it("the same scope written in another order is the same target", () => {
    const loaded = { directive: directive({ milestones: [ms(["huyen", "xa"], "30/09/2023", 70)] }), active: false };
    const p = plan({ directive: directive({ milestones: [ms(["xa", "huyen"], "30/09/2023", 70)] }), loaded });
    expect(p.milestones).toMatchObject({ added: [], removed: [], changed: [] });
    expect(p.previous).toEqual({ paused: true });
  });

  it("tasks by code: added, removed, changed", () => {
    const task = (code: string, title: string) => ({
      code,
      title,
      lead: { tiers: ["xa"] },
      deadline: { kind: "date" as const, date: "30/09/2023" },
    });
    const loaded = { directive: directive({ tasks: [task("a", "A"), task("b", "B")] }), active: true };
    const p = plan({ directive: directive({ tasks: [task("a", "A sửa"), task("c", "C")] }), loaded });
    expect(p.tasks).toEqual({ total: 2, added: ["c"], removed: ["b"], changed: ["a"] });
  });
});

describe("reminders that will start", () => {
  const task = (code: string, deadline: Record<string, unknown>) => ({
    code,
    title: code,
    lead: { tiers: ["xa"] },
    deadline,
  });
  const d = directive({
    reporting: { cadence: "monthly", day: 25 },
    peakWeek: { from: "2023-07" },
    tasks: [
      task("past", { kind: "date", date: "31/07/2023" }),
      task("today", { kind: "date", date: "01/08/2023" }),
      task("tomorrow", { kind: "date", date: "02/08/2023" }),
      task("always", { kind: "recurring", rule: "continuous" }),
      task("monthly", { kind: "recurring", rule: "monthly" }),
      task("from", { kind: "from", date: "01/07/2023" }),
    ] as DirectiveInput["tasks"],
  });

  it("reporting day, peak week, and tasks falling due after today", () => {
    const r = plan({ directive: d }).reminders;
    expect(r.reporting).toMatchObject({ cadence: "monthly", day: 25 });
    expect(r.peakWeekFrom).toBe("2023-07");
    expect(r.taskDeadlines).toEqual([
      { code: "tomorrow", due: "2023-08-02" },
      { code: "monthly", due: "2023-08-31" },
    ]);
  });

  it("a reporting cadence without a day starts no reporting-day reminder", () => {
    expect(plan({ directive: directive({ reporting: { cadence: "quarterly" } }) }).reminders.reporting).toBeNull();
  });

  it("an ended directive starts none", () => {
    const ended = directive({ reporting: { cadence: "monthly", day: 25 }, effectiveUntil: "31/12/2023" });
    expect(plan({ directive: ended, today: "2024-01-01" }).reminders).toEqual({
      reporting: null,
      peakWeekFrom: null,
      taskDeadlines: [],
    });
  });
});

describe("validity today and commitments", () => {
  const d = directive({
    effectiveFrom: "01/07/2023",
    effectiveUntil: "31/12/2024",
    commitments: [{ text: "Thuộc nhóm dẫn đầu" }],
  });
  it.each([
    ["2023-06-30", "not-yet"],
    ["2023-07-01", "in-force"],
    ["2024-12-31", "in-force"],
    ["2025-01-01", "ended"],
  ] as const)("on %s: %s", (today, validity) => {
    const p = plan({ directive: d, today });
    expect(p.validity).toBe(validity);
    expect(p.effectiveFrom).toBe("2023-07-01");
    expect(p.commitments).toBe(1);
  });

  it("replaced by a loaded directive: ends the day before it takes effect", () => {
    const later = directive({ id: "p-02", number: "02/CT-UBND", issuedOn: "01/01/2024" });
    const p = plan({ directive: directive({ replacedBy: { id: "p-02" } }), others: [later], today: "2024-01-01" });
    expect(p.validity).toBe("ended");
    expect(p.end).toEqual({ kind: "replaced", date: "2023-12-31", by: "02/CT-UBND" });
  });
});
