/** Output, one line of input, and failure plumbing shared by every CLI command. */
import { createInterface } from "node:readline";

export type CliIO = {
  out: (text: string) => void;
  err: (text: string) => void;
  /**
   * Shows `question` and reads one line of standard input — typed on a terminal, or piped
   * (`echo c | dondoc load …`); null at end of input.
   */
  ask: (question: string) => Promise<string | null>;
};

export const processIO: CliIO = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  ask: (question) => readOneLine(question),
};

function readOneLine(question: string): Promise<string | null> {
  // On a terminal the answer is typed after the question; piped, the question stays on its own line.
  process.stdout.write(process.stdin.isTTY ? question : `${question}\n`);
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, terminal: false });
    let answered = false;
    rl.once("line", (line) => {
      answered = true;
      resolve(line);
      rl.close();
    });
    rl.once("close", () => {
      if (!answered) resolve(null);
    });
  });
}

/** "c", "có", "co", "y", "yes" in any case: the answers that mean yes. */
export function isYes(answer: string | null): boolean {
  return answer !== null && ["c", "co", "có", "y", "yes"].includes(answer.normalize("NFC").trim().toLowerCase());
}

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
