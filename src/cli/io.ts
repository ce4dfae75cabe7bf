/** Output and failure plumbing shared by every CLI command. */

export type CliIO = { out: (text: string) => void; err: (text: string) => void };

export const processIO: CliIO = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/**
 * Thrown by a command to stop with an exit code; `message` (Vietnamese, says what was wrong
 * and how to do it right — STYLE.md habit 5) is printed on stderr by `main`.
 */
export class CliExit extends Error {
  constructor(
    readonly exitCode: number,
    message = "",
  ) {
    super(message);
    this.name = "CliExit";
  }
}

/** Stops the command with exit code 1 and a message for the user. */
export function fail(message: string): never {
  throw new CliExit(1, message);
}
