/**
 * `dondoc` — the admin CLI (docs/DIRECTIVES.md). Registers every command, runs one, and turns every
 * failure into a Vietnamese message and an exit code; never throws to the caller.
 */
import { CommanderError } from "commander";
import { registerDirectiveCheck } from "./commands/directiveCheck.js";
import { registerDirectiveManage } from "./commands/directiveManage.js";
import { registerEvaluate } from "./commands/evaluate.js";
import { registerIndexManage } from "./commands/indexManage.js";
import { registerLoad } from "./commands/load.js";
import { CliExit, processIO, type CliIO } from "./io.js";
import { cliMessages } from "./messages.js";
import { createProgram, translateCommanderError } from "./program.js";

/** Commands in the order `--help` lists them. Add new ones here. */
const registrations = [
  registerDirectiveCheck,
  registerDirectiveManage,
  registerIndexManage,
  registerEvaluate,
  registerLoad,
];

export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  const program = createProgram(io);
  for (const register of registrations) register(program, io);
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (error) {
    if (error instanceof CliExit) {
      if (error.message) io.err(error.message);
      return error.exitCode;
    }
    if (error instanceof CommanderError) {
      const message = translateCommanderError(error);
      if (message === null) return 0;
      io.err(message);
      io.err(cliMessages.seeHelp);
      return 1;
    }
    io.err(cliMessages.unexpected(error instanceof Error ? error.message : String(error)));
    return 2;
  }
}
