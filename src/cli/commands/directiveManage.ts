/**
 * `dondoc directive pause|resume|remove <id>` — the same use-case as `/chithi`'s buttons
 * (src/services/directives/admin.ts). A running bot reads its catalog at start and after a change
 * made in the bot, so a change made here reaches it when it restarts.
 */
import type { Command } from "commander";
import type { DirectiveAction } from "../../services/directives/admin.js";
import { withDb } from "../db.js";
import { fail, type CliIO } from "../io.js";
import { cliMessages as m } from "../messages.js";
import { commandGroup } from "../program.js";

const ACTIONS: readonly { name: DirectiveAction; description: string }[] = [
  { name: "pause", description: m.pauseDescription },
  { name: "resume", description: m.resumeDescription },
  { name: "remove", description: m.removeDescription },
];

export function registerDirectiveManage(program: Command, io: CliIO): void {
  const group = commandGroup(program, "directive", m.directiveGroup);
  for (const { name, description } of ACTIONS) {
    group
      .command(name)
      .description(description)
      .argument("<id>", m.directiveIdArgument)
      .action(async (slug: string) => {
        const { changeDirective } = await import("../../services/directives/admin.js");
        const r = await withDb((db) => changeDirective(db.prisma, { slug }, name));
        if (!r.ok && r.reason === "not-found") fail(m.directiveNotFound(slug, r.known));
        if (!r.ok) {
          io.out(
            r.reason === "already-paused"
              ? m.alreadyPaused(r.record.number, r.record.slug)
              : m.alreadyActive(r.record.number),
          );
          return;
        }
        const { number, slug: id } = r.record;
        io.out(
          name === "pause" ? m.paused(number, id) : name === "resume" ? m.resumed(number, id) : m.removed(number, id),
        );
      });
  }
}
