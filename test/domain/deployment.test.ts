/**
 * A deployment with every preset loaded at once — as `loadPresets`, the sandbox and any real
 * deployment do (docs/DIRECTIVES.md "Thẩm quyền", "Hiệu lực"): unit × indicator × date × figures
 * → the binding directive, verdict, level and what is missing; tasks and reminders per unit; and
 * nothing crosses a jurisdiction.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { loadPresets, type LoadedDirective } from "../../src/directives/loadDirective.js";
import { Catalog, type CatalogUnit } from "../../src/domain/catalog.js";
import { evaluate, scopeBindsUnit } from "../../src/domain/evaluation/index.js";
import { peakWeekOf } from "../../src/domain/schedule/index.js";
import { leadUnits, cooperatingUnits, allTasks } from "../../src/services/tasks/tasks.js";

let presets: LoadedDirective[] = [];
let catalog: Catalog;
beforeAll(async () => {
  const loaded = await loadPresets("directives");
  expect(loaded.failures).toEqual([]);
  presets = loaded.presets;
  const units: CatalogUnit[] = presets.flatMap((p) =>
    (p.units?.units ?? []).map((u) => ({
      code: u.code,
      name: u.name,
      tier: u.tier,
      parentCode: u.parent,
      oneStop: u.oneStop,
    })),
  );
  catalog = new Catalog(
    units,
    presets.map((p) => p.directive),
  );
});

function unit(code: string): CatalogUnit {
  const u = catalog.unit(code);
  if (!u) throw new Error(`unit ${code} not in the deployment`);
  return u;
}

/** The issuing unit of each directive's file, and every unit of that file's tree. */
function issuerOf(directiveId: string): string {
  const d = catalog.directives.find((x) => x.id === directiveId);
  return d?.issuingUnit ?? "";
}

describe("unit × indicator × date × figures → binding directive, verdict, level, missing", () => {
  test.each([
    // Long An's 2022 target binds its own commune; Bà Rịa's remote-online indicator never does.
    ["LA-X-TANAN-P1", "hs-giai-quyet-truc-tuyen", "2022-12-31", 51, 100, "long-an-ct-ubnd-2022", true, "xanh", null],
    ["LA-X-TANAN-P1", "hs-giai-quyet-truc-tuyen", "2022-12-31", 50, 100, "long-an-ct-ubnd-2022", false, "vang", 1],
    ["LA-X-TANAN-P1", "hs-truc-tuyen-tu-xa", "2022-12-31", 40, 100, null, null, null, null],
    ["LA-X-TANAN-P1", "hs-truc-tuyen-tu-xa", "2023-11-30", 40, 100, null, null, null, null],
    // Four years on, Long An's 2022 target is not presented as today's.
    ["LA-X-TANAN-P1", "hs-giai-quyet-truc-tuyen", "2026-12-05", 40, 100, null, null, null, null],
    // Bắc Ninh: its own ladder; never Bà Rịa's indicator.
    ["BN-X-VUNINH", "hs-giai-quyet-truc-tuyen", "2023-09-30", 59, 100, "bac-ninh-10-ct-ubnd-2023", false, "vang", 1],
    ["BN-X-VUNINH", "hs-giai-quyet-truc-tuyen", "2025-12-31", 85, 100, "bac-ninh-10-ct-ubnd-2023", true, "xanh", null],
    ["BN-X-VUNINH", "hs-truc-tuyen-tu-xa", "2023-11-30", 40, 100, null, null, null, null],
    // Bà Rịa: binds its wards from its decision of 10/2023, not before.
    ["BR-X-PHUOCHIEP", "hs-truc-tuyen-tu-xa", "2023-11-30", 49, 100, "ba-ria-qd-ubnd-2023", false, "vang", 1],
    ["BR-X-PHUOCHIEP", "hs-truc-tuyen-tu-xa", "2022-12-31", 49, 100, null, null, null, null],
    // Bắc Kạn: group targets (Nhóm 1 xã: 13%); a 9.499/10.000-like miss prints below the target.
    ["BK-X-DUCXUAN", "hs-truc-tuyen", "2022-12-31", 12, 100, "bac-kan-kh-ubnd-2022", false, "vang", 1],
    ["BK-X-DUCXUAN", "hs-truc-tuyen", "2022-12-31", 1_299, 10_000, "bac-kan-kh-ubnd-2022", false, "vang", 1],
    // Tuyên Quang set no indicator: nothing binds its commune for any of the others'.
    ["TQ-X-ANKHANG", "hs-truc-tuyen", "2023-12-31", 40, 100, null, null, null, null],
    ["TQ-X-ANKHANG", "hs-giai-quyet-truc-tuyen", "2022-12-31", 40, 100, null, null, null, null],
  ] as const)("%s %s on %s, %i/%i → %s", (code, indicator, day, n, d, directive, met, level, missing) => {
    const e = evaluate({
      unit: catalog.evaluationUnit(unit(code)),
      indicatorCode: indicator,
      figures: { numerator: n, denominator: d },
      asOf: day,
      directives: catalog.directives,
    });
    const judged = e.inForce ?? e.next;
    expect(judged?.directiveId ?? null).toBe(directive);
    if (directive === null) {
      expect(e.status).toBe("no-milestone");
      return;
    }
    expect({ met: e.met, level: e.level, missing: e.met === false ? e.missing : null }).toEqual({
      met,
      level,
      missing,
    });
    // A miss never reads as the target — except exactly at a "trên" target: 50% is not above 50%.
    if (e.met === false && e.inForce?.comparison !== "moreThan") expect(e.percentText).not.toBe(e.inForce?.targetText);
  });

  test("a Long An commune in 12/2026 is told its 2022 target has ended", () => {
    const e = evaluate({
      unit: catalog.evaluationUnit(unit("LA-X-TANAN-P1")),
      indicatorCode: "hs-giai-quyet-truc-tuyen",
      figures: { numerator: 40, denominator: 100 },
      asOf: "2026-12-05",
      directives: catalog.directives,
    });
    expect(e.lapsed).toMatchObject({ directiveId: "long-an-ct-ubnd-2022", deadline: "2022-12-31" });
  });

  test("a Tuyên Quang commune is bound by Tuyên Quang's letter and the national programme only, by no other province's indicator", () => {
    const national = new Set(
      catalog.directives.filter((d) => d.national).flatMap((d) => d.indicators.map((i) => i.code)),
    );
    for (const i of catalog.indicatorsFor(unit("TQ-X-ANKHANG"))) expect(national.has(i.code), i.code).toBe(true);
    expect(
      catalog
        .bindingDirectives(unit("TQ-X-ANKHANG"))
        .map((d) => d.id)
        .sort(),
    ).toEqual(["qd-2629-ttg-2025", "tuyen-quang-ubnd-thcbks-2023"]);
  });
});

