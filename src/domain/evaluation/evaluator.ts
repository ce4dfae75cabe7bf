/**
 * The evaluation engine with its memory: `createEvaluator(directives)` answers like `evaluate`
 * and `bindingMilestones` for that list of directives, remembering what does not depend on the
 * date or the figures. A national re-evaluation (3.855 units × 6 indicators × 12 months) spent
 * most of its time finding the same binding milestones and building the same texts again
 * (docs/PERFORMANCE.md); the rules themselves stay plain functions in milestones.ts and
 * evaluate.ts. Directives are immutable, so the memory is never stale; whoever loads a new list
 * builds a new evaluator (the Catalog holds one per list it is built from).
 */
import type { Directive } from "../directive/schema.js";
import { evaluateAgainst, toMilestoneRef, type EvaluateInput } from "./evaluate.js";
import {
  bindingMilestones,
  type BindingMilestone,
  type BoundMilestone,
  type DirectiveIndex,
  type EvaluationUnit,
} from "./milestones.js";
import type { Evaluation, MilestoneRef } from "./types.js";

export type EvaluatorInput = Omit<EvaluateInput, "directives">;

export function createEvaluator(directives: readonly Directive[]): Evaluator {
  return new Evaluator(directives);
}

/** A class, not closures: under tsx every closure created pays for esbuild's keep-names helper. */
export class Evaluator implements DirectiveIndex {
  /**
   * Group members as sets, once per directive: a national deployment evaluates 3.855 units
   * against 34 provinces' groups of ~110 units each, and scanning the lists made a full
   * re-evaluation take seconds.
   */
  private readonly memberSets = new Map<Directive, Set<string>[]>();
  /** A directive's milestones by indicator, each paired with its directive once: every unit then shares the same frozen pairs. */
  private readonly byIndicator = new Map<Directive, Map<string, readonly BoundMilestone[]>>();
  /**
   * The binding milestones keyed by code, then tier, ancestors and extra groups, then indicator:
   * lookups on strings the caller already holds, so no key is built in the common case. Bounded
   * by units × indicators.
   */
  private readonly bindings = new Map<string, Map<string, Map<string, readonly BindingMilestone[]>>>();
  /** One frozen reference per bound milestone: its texts are the same in every evaluation. */
  private readonly refs = new Map<BoundMilestone, MilestoneRef>();
  private readonly refOf = (bound: BoundMilestone): MilestoneRef => {
    let ref = this.refs.get(bound);
    if (!ref) this.refs.set(bound, (ref = toMilestoneRef(bound)));
    return ref;
  };

  constructor(readonly directives: readonly Directive[]) {}

  /** `evaluate(input)` against this evaluator's directives. */
  evaluate(input: EvaluatorInput): Evaluation {
    return evaluateAgainst(input, this.bindingMilestones(input.unit, input.indicatorCode), this.refOf);
  }

  /** `bindingMilestones` of milestones.ts for this evaluator's directives, found once per unit and indicator. */
  bindingMilestones(unit: EvaluationUnit, indicatorCode: string): readonly BindingMilestone[] {
    const code = unit.code ?? "";
    let byRest = this.bindings.get(code);
    if (!byRest) this.bindings.set(code, (byRest = new Map()));
    const placed = unit.ancestors === undefined ? "" : `\u0001${unit.ancestors.join("\u0001")}`;
    const rest =
      unit.groups?.length || placed
        ? `${unit.tier ?? ""}${placed}\u0000${unit.groups?.join("\u0000") ?? ""}`
        : (unit.tier ?? "");
    let forUnit = byRest.get(rest);
    if (!forUnit) byRest.set(rest, (forUnit = new Map()));
    let hit = forUnit.get(indicatorCode);
    if (!hit) forUnit.set(indicatorCode, (hit = bindingMilestones(unit, indicatorCode, this.directives, this)));
    return hit;
  }

  boundMilestonesOf(directive: Directive, indicatorCode: string): readonly BoundMilestone[] {
    let index = this.byIndicator.get(directive);
    if (!index) {
      const built = new Map<string, BoundMilestone[]>();
      for (const milestone of directive.milestones) {
        let list = built.get(milestone.indicator);
        if (!list) built.set(milestone.indicator, (list = []));
        const kind = directive.indicators.find((i) => i.code === milestone.indicator)?.kind ?? "ratio";
        list.push(Object.freeze({ milestone, directive, kind }));
      }
      this.byIndicator.set(directive, (index = built));
    }
    return index.get(indicatorCode) ?? [];
  }

  groupsOfUnit(unit: EvaluationUnit, directive: Directive): string[] {
    let sets = this.memberSets.get(directive);
    if (!sets) this.memberSets.set(directive, (sets = directive.groups.map((g) => new Set(g.units))));
    const out: string[] = [];
    directive.groups.forEach((g, i) => {
      if ((unit.code !== undefined && sets[i]?.has(unit.code) === true) || unit.groups?.includes(g.code))
        out.push(g.code);
    });
    return out;
  }
}
