/**
 * Real processes for the several-instances test (docs/PERFORMANCE.md): the emulator through its CLI,
 * dondoc instances through src/main.ts. The holding proxy per instance, which lets a kill be aimed
 * between two sends, is test/helpers/holdingProxy.ts (see test/delivery/crash.test.ts for why).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

const TSX = ["--import", "tsx"];

export interface Proc {
  child: ChildProcess;
  /** stdout lines so far (pino JSON for instances). */
  lines: string[];
  exited: Promise<number | null>;
}

function track(child: ChildProcess): Proc {
  const lines: string[] = [];
  if (child.stdout) createInterface({ input: child.stdout }).on("line", (l) => lines.push(l));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, lines, exited };
}

export async function waitUntil<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs: number,
  label: string,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `npx tsx src/emulator/cli.ts --port 0 --token …` (run with node directly: same CLI, no npx start-up). */
export async function startEmulatorCli(token: string): Promise<Proc & { url: string }> {
  const p = track(
    spawn(process.execPath, [...TSX, "src/emulator/cli.ts", "--port", "0", "--token", token, "--quiet"], {
      stdio: ["ignore", "pipe", "inherit"],
    }),
  );
  const line = await waitUntil(() => p.lines.find((l) => l.includes("listening on")), 30_000, "the emulator CLI");
  const url = /listening on (http:\/\/\S+)/.exec(line)?.[1];
  if (!url) throw new Error(`emulator CLI said: ${line}`);
  return { ...p, url };
}

export function startInstance(env: Record<string, string>): Proc {
  return track(
    spawn(process.execPath, [...TSX, "src/main.ts"], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    }),
  );
}

/** JSON log lines of an instance whose `msg` is exactly `msg`. */
export function logged(p: Proc, msg: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const l of p.lines) {
    if (!l.startsWith("{")) continue;
    const o: unknown = JSON.parse(l);
    if (typeof o === "object" && o !== null && "msg" in o && o.msg === msg) out.push({ ...o });
  }
  return out;
}

/** The emulator's control API (src/emulator/README.md). */
export function control(base: string) {
  const call = async (method: "GET" | "POST", route: string, body?: unknown): Promise<unknown> => {
    const r = await fetch(`${base}/__emulator/${route}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${method} ${route}: ${r.status} ${await r.text()}`);
    return r.json();
  };
  return {
    post: (route: string, body: unknown) => call("POST", route, body),
    get: (route: string) => call("GET", route),
  };
}