describe("nothing crosses a jurisdiction", () => {
  test("every directive binding a unit was issued by the unit or one of its ancestors (or is national)", () => {
    for (const u of catalog.units) {
      const above = [u.code, ...catalog.ancestorsOf(u.code)];
      for (const d of catalog.bindingDirectives(u)) {
        expect(d.national || above.includes(d.issuingUnit ?? ""), `${d.id} binds ${u.code}`).toBe(true);
      }
    }
  });

  test("a unit's reportable indicators, remembered per catalog, are the ones its own binding directives name", () => {
    for (const u of catalog.units) {
      // What the binding directives' milestones for this unit name, worked out without the memory.
      const eu = catalog.evaluationUnit(u);
      const expected = new Set(
        catalog
          .bindingDirectives(u)
          .flatMap((d) => d.milestones.filter((m) => scopeBindsUnit(m.scope, eu, d)).map((m) => m.indicator)),
      );
      const first = catalog.indicatorsFor(u).map((i) => i.code);
      expect(new Set(first), u.code).toEqual(expected);
      expect(
        catalog.indicatorsFor(u).map((i) => i.code),
        `${u.code}, asked again`,
      ).toEqual(first);
    }
  });

  test("every task's lead and cooperating units are inside its directive's jurisdiction", () => {
    for (const ref of allTasks(catalog)) {
      if (ref.directive.national) continue;
      const issuer = issuerOf(ref.directive.id);
      for (const u of [...leadUnits(catalog, ref), ...cooperatingUnits(catalog, ref)]) {
        expect([u.code, ...catalog.ancestorsOf(u.code)], `${ref.directive.id} ${ref.task.code} → ${u.code}`).toContain(
          issuer,
        );
      }
    }
  });

  test("Bà Rịa's pilot tasks go only to Bà Rịa's units", () => {
    const br = allTasks(catalog).filter((r) => r.directive.id === "ba-ria-qd-ubnd-2023");
    const reached = new Set(br.flatMap((r) => leadUnits(catalog, r).map((u) => u.code)));
    expect(reached.size).toBeGreaterThan(0);
    for (const code of reached) expect(code.startsWith("BR-")).toBe(true);
  });

  test("Long An's peak week and 25th-day report reach only Long An, and the report only its sở, ngành and huyện", () => {
    const la = catalog.directives.find((d) => d.id === "long-an-ct-ubnd-2022");
    if (!la?.reporting?.owedBy) throw new Error("Long An's reporting duty names who owes it");
    expect(peakWeekOf(la, "2026-12-03")).not.toBeNull();
    const owedBy = la.reporting.owedBy;
    const owing = catalog.units.filter((u) => scopeBindsUnit(owedBy, catalog.evaluationUnit(u), la)).map((u) => u.code);
    expect(owing.length).toBeGreaterThan(0);
    for (const code of owing) expect(code.startsWith("LA-")).toBe(true);
    expect(owing.some((c) => unit(c).tier === "xa")).toBe(false);
  });
});
