/**
 * The commander program and its Vietnamese error handling. Each command lives in its own
 * file under `commands/` and registers itself on the program (or on a group such as
 * `directive`, found with `commandGroup`), so other commands can be added without touching
 * the ones already there.
 */
import { Command, type CommanderError } from "commander";
import type { CliIO } from "./io.js";
import { cliMessages } from "./messages.js";

const HELP_TITLES: Record<string, string> = {
  "Usage:": "Cách dùng:",
  "Options:": "Tùy chọn:",
  "Global Options:": "Tùy chọn chung:",
  "Commands:": "Lệnh:",
  "Arguments:": "Đối số:",
};

export function createProgram(io: CliIO): Command {
  const program = new Command("dondoc")
    .description(cliMessages.programDescription)
    .helpOption("-h, --help", cliMessages.helpOption)
    .helpCommand("help [lệnh]", cliMessages.helpCommand)
    .showSuggestionAfterError(false)
    .configureHelp({ styleTitle: (title) => HELP_TITLES[title] ?? title })
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.replace(/\n$/, "")),
      writeErr: (s) => io.err(s.replace(/\n$/, "")),
      // commander's own messages are English; `translateCommanderError` says it in Vietnamese.
      outputError: () => undefined,
    });
  return program;
}

/** The subcommand group `name` (e.g. `directive`), created on first use. */
export function commandGroup(program: Command, name: string, description: string): Command {
  const existing = program.commands.find((c) => c.name() === name);
  if (existing) return existing;
  return program.command(name).description(description);
}

/** Vietnamese message for a commander parse error, or null for help/version (exit 0). */
export function translateCommanderError(error: CommanderError): string | null {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? "";
  switch (error.code) {
    case "commander.helpDisplayed":
    case "commander.version":
      return null;
    case "commander.help":
      return error.exitCode === 0 ? null : cliMessages.noCommand;
    case "commander.unknownOption":
      return cliMessages.unknownOption(quoted);
    case "commander.unknownCommand":
      return cliMessages.unknownCommand(quoted);
    case "commander.missingArgument":
      return cliMessages.missingArgument(quoted);
    case "commander.optionMissingArgument":
      return cliMessages.optionMissingArgument(quoted);
    case "commander.missingMandatoryOptionValue":
      return cliMessages.missingOption(quoted);
    case "commander.excessArguments":
      return cliMessages.excessArguments;
    default:
      return cliMessages.badArguments(error.message.replace(/^error:\s*/, ""));
  }
}
