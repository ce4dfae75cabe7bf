/**
 * `dondoc index remove <code>` — takes a scored index (docs/INDEX.md) out of the deployment. Figures
 * already reported stay (they are keyed by unit and indicator); loading the file again brings it
 * back. A running bot sees the change when it restarts, as for directives.
 */
import type { Command } from "commander";
import { withDb } from "../db.js";
import { fail, type CliIO } from "../io.js";
import { cliMessages as m } from "../messages.js";
import { commandGroup } from "../program.js";

export function registerIndexManage(program: Command, io: CliIO): void {
  commandGroup(program, "index", m.indexGroup)
    .command("remove")
    .description(m.indexRemoveDescription)
    .argument("<code>", m.indexCodeArgument)
    .action(async (code: string) => {
      const { deleteIndex, listIndexCodes } = await import("../../db/repos/indices.js");
      const r = await withDb(async (db) => {
        const number = await deleteIndex(db.prisma, code);
        return number === null
          ? { ok: false as const, known: await listIndexCodes(db.prisma) }
          : { ok: true as const, number };
      });
      if (!r.ok) fail(m.indexNotFound(code, r.known));
      else io.out(m.indexRemoved(r.number, code));
    });
}
