/** `dondoc directive check <file>` — validates a directive file and says what it understood. */
import { relative } from "node:path";
import type { Command } from "commander";
import type { Directive } from "../../domain/directive/schema.js";
import { formatViDate } from "../../domain/directive/dates.js";
import { loadDirectiveFile } from "../../directives/loadDirective.js";
import { isIndexText, loadIndexFile } from "../../directives/loadIndex.js";
import { isScorable, type ScoredIndex } from "../../domain/index/schema.js";
import { readFile } from "node:fs/promises";
import { CliExit, type CliIO } from "../io.js";
import { cliMessages as m } from "../messages.js";
import { commandGroup } from "../program.js";

/** Enough to fix the file top-down without drowning the terminal. */
const MAX_PROBLEMS_SHOWN = 10;

export function registerDirectiveCheck(program: Command, io: CliIO): void {
  commandGroup(program, "directive", m.directiveGroup)
    .command("check")
    .description(m.checkDescription)
    .argument("<file>", "tệp .yaml, .yml hoặc .json")
    .action(async (file: string) => {
      const text = await readFile(file, "utf8").catch(() => null);
      // A scored index (docs/INDEX.md) is checked by the same command, with the same messages.
      const result = text !== null && isIndexText(text) ? await loadIndexFile(file) : await loadDirectiveFile(file);
      if (!result.ok) {
        io.err(m.checkInvalid(file, result.problems.length));
        for (const p of result.problems.slice(0, MAX_PROBLEMS_SHOWN)) io.err(m.checkProblem(p));
        if (result.problems.length > MAX_PROBLEMS_SHOWN)
          io.err(m.checkMoreProblems(result.problems.length - MAX_PROBLEMS_SHOWN));
        throw new CliExit(1);
      }
      io.out(m.checkValid(file));
      if ("index" in result) {
        for (const line of summarizeIndex(result.index)) io.out(line);
        return;
      }
      for (const line of summarizeDirective(result.directive)) io.out(line);
      io.out(
        result.units && result.unitsPath
          ? m.checkUnits(result.units.units.length, relative(process.cwd(), result.unitsPath))
          : m.checkNoUnits,
      );
    });
}

/** What a directive file was understood to say, one line per part. */
export function summarizeDirective(d: Directive): string[] {
  const codes = (items: readonly { code: string }[]) => items.map((i) => i.code).join(", ");
  const deadlines = d.milestones.map((ms) => ms.deadline.date).sort();
  const first = deadlines[0];
  const last = deadlines[deadlines.length - 1];
  const span = first && last ? m.checkMilestoneSpan(formatViDate(first), formatViDate(last)) : "";
  return [
    m.checkIdentity(d.number, d.id, d.issuer, formatViDate(d.issuedOn)),
    m.checkJurisdiction(d.national ? undefined : d.issuingUnit),
    m.checkCount("Cấp đơn vị", d.tiers.length, codes(d.tiers)),
    m.checkCount("Nhóm đơn vị", d.groups.length, codes(d.groups)),
    m.checkCount("Chỉ tiêu", d.indicators.length, codes(d.indicators)),
    m.checkCount("Mốc chỉ tiêu", d.milestones.length, span),
    m.checkCount("Nhiệm vụ", d.tasks.length),
  ];
}

/** What an index file was understood to say: its groups, and which components can be scored. */
export function summarizeIndex(i: ScoredIndex): string[] {
  const scorable = i.components.filter(isScorable);
  return [
    m.checkIdentity(i.number, i.code, i.issuer, formatViDate(i.issuedOn)),
    m.checkCount("Nhóm chỉ số", i.groups.length, i.groups.map((g) => `${g.code} (${g.maxPoints})`).join(", ")),
    m.checkCount("Thành phần", i.components.length),
    m.checkCount("Thành phần chấm được điểm", scorable.length, scorable.map((c) => c.code).join(", ")),
  ];
}
