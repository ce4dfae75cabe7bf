/**
 * Evaluates one unit's figures for one indicator on a date against every directive that
 * binds it (issue #2 §3.3). Pure: `asOf` and the directives are parameters.
 */
import type { Directive } from "../directive/schema.js";
import { formatViDate, type IsoDate } from "../directive/dates.js";
import { formatRatioPercent, formatTargetPercent } from "../format.js";
import { levelFor } from "./level.js";
import {
  bindingMilestones,
  selectMilestones,
  type BoundMilestone,
  type EvaluationUnit,
} from "./milestones.js";
import { checkFigures, meetsTarget, missingItems, type Figures } from "./ratio.js";
import type { Evaluation, MilestoneRef } from "./types.js";

export type EvaluateInput = {
  unit: EvaluationUnit;
  indicatorCode: string;
  /** null = the unit has not reported ("chưa báo cáo"). */
  figures: Figures | null;
  asOf: IsoDate;
  directives: readonly Directive[];
};

export function toMilestoneRef({ milestone, directive }: BoundMilestone): MilestoneRef {
  return {
    target: milestone.target,
    targetText: formatTargetPercent(milestone.target),
    comparison: milestone.comparison,
    deadline: milestone.deadline.date,
    deadlineText: formatViDate(milestone.deadline.date),
    deadlineSource: milestone.deadline.text,
    directiveId: directive.id,
    directiveNumber: directive.number,
  };
}

/** @throws RangeError on impossible figures; edges validate with `checkFigures` first. */
export function evaluate(input: EvaluateInput): Evaluation {
  const { figures, asOf, indicatorCode } = input;
  if (figures) {
    const problem = checkFigures(figures);
    if (problem) throw new RangeError(problem);
  }
  const candidates = bindingMilestones(input.unit, indicatorCode, input.directives);
  const { inForce, next } = selectMilestones(candidates, asOf);
  const base: Evaluation = {
    status: "evaluated",
    indicatorCode,
    asOf,
    figures,
    ratio: null,
    percentText: null,
    met: null,
    level: null,
    levelAgainst: null,
    inForce: inForce ? toMilestoneRef(inForce) : null,
    next: next ? toMilestoneRef(next) : null,
    missing: null,
    missingFor: null,
    missingNext: null,
    missingUnreachable: false,
  };
  if (!figures) return { ...base, status: "not-reported" };
  if (figures.denominator === 0) return { ...base, status: "no-data" };

  const withRatio: Evaluation = {
    ...base,
    ratio: figures.numerator / figures.denominator,
    percentText: formatRatioPercent(figures.numerator, figures.denominator),
  };
  if (!inForce && !next) return { ...withRatio, status: "no-milestone" };

  const reached = (b: BoundMilestone) => meetsTarget(figures, b.milestone.target, b.milestone.comparison);
  const inForceReached = inForce ? reached(inForce) : null;
  // An unmet aspiration is not a failure (seed 002 "phấn đấu"): met stays null, not false.
  const met = inForce === null ? null
    : inForceReached ? true
    : inForce.milestone.comparison === "aspiration" ? null : false;

  // Before the first deadline the level shows progress towards the next milestone.
  const judged = inForce ?? next;
  const level = judged ? levelFor(figures, judged.milestone, judged.directive) : null;

  const gapTarget = inForce && !inForceReached ? inForce : next;
  const missingFor = gapTarget === null ? null : gapTarget === inForce ? "inForce" : "next";
  const gap = gapTarget
    ? missingItems(figures, gapTarget.milestone.target, gapTarget.milestone.comparison)
    : null;

  const nextGap = next ? missingItems(figures, next.milestone.target, next.milestone.comparison) : null;

  return {
    ...withRatio,
    missingNext: nextGap?.kind === "count" ? nextGap.count : null,
    met,
    level,
    levelAgainst: inForce ? "inForce" : next ? "next" : null,
    missing: gap?.kind === "count" ? gap.count : null,
    missingFor,
    missingUnreachable: gap?.kind === "unreachable",
  };
}
