/**
 * Evaluates one unit's figures for one indicator on a date against every directive that
 * binds it (docs/DIRECTIVES.md "Đánh giá"). Pure: `asOf` and the directives are parameters.
 */
import type { Directive } from "../directive/schema.js";
import { formatViDate, type IsoDate } from "../directive/dates.js";
import { formatNumber, formatRatioAgainst, formatRatioPercent, formatTargetPercent } from "../format.js";
import { countLevelFor, levelFor } from "./level.js";
import {
  bindingMilestones,
  selectMilestones,
  type BindingMilestone,
  type BoundMilestone,
  type EvaluationUnit,
} from "./milestones.js";
import { checkFigures, meetsTarget, missingItems, type Figures, type MissingItems } from "./ratio.js";
import type { Evaluation, MilestoneRef } from "./types.js";

export type EvaluateInput = {
  unit: EvaluationUnit;
  indicatorCode: string;
  /** null = the unit has not reported ("chưa báo cáo"). */
  figures: Figures | null;
  asOf: IsoDate;
  directives: readonly Directive[];
};

/** What a bound milestone shows in an evaluation: its target and deadline, as texts too. Frozen. */
export function toMilestoneRef({ milestone, directive, kind }: BoundMilestone): MilestoneRef {
  const itemWord = directive.indicators.find((i) => i.code === milestone.indicator)?.itemWord ?? "";
  return Object.freeze({
    target: milestone.target,
    targetText:
      kind === "count" ? `${formatNumber(milestone.target)} ${itemWord}`.trim() : formatTargetPercent(milestone.target),
    comparison: milestone.comparison,
    deadline: milestone.deadline.date,
    deadlineText: formatViDate(milestone.deadline.date),
    deadlineSource: milestone.deadline.text,
    directiveId: directive.id,
    directiveNumber: directive.number,
  });
}

/**
 * Evaluates against the directives given, working out which milestones bind the unit on every
 * call. What evaluates many units or months holds an evaluator instead (evaluator.ts), which
 * remembers that per unit and gives the same answer.
 * @throws RangeError on impossible figures; edges validate with `checkFigures` first.
 */
export function evaluate(input: EvaluateInput): Evaluation {
  return evaluateAgainst(input, bindingMilestones(input.unit, input.indicatorCode, input.directives), toMilestoneRef);
}

/** The rules of an evaluation, given the milestones that bind the unit and how a milestone is shown. */
export function evaluateAgainst(
  input: Omit<EvaluateInput, "directives" | "unit">,
  candidates: readonly BindingMilestone[],
  refOf: (bound: BoundMilestone) => MilestoneRef,
): Evaluation {
  const { figures, asOf, indicatorCode } = input;
  const { inForce, next, lapsed } = selectMilestones(candidates, asOf);
  const kind = (inForce ?? next ?? lapsed ?? candidates[0]?.bound)?.kind ?? "ratio";
  if (figures) {
    const problem = checkFigures(figures, kind);
    if (problem) throw new RangeError(problem);
  }
  const refs: Refs = { indicatorCode, asOf, figures, inForce, next, lapsed, kind, refOf };
  if (!figures) return build("not-reported", refs, null);
  if (kind === "ratio" && figures.denominator === 0) return build("no-data", refs, null);
  if (!inForce && !next) return build("no-milestone", refs, null);

  const inForceReached = inForce ? reaches(figures, inForce) : null;
  // An unmet aspiration is not a failure (seed 002 "phấn đấu"): met stays null, not false.
  const met =
    inForce === null ? null : inForceReached ? true : inForce.milestone.comparison === "aspiration" ? null : false;

  // Before the first deadline the level shows progress towards the next milestone.
  const judgedAgainst = inForce ?? next;
  const level = !judgedAgainst
    ? null
    : kind === "count"
      ? countLevelFor(figures.numerator, judgedAgainst.milestone, judgedAgainst.directive)
      : levelFor(figures, judgedAgainst.milestone, judgedAgainst.directive);

  const gapTarget = inForce && !inForceReached ? inForce : next;
  const missingFor = gapTarget === null ? null : gapTarget === inForce ? "inForce" : "next";
  const gap = gapTarget ? missingFor_(figures, gapTarget) : null;
  const nextGap = next ? missingFor_(figures, next) : null;

  return build(
    "evaluated",
    refs,
    {
      missingNext: nextGap?.kind === "count" ? nextGap.count : null,
      met,
      level,
      levelAgainst: inForce ? "inForce" : next ? "next" : null,
      missing: gap?.kind === "count" ? gap.count : null,
      missingFor,
      missingUnreachable: gap?.kind === "unreachable",
    },
    judgedAgainst,
  );
}

function reaches(figures: Figures, bound: BoundMilestone): boolean {
  const { target, comparison } = bound.milestone;
  if (bound.kind === "ratio") return meetsTarget(figures, target, comparison);
  return comparison === "moreThan" ? figures.numerator > target : figures.numerator >= target;
}

/** Items still missing: at the current denominator for a ratio, up to the target for a count. */
function missingFor_(figures: Figures, bound: BoundMilestone): MissingItems {
  const { target, comparison } = bound.milestone;
  if (bound.kind === "ratio") return missingItems(figures, target, comparison);
  const needed = comparison === "moreThan" ? Math.floor(target) + 1 : Math.ceil(target);
  return { kind: "count", count: Math.max(0, needed - figures.numerator) };
}

type Refs = Pick<Evaluation, "indicatorCode" | "asOf" | "figures" | "kind"> & {
  inForce: BoundMilestone | null;
  next: BoundMilestone | null;
  lapsed: BoundMilestone | null;
  refOf: (bound: BoundMilestone) => MilestoneRef;
};
type Judged = Pick<
  Evaluation,
  "met" | "level" | "levelAgainst" | "missing" | "missingFor" | "missingNext" | "missingUnreachable"
>;

/**
 * One object per evaluation, built once at the end, by a plain function rather than a closure:
 * a national re-evaluation keeps 277k of them, and intermediate copies were a large share of its
 * garbage (docs/PERFORMANCE.md).
 */
function build(
  status: Evaluation["status"],
  { indicatorCode, asOf, figures, inForce, next, lapsed, kind, refOf }: Refs,
  judged: Judged | null,
  against: BoundMilestone | null = inForce ?? next,
): Evaluation {
  const hasRatio = kind === "ratio" && figures !== null && figures.denominator > 0;
  return {
    status,
    kind,
    indicatorCode,
    asOf,
    figures,
    ratio: hasRatio ? figures.numerator / figures.denominator : null,
    percentText:
      kind === "count"
        ? figures
          ? formatNumber(figures.numerator)
          : null
        : !hasRatio
          ? null
          : against
            ? formatRatioAgainst(
                figures.numerator,
                figures.denominator,
                against.milestone.target,
                against.milestone.comparison,
              )
            : formatRatioPercent(figures.numerator, figures.denominator),
    met: judged?.met ?? null,
    level: judged?.level ?? null,
    levelAgainst: judged?.levelAgainst ?? null,
    inForce: inForce ? refOf(inForce) : null,
    next: next ? refOf(next) : null,
    lapsed: lapsed ? refOf(lapsed) : null,
    missing: judged?.missing ?? null,
    missingFor: judged?.missingFor ?? null,
    missingNext: judged?.missingNext ?? null,
    missingUnreachable: judged?.missingUnreachable ?? false,
  };
}
