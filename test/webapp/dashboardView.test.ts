/**
 * The Mini App page's view model (services/dashboard): ranking worst first, the in-force and next
 * targets, changes since last month, filters that only narrow, the scope as the outer bound.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { AppDeps } from "../../src/services/context.js";
import { dashboardView } from "../../src/services/dashboard/view.js";
import { createTestDb, type TestDb } from "../helpers/db.js";
import { headOfX1, leaderOfP, loadWorld, TRICKY_NAME } from "./dashboardWorld.js";

let db: TestDb;
let deps: AppDeps;
beforeAll(async () => {
  db = await createTestDb();
  deps = await loadWorld(db);
});
afterAll(async () => {
  await db.cleanup();
});

const codes = (rows: readonly { unit: { code: string } }[]) => rows.map((r) => r.unit.code);

describe("dashboardView", () => {
  test("ranks a leader's units worst first against their own targets, the in-force and next target on each row", async () => {
    const m = await dashboardView(deps, leaderOfP, {});
    expect(m.period).toBe("2026-11");
    expect(m.previous).toBe("2026-10");
    const hs = m.sections.find((s) => s.code === "hs-truc-tuyen");
    expect(codes(hs?.ranked ?? [])).toEqual(["P-X2", "P-X1", "P-S1"]);
    expect(hs?.ranked.map((r) => [r.percentText, r.level])).toEqual([
      ["30%", "do"],
      ["50%", "vang"],
      ["95%", "xanh"],
    ]);
    const x1 = hs?.ranked[1];
    expect([x1?.inForce?.targetText, x1?.inForce?.deadline, x1?.next?.targetText, x1?.next?.deadline]).toEqual([
      "60%",
      "2026-06-30",
      "80%",
      "2026-12-31",
    ]);
    expect(hs?.ranked[2]?.inForce?.targetText).toBe("70%");
    expect(codes(hs?.others ?? [])).toEqual(["P-X3"]);
    expect(hs?.counts).toEqual({ xanh: 1, vang: 1, cam: 0, do: 1, notReported: 1 });
  });

  test("changes since last month: who dropped a level, who has not reported", async () => {
    const m = await dashboardView(deps, leaderOfP, {});
    expect(m.changes.dropped.map((d) => [d.unit.code, d.from, d.to])).toEqual([["P-X1", "xanh", "vang"]]);
    expect(m.changes.notReported.map((n) => [n.unit.code, n.indicators.length])).toContainEqual(["P-X3", 2]);
    expect(codes(m.changes.notReported)).not.toContain("P-X1");
  });

  test("tasks due and overdue, and overdue dossiers, counted per unit of the scope only", async () => {
    const m = await dashboardView(deps, leaderOfP, {});
    const x1 = m.tasks.find((t) => t.unit.code === "P-X1");
    expect([x1?.overdue, x1?.due]).toEqual([1, 1]);
    expect(x1?.titles.map((t) => [t.title, t.overdue])).toEqual([
      ["Rà soát thủ tục hành chính", true],
      ["Báo cáo kết quả quý IV", false],
    ]);
    expect(m.dossiers.map((d) => [d.unit.code, d.overdue])).toEqual([
      ["P-X1", 2],
      ["P-X2", 1],
    ]);
  });

  test("a unit outside the scope never appears, whatever the filters ask", async () => {
    for (const filters of [{}, { unit: "Q-X1" }, { tier: "xa" }, { level: "do" as const }]) {
      const json = JSON.stringify(await dashboardView(deps, leaderOfP, filters));
      expect(json).not.toContain("Q-X1");
      expect(json).not.toContain("Xã Khác Tỉnh");
    }
    const m = await dashboardView(deps, leaderOfP, { unit: "Q-X1" });
    expect(m.history).toEqual([]);
    expect(m.filters.unit).toBeUndefined();
  });

  test("a unit head sees only their own unit", async () => {
    const m = await dashboardView(deps, headOfX1, {});
    const seen = new Set([
      ...m.sections.flatMap((s) => [...codes(s.ranked), ...codes(s.others)]),
      ...codes(m.tasks),
      ...codes(m.dossiers),
      ...codes(m.changes.notReported),
      ...m.options.units.map((o) => o.value),
    ]);
    expect([...seen]).toEqual(["P-X1"]);
  });

  test.each([
    [{ indicator: "thanh-toan-truc-tuyen" }, ["thanh-toan-truc-tuyen"], ["P-X1"]],
    [{ tier: "so" }, ["hs-truc-tuyen"], ["P-S1"]],
    // An indicator no unit of that level is left out.
    [{ level: "do" as const }, ["hs-truc-tuyen"], ["P-X2"]],
    [{ directive: "kh-p-2026", tier: "xa" }, ["hs-truc-tuyen", "thanh-toan-truc-tuyen"], ["P-X2", "P-X1"]],
  ])("filters narrow: %j", async (filters, sections, ranked) => {
    const m = await dashboardView(deps, leaderOfP, filters);
    expect(m.sections.map((s) => s.code)).toEqual(sections);
    expect([...new Set(m.sections.flatMap((s) => codes(s.ranked)))]).toEqual(ranked);
  });

  test("who has not reported does not depend on the level filter: not reporting is not a level", async () => {
    const m = await dashboardView(deps, leaderOfP, { level: "xanh" });
    expect(codes(m.changes.notReported)).toContain("P-X3");
  });

  test("a unit with no target is neither ranked nor offered for a history", async () => {
    const m = await dashboardView(deps, leaderOfP, { unit: "P-K1" });
    expect(m.options.units.map((u) => u.value)).not.toContain("P-K1");
    expect(m.history).toEqual([]);
    expect(JSON.stringify(m.sections)).not.toContain("P-K1");
  });

  test("a directive filter offers only the directives binding the scope", async () => {
    const m = await dashboardView(deps, leaderOfP, {});
    expect(m.options.directives).toEqual([{ value: "kh-p-2026", label: "10/KH-UBND" }]);
    expect(m.options.units.map((u) => u.label)).toContain(TRICKY_NAME);
  });

  test("a unit's history: twelve months to the shown one, each judged against the target then in force", async () => {
    const m = await dashboardView(deps, leaderOfP, { unit: "P-X1", indicator: "hs-truc-tuyen" });
    const h = m.history[0];
    expect(m.history).toHaveLength(1);
    expect(h?.points.map((p) => p.period)).toEqual([
      "2025-12",
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
      "2026-11",
    ]);
    const by = new Map(h?.points.map((p) => [p.period, p]));
    expect([by.get("2026-06")?.percentText, by.get("2026-06")?.target, by.get("2026-06")?.level]).toEqual([
      "40%",
      60,
      "cam",
    ]);
    expect([by.get("2026-05")?.target, by.get("2026-10")?.percentText, by.get("2026-11")?.percentText]).toEqual([
      null,
      "90%",
      "50%",
    ]);
    expect(h?.milestones.map((x) => [x.deadline, x.targetText])).toEqual([
      ["2026-06-30", "60%"],
      ["2026-12-31", "80%"],
    ]);
  });
});
