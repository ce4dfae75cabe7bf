/**
 * The reporting grammar as the bot writes it back (src/bot/parse/nop.ts reads it): every `/nop`
 * example, button and template row is built here, total first, so an example can never say one
 * order while the parser reads another. And the one result line a saved figure gets, whether it
 * came from `/nop`, the guided flow, a button or an uploaded table.
 */
import type { Indicator } from "../domain/directive/schema.js";
import { formatViMonth } from "../domain/directive/dates.js";
import { describeEvaluation, type Evaluation } from "../domain/evaluation/index.js";
import { formatNumber } from "../domain/format.js";
import { escapeHtml } from "../render/html.js";
import { levelIcon } from "./levels.js";

export type CommandFigures = {
  indicatorCode: string | null;
  total: number;
  part: number;
  /** Null: the current month, left out of the command. */
  period: string | null;
};

const periodWords = (period: string | null) => (period ? ` tháng ${formatViMonth(period)}` : "");

/** `/nop 120 95`, `/nop hs-dung-han 120 95 tháng 10/2026`: what an officer types (plain text). */
export function nopCommand(f: CommandFigures): string {
  return `/nop ${f.indicatorCode ? `${f.indicatorCode} ` : ""}${f.total} ${f.part}${periodWords(f.period)}`;
}

/** `/nop du-lieu-mo 5`: a count indicator's command. */
export function countCommand(indicatorCode: string, count: number, period: string | null): string {
  return `/nop ${indicatorCode} ${count}${periodWords(period)}`;
}

/** What the part is called: "hồ sơ trực tuyến" for the online indicator, else its short name. */
export function partLabel(indicator: Pick<Indicator, "name" | "shortName">): string {
  return indicator.shortName ?? "số đạt";
}

/** "tổng 120, hồ sơ trực tuyến 95": the figures in the grammar's order, labelled. */
export function figuresPhrase(indicator: Pick<Indicator, "name" | "shortName">, total: number, part: number): string {
  return `tổng ${formatNumber(total)}, ${partLabel(indicator)} ${formatNumber(part)}`;
}

/**
 * The result line of one saved figure (HTML): level, unit, month, then the evaluation's
 * headline — the same words `/nop`, the buttons and an upload's summary print.
 */
export function resultLine(unitName: string, period: string, evaluation: Evaluation, indicator: Indicator): string {
  const [headline] = describeEvaluation(evaluation, indicator);
  return `${levelIcon(evaluation)} <b>${escapeHtml(unitName)}</b>, tháng ${formatViMonth(period)} — ${escapeHtml(headline ?? "")}`;
}

/** The lines after the result line (what is missing for the milestone), plain, escaped. */
export function resultDetails(evaluation: Evaluation, indicator: Indicator): string[] {
  return describeEvaluation(evaluation, indicator).slice(1).map(escapeHtml);
}
