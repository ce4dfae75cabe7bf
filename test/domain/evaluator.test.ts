/**
 * The evaluator (src/domain/evaluation/evaluator.ts) only remembers: on every preset, every unit
 * of its list, every indicator and a spread of dates, it answers exactly what the plain rules
 * answer, and it hands out the same frozen objects when asked again.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { Catalog } from "../../src/domain/catalog.js";
import {
  bindingMilestones,
  createEvaluator,
  evaluate,
  groupsOfUnit,
  type Figures,
} from "../../src/domain/evaluation/index.js";
import { loadPresets } from "../../src/directives/loadDirective.js";

const dir = fileURLToPath(new URL("../../directives", import.meta.url));
const { presets } = await loadPresets(dir);
const DATES = ["2023-01-01", "2024-06-30", "2025-09-30", "2025-12-31", "2026-07-01", "2027-12-31", "2031-01-01"];
const FIGURES: Record<"ratio" | "count", (Figures | null)[]> = {
  ratio: [
    null,
    { numerator: 0, denominator: 0 },
    { numerator: 79, denominator: 100 },
    { numerator: 100, denominator: 100 },
  ],
  count: [
    null,
    { numerator: 0, denominator: 0 },
    { numerator: 3, denominator: 0 },
    { numerator: 1000, denominator: 0 },
  ],
};

/** An evaluation, or the refusal of impossible figures: both must be the same either way. */
function outcome<T>(run: () => T): T | { threw: string } {
  try {
    return run();
  } catch (e) {
    return { threw: e instanceof Error ? e.message : String(e) };
  }
}

describe("createEvaluator gives the plain rules' answers", () => {
  it.each(presets.map((p) => [p.directive.id, p] as const))("%s", (_id, { directive, units }) => {
    const directives = [directive];
    const catalog = new Catalog(
      (units?.units ?? []).map((u) => ({ code: u.code, name: u.name, tier: u.tier, parentCode: u.parent })),
      directives,
    );
    const evaluator = createEvaluator(directives);
    const placed = catalog.units.map((u) => catalog.evaluationUnit(u));
    const all = placed.length > 0 ? placed : directive.tiers.map((t) => ({ tier: t.code }));
    let compared = 0;
    for (const unit of all) {
      for (const g of directive.groups)
        expect(evaluator.groupsOfUnit(unit, directive).includes(g.code)).toBe(
          groupsOfUnit(unit, directive).includes(g.code),
        );
      for (const indicator of directive.indicators) {
        expect(evaluator.bindingMilestones(unit, indicator.code)).toEqual(
          bindingMilestones(unit, indicator.code, directives),
        );
        for (const asOf of DATES) {
          for (const figures of FIGURES[indicator.kind]) {
            const input = { unit, indicatorCode: indicator.code, figures, asOf };
            expect(outcome(() => evaluator.evaluate(input))).toEqual(outcome(() => evaluate({ ...input, directives })));
            compared += 1;
          }
        }
      }
    }
    expect(compared).toBe(all.length * directive.indicators.length * DATES.length * 4);
  });
});

describe("what the evaluator remembers", () => {
  const { directive } = presets.find((p) => p.directive.milestones.length > 0) ?? { directive: undefined };
  if (!directive) throw new Error("no preset with milestones");
  const milestone = directive.milestones[0];
  if (!milestone) throw new Error("no milestone");
  const tier = milestone.scope.tiers[0];
  const code = milestone.scope.units[0];
  const unit = tier !== undefined ? { tier } : { code };

  it("the same binding list and the same frozen milestone reference, asked twice", () => {
    const evaluator = createEvaluator([directive]);
    const first = evaluator.bindingMilestones(unit, milestone.indicator);
    expect(first.length).toBeGreaterThan(0);
    expect(evaluator.bindingMilestones(unit, milestone.indicator)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    const input = {
      unit,
      indicatorCode: milestone.indicator,
      figures: { numerator: 1, denominator: 2 },
      asOf: milestone.deadline.date,
    };
    const a = evaluator.evaluate(input).inForce;
    expect(a).not.toBeNull();
    expect(evaluator.evaluate(input).inForce).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
  });

  it("another evaluator shares nothing: a new list of directives starts afresh", () => {
    const one = createEvaluator([directive]);
    const two = createEvaluator([directive]);
    expect(two.bindingMilestones(unit, milestone.indicator)).not.toBe(one.bindingMilestones(unit, milestone.indicator));
    expect(two.bindingMilestones(unit, milestone.indicator)).toEqual(one.bindingMilestones(unit, milestone.indicator));
  });

  it("the catalog holds one for its directives", () => {
    const catalog = new Catalog([], [directive]);
    expect(catalog.evaluator.directives).toBe(catalog.directives);
  });
});
