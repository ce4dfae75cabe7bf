/** Use-cases around figures: report, undo, and the evaluation of what was reported. */
import { undoRevision, writeFigures, type Provenance, type UndoOutcome } from "../../db/repos/figures.js";
import type { CatalogUnit } from "../../domain/catalog.js";
import { lastDayOfMonth, monthOf, vnDate, type IsoDate } from "../../domain/directive/dates.js";
import type { Indicator } from "../../domain/directive/schema.js";
import type { Evaluation } from "../../domain/evaluation/index.js";
import { UNDO_WINDOW_MS } from "../../domain/limits.js";
import type { AppDeps } from "../context.js";

export { UNDO_WINDOW_MS } from "../../domain/limits.js";

export type SubmitInput = {
  unit: CatalogUnit;
  indicator: Indicator;
  period: string;
  numerator: number;
  denominator: number;
  prov: Provenance;
};

export type SubmitResult = {
  evaluation: Evaluation;
  revisionId: number;
  previous: { numerator: number; denominator: number } | null;
};

/** The date a period is judged on: today for the current month, the month's last day for a past one. */
export function asOfForPeriod(period: string, today: IsoDate): IsoDate {
  const end = lastDayOfMonth(period);
  return end < today ? end : today;
}

export function currentPeriod(deps: Pick<AppDeps, "clock">): string {
  return monthOf(vnDate(deps.clock.now()));
}

export function evaluateFigures(
  deps: Pick<AppDeps, "catalog" | "clock">,
  unit: CatalogUnit,
  indicatorCode: string,
  period: string,
  figures: { numerator: number; denominator: number } | null,
): Evaluation {
  const catalog = deps.catalog.get();
  return catalog.evaluator.evaluate({
    unit: catalog.evaluationUnit(unit),
    indicatorCode,
    figures,
    asOf: asOfForPeriod(period, vnDate(deps.clock.now())),
  });
}

export async function submitFigures(deps: AppDeps, input: SubmitInput): Promise<SubmitResult> {
  const [written] = await writeFigures(
    deps.prisma,
    [
      {
        unitCode: input.unit.code,
        indicatorCode: input.indicator.code,
        period: input.period,
        numerator: input.numerator,
        denominator: input.denominator,
      },
    ],
    input.prov,
  );
  if (!written) throw new Error("writeFigures returned nothing");
  const evaluation = evaluateFigures(deps, input.unit, input.indicator.code, input.period, {
    numerator: input.numerator,
    denominator: input.denominator,
  });
  return { evaluation, revisionId: written.revisionId, previous: written.previous };
}

/** Undoes a report of `unitCode`: another unit's revision reads as not found. */
export async function undoFigures(
  deps: AppDeps,
  revision: { id: number; unitCode: string },
  prov: Provenance,
): Promise<UndoOutcome> {
  return undoRevision(deps.prisma, revision, deps.clock.now(), UNDO_WINDOW_MS, prov);
}
