/**
 * The admin CLI run in the test's own process: `main` (src/cli/main.ts) with captured output,
 * exactly what bin/dondoc.js calls after registering tsx. A spawned process per case cost a
 * node start and a tsx compile each (about 1 s); test/cli/dondoc.test.ts keeps one real spawn so
 * the binary itself stays covered.
 */
import { main } from "../../src/cli/main.js";
import type { CliIO } from "../../src/cli/io.js";

export type CliRun = { code: number; stdout: string; stderr: string };

/**
 * `dondoc …args` with `env` set for the call only (the CLI reads its configuration from the
 * environment) and `input` as piped standard input: each question takes its next line, and the
 * end of input answers null, as a closed pipe does.
 */
export async function runCli(
  args: readonly string[],
  o: { env?: Record<string, string>; input?: string } = {},
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const lines = (o.input ?? "").split("\n");
  if (lines.at(-1) === "") lines.pop();
  const io: CliIO = {
    out: (text) => void (stdout += `${text}\n`),
    err: (text) => void (stderr += `${text}\n`),
    // Piped (not a TTY), the real CLI prints the question on its own line: the same here.
    ask: async (question) => {
      stdout += `${question}\n`;
      return lines.shift() ?? null;
    },
  };
  const saved = new Map(Object.keys(o.env ?? {}).map((k) => [k, process.env[k]]));
  Object.assign(process.env, o.env);
  try {
    const code = await main([process.execPath, "bin/dondoc.js", ...args], io);
    return { code, stdout, stderr };
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
