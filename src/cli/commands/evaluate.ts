/**
 * `dondoc evaluate` — evaluates one set of figures against the directives' milestones and
 * prints it in Vietnamese, or as JSON with `--json` (docs/DIRECTIVES.md).
 */
import type { Command } from "commander";
import { formatViDate } from "../../domain/directive/dates.js";
import { describeEvaluation, evaluate } from "../../domain/evaluation/index.js";
import { loadDirectiveFile, type LoadedDirective } from "../../directives/loadDirective.js";
import { fail, type CliIO } from "../io.js";
import { cliMessages as m } from "../messages.js";
import { findIndicator, parseAsOf, parseFigures, resolveUnit, type EvaluateOptions } from "./evaluateArgs.js";

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** Problems shown when a directive file does not load; `directive check` shows them all. */
const MAX_PROBLEMS_SHOWN = 3;

export function registerEvaluate(program: Command, io: CliIO): void {
  program
    .command("evaluate")
    .description(m.evaluateDescription)
    .option("--directive <file>", m.optDirective, collect)
    .option("--unit <code>", m.optUnit)
    .option("--tier <tier>", m.optTier)
    // Checked in the action, not by commander, so that an unknown option is reported first.
    .option("--indicator <code>", m.optIndicator)
    .option("--as-of <date>", m.optAsOf)
    .option("--numerator <N>", m.optNumerator)
    .option("--denominator <D>", m.optDenominator)
    .option("--json", m.optJson)
    .action(async (options: EvaluateOptions) => runEvaluate(options, io));
}

async function loadAll(paths: readonly string[]): Promise<LoadedDirective[]> {
  if (paths.length === 0) fail(m.needDirective);
  const loaded: LoadedDirective[] = [];
  for (const path of paths) {
    const result = await loadDirectiveFile(path);
    if (!result.ok) {
      const shown = result.problems.slice(0, MAX_PROBLEMS_SHOWN).map((p) => m.checkProblem(p));
      fail([m.directiveInvalid(path), ...shown].join("\n"));
    }
    loaded.push(result);
  }
  return loaded;
}

export async function runEvaluate(options: EvaluateOptions, io: CliIO): Promise<void> {
  // Cheap argument checks first, so a typo is reported before any file is read.
  if (options.indicator === undefined) fail(m.missingOption("--indicator <mã chỉ tiêu>"));
  if (options.asOf === undefined) fail(m.missingOption("--as-of <YYYY-MM-DD>"));
  const asOf = parseAsOf(options.asOf);
  const loaded = await loadAll(options.directive ?? []);
  const directives = loaded.map((l) => l.directive);
  const indicator = findIndicator(options.indicator, directives);
  const figures = parseFigures(options.numerator, options.denominator, indicator.kind);
  const unit = resolveUnit(options.unit, options.tier, loaded);

  const evaluation = evaluate({ unit, indicatorCode: indicator.code, figures, asOf, directives });
  if (options.json) {
    io.out(JSON.stringify({ unit, ...evaluation }, null, 2));
    return;
  }
  const tierName = directives.flatMap((d) => d.tiers).find((t) => t.code === unit.tier)?.name;
  io.out(m.evaluatedUnit(m.unitLabel(unit.name, unit.code, tierName ?? unit.tier), formatViDate(asOf)));
  for (const line of describeEvaluation(evaluation, indicator)) io.out(line);
}
