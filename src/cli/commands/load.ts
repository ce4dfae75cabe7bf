/**
 * `dondoc load <file…>` — loads directives and unit lists into the deployment's database
 * (DATABASE_URL), the same use-cases as sending the file to the bot privately (docs/UPLOADS.md).
 * A directive's `unitsFile` is loaded first, so its groups and scopes find their units. Unit
 * lists load at once; a directive is applied only after its dry run is printed and the
 * administrator answers "c" (or passed `--yes`). `dondoc grant|revoke` manage roles.
 */
import { readFile } from "node:fs/promises";
import { dirname, extname, resolve } from "node:path";
import type { Command } from "commander";
import type { OpenedDb } from "../../db/client.js";
import type { DirectiveProblem } from "../../domain/directive/problems.js";
import { withDb } from "../db.js";
import { CliExit, fail, isYes, type CliIO } from "../io.js";
import { cliMessages as m } from "../messages.js";

/** Problems shown when a file does not load; `directive check` shows them all. */
const MAX_PROBLEMS_SHOWN = 10;

/** The roles `grant` accepts, by their Vietnamese name. A Map, so `constructor` is not a role. */
const ROLES: ReadonlyMap<string, "admin" | "leader"> = new Map([
  ["quantri", "admin"],
  ["lanhdao", "leader"],
]);

const TELEGRAM_ID = /^\d{1,15}$/;

/** A directive file whose dry run was printed, waiting for the answer. */
type Held = { file: string; text: string; format: "yaml" | "json" };

function printProblems(io: CliIO, heading: string, problems: readonly DirectiveProblem[]): void {
  io.err(heading);
  for (const p of problems.slice(0, MAX_PROBLEMS_SHOWN)) io.err(m.checkProblem(p));
  if (problems.length > MAX_PROBLEMS_SHOWN) io.err(m.checkMoreProblems(problems.length - MAX_PROBLEMS_SHOWN));
}

/** Loads a unit list at once; prints a directive's dry run and holds it. False when the file is refused. */
async function prepareOne(db: OpenedDb, file: string, io: CliIO, today: string, held: Held[]): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    io.err(m.loadUnreadable(file));
    return false;
  }
  const unitsFile = /^\s*"?unitsFile"?\s*:\s*"?([^"\s,]+)/m.exec(text)?.[1];
  if (unitsFile) {
    // Checked against its own unit list (its issuer must be in it) before that list is loaded.
    const { loadDirectiveFile } = await import("../../directives/loadDirective.js");
    const checked = await loadDirectiveFile(file);
    if (!checked.ok) {
      printProblems(io, m.loadInvalidDirective(file, checked.problems.length), checked.problems);
      return false;
    }
    if (!(await prepareOne(db, resolve(dirname(file), unitsFile.replace(/^["']|["']$/g, "")), io, today, held)))
      return false;
  }
  const format = extname(file).toLowerCase() === ".json" ? "json" : "yaml";
  const { planDirectiveText } = await import("../../services/directives/plan.js");
  const planned = await planDirectiveText(db.prisma, text, format, today);
  if (!planned.ok) {
    printProblems(io, m.loadInvalidDirective(file, planned.problems.length), planned.problems);
    return false;
  }
  if (planned.kind === "directive") {
    io.out(m.loadPlan(file, planned.plan));
    held.push({ file, text, format });
    return true;
  }
  const { installText } = await import("../../services/directives/install.js");
  const result = await installText(db.prisma, text, format);
  if (!result.ok) {
    printProblems(io, m.loadInvalidUnits(file, result.problems.length), result.problems);
    return false;
  }
  if (result.kind === "units") io.out(m.loadedUnits(file, result.list.units.length, result.created, result.updated));
  if (result.kind === "index") io.out(m.loadedIndex(file, result.index.number, result.status === "created"));
  return true;
}

async function applyHeld(db: OpenedDb, held: readonly Held[], io: CliIO): Promise<boolean> {
  const { installText } = await import("../../services/directives/install.js");
  let all = true;
  for (const h of held) {
    const result = await installText(db.prisma, h.text, h.format);
    if (!result.ok) {
      printProblems(io, m.loadInvalidDirective(h.file, result.problems.length), result.problems);
      all = false;
    } else if (result.kind === "directive") {
      io.out(m.loadedDirective(h.file, result.directive.number, result.status === "created"));
      if (result.unknownUnits.length > 0)
        io.err(m.loadUnknownUnits(result.unknownUnits.length, result.unknownUnits.slice(0, 10).join(", ")));
    }
  }
  return all;
}

export function registerLoad(program: Command, io: CliIO): void {
  program
    .command("load")
    .description(m.loadDescription)
    .argument("<files...>", m.loadFilesArgument)
    .option("-y, --yes", m.loadYesOption)
    .action(async (files: string[], options: { yes?: boolean }) => {
      const { vnDate } = await import("../../domain/directive/dates.js");
      const today = vnDate(new Date());
      const ok = await withDb(async (db) => {
        const held: Held[] = [];
        let all = true;
        for (const f of files) all = (await prepareOne(db, f, io, today, held)) && all;
        if (held.length === 0) return all;
        if (!options.yes && !isYes(await io.ask(m.loadConfirm))) {
          io.err(m.loadNotApplied(held.map((h) => h.file)));
          return false;
        }
        return (await applyHeld(db, held, io)) && all;
      });
      if (!ok) throw new CliExit(1);
    });
  program
    .command("grant")
    .description(m.grantDescription)
    .argument("<id>")
    .argument("<role>")
    .action(async (id: string, role: string) => {
      if (!TELEGRAM_ID.test(id)) fail(m.badTelegramId(id));
      const mapped = ROLES.get(role) ?? fail(m.badRole(role));
      const { grantRole } = await import("../../db/repos/people.js");
      await withDb((db) => grantRole(db.prisma, { telegramId: BigInt(id), role: mapped, grantedBy: 0n }));
      io.out(m.granted(role, id));
    });
  program
    .command("revoke")
    .description(m.revokeDescription)
    .argument("<id>")
    .action(async (id: string) => {
      if (!TELEGRAM_ID.test(id)) fail(m.badTelegramId(id, m.revokeExample));
      const { revokeRole } = await import("../../db/repos/people.js");
      const removed = await withDb((db) => revokeRole(db.prisma, BigInt(id)));
      io.out(removed ? m.revoked(id) : m.noRoleToRevoke(id));
    });
}
