/**
 * `dondoc load <file…>` — loads directives and unit lists into the deployment's database
 * (DATABASE_URL), the same use-case as sending the file to the bot privately (issue #3).
 * A directive's `unitsFile` is loaded first, so its groups and scopes find their units.
 * `dondoc grant <id> quantri|lanhdao` and `dondoc revoke <id>` manage roles.
 */
import { readFile } from "node:fs/promises";
import { dirname, extname, resolve } from "node:path";
import type { Command } from "commander";
import type { OpenedDb } from "../../db/client.js";
import { CliExit, fail, type CliIO } from "../io.js";
import { cliMessages as m } from "../messages.js";

/** Problems shown when a file does not load; `directive check` shows them all. */
const MAX_PROBLEMS_SHOWN = 10;

/** The database (and Prisma) is loaded only by the commands that need it: `check`/`evaluate` stay fast. */
async function withDb<T>(fn: (db: OpenedDb) => Promise<T>): Promise<T> {
  const { parseConfig } = await import("../../config.js");
  const { openDatabase } = await import("../../db/client.js");
  const config = parseConfig(process.env);
  const db = await openDatabase(config.DATABASE_URL);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** The roles `grant` accepts, by their Vietnamese name. A Map, so `constructor` is not a role. */
const ROLES: ReadonlyMap<string, "admin" | "leader"> = new Map([
  ["quantri", "admin"],
  ["lanhdao", "leader"],
]);

const TELEGRAM_ID = /^\d{1,15}$/;

async function loadOne(db: OpenedDb, file: string, io: CliIO): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    io.err(m.loadUnreadable(file));
    return false;
  }
  const unitsFile = /^\s*"?unitsFile"?\s*:\s*"?([^"\s,]+)/m.exec(text)?.[1];
  if (unitsFile && !(await loadOne(db, resolve(dirname(file), unitsFile.replace(/^["']|["']$/g, "")), io))) return false;
  const { installText, looksLikeUnitList } = await import("../../services/install.js");
  const result = await installText(db.prisma, text, extname(file).toLowerCase() === ".json" ? "json" : "yaml");
  if (!result.ok) {
    const count = result.problems.length;
    io.err(looksLikeUnitList(text) ? m.loadInvalidUnits(file, count) : m.loadInvalidDirective(file, count));
    for (const p of result.problems.slice(0, MAX_PROBLEMS_SHOWN)) io.err(m.checkProblem(p));
    if (count > MAX_PROBLEMS_SHOWN) io.err(m.checkMoreProblems(count - MAX_PROBLEMS_SHOWN));
    return false;
  }
  if (result.kind === "units") io.out(m.loadedUnits(file, result.list.units.length, result.created, result.updated));
  else {
    io.out(m.loadedDirective(file, result.directive.number, result.status === "created"));
    if (result.unknownUnits.length > 0) io.err(m.loadUnknownUnits(result.unknownUnits.length, result.unknownUnits.slice(0, 10).join(", ")));
  }
  return true;
}

export function registerLoad(program: Command, io: CliIO): void {
  program
    .command("load")
    .description(m.loadDescription)
    .argument("<files...>", m.loadFilesArgument)
    .action(async (files: string[]) => {
      const ok = await withDb(async (db) => {
        let all = true;
        for (const f of files) all = (await loadOne(db, f, io)) && all;
        return all;
      });
      if (!ok) throw new CliExit(1);
    });
  program
    .command("grant")
    .description(m.grantDescription)
    .argument("<id>").argument("<role>")
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
