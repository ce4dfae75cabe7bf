/**
 * What the person who runs `npm start` reads: readable lines with Vietnam time on a terminal
 * (LOG_FORMAT=pretty here, since a test has no terminal), JSON lines for machines, the token
 * never, a sandbox banner saying where to click and how to stop, and a busy port named in words
 * before anything is set up.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../src/emulator/index.js";
import { banner } from "../../src/sandbox/index.js";

const TOKEN = "5550002:REAL-looking_secret_token_KLMNOPQRST";
const dir = mkdtempSync(path.join(tmpdir(), "dondoc-console-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `src/main.ts` until `done(output)` or the timeout, then stops it; returns output and exit code. */
async function run(env: Record<string, string>, done: (out: string) => boolean, timeoutMs = 60_000) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  // "close", not "exit": the output may still be in the pipes when the process has exited.
  const exited = new Promise<number | null>((r) => child.once("close", (code) => r(code)));
  child.stdout.on("data", (c: Buffer) => {
    out += c.toString();
  });
  child.stderr.on("data", (c: Buffer) => {
    out += c.toString();
  });
  const end = Date.now() + timeoutMs;
  while (child.exitCode === null && !done(out) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  if (child.exitCode === null) child.kill("SIGTERM");
  return { out, code: await exited };
}

describe("the console of npm start", () => {
  it("LOG_FORMAT=pretty: one readable line per event, Vietnam time, no token", async () => {
    const emu = await startEmulator({ token: TOKEN, botUsername: "dondoc_bot" });
    try {
      const { out } = await run(
        {
          BOT_TOKEN: TOKEN,
          TELEGRAM_API_ROOT: emu.url,
          LOG_FORMAT: "pretty",
          LOG_LEVEL: "debug",
          DATABASE_URL: `file:${path.join(dir, "p.db")}`,
        },
        () => emu.calls("getUpdates") > 0,
      );
      const lines = out.split("\n").filter((l) => l.trim() !== "");
      expect(lines.length).toBeGreaterThan(0);
      for (const l of lines) expect(l).not.toMatch(/^\{/);
      // The wall clock in Vietnam, dd/mm/yyyy HH:MM:SS, and the level in words.
      const now = new Intl.DateTimeFormat("en-GB", {
        timeZone: "Asia/Ho_Chi_Minh",
        day: "2-digit",
        month: "2-digit",
        year: "numeric",
      }).format(new Date());
      expect(lines.some((l) => l.startsWith(`[${now} `) || l.startsWith(now))).toBe(true);
      expect(out).toMatch(/INFO/);
      expect(out).not.toContain("secret_token");
    } finally {
      await emu.stop();
    }
  }, 90_000);

  it("LOG_FORMAT=json: machine lines with epoch time", async () => {
    const emu = await startEmulator({ token: TOKEN, botUsername: "dondoc_bot" });
    try {
      // LOG_LEVEL given: the test runner's own environment says "silent" (vitest.config.ts).
      const { out } = await run(
        {
          BOT_TOKEN: TOKEN,
          TELEGRAM_API_ROOT: emu.url,
          LOG_FORMAT: "json",
          LOG_LEVEL: "info",
          DATABASE_URL: `file:${path.join(dir, "j.db")}`,
        },
        () => emu.calls("getUpdates") > 0,
      );
      const first = out.split("\n").find((l) => l.startsWith("{"));
      expect(first, out).toBeDefined();
      expect(typeof (JSON.parse(first ?? "{}") as { time?: unknown }).time).toBe("number");
    } finally {
      await emu.stop();
    }
  }, 90_000);

  it("the sandbox on a busy port: named in words, exit 1, nothing seeded", async () => {
    const busy: Server = createServer();
    await new Promise<void>((r) => busy.listen(0, "127.0.0.1", () => r()));
    const port = (busy.address() as { port: number }).port;
    const db = path.join(dir, "busy.db");
    try {
      const { out, code } = await run(
        { BOT_TOKEN: "", SANDBOX_PORT: String(port), DATABASE_URL: `file:${db}`, LOG_FORMAT: "json" },
        () => false,
      );
      expect(code).toBe(1);
      expect(out).toContain(`Cổng ${port} đang được dùng`);
      expect(out).toContain(`SANDBOX_PORT=${port + 1} npm start`);
      expect(out).not.toContain("EADDRINUSE");
      expect(existsSync(db)).toBe(false);
    } finally {
      busy.close();
    }
  }, 90_000);

  it("the sandbox banner says where to click, where the data is and how to stop", () => {
    const lines = banner("http://localhost:3000", "data/sandbox.db");
    expect(lines).toContain("Sandbox: http://localhost:3000 — mở trình duyệt để dùng thử");
    expect(lines.some((l) => l.startsWith("Dữ liệu: data/sandbox.db"))).toBe(true);
    expect(lines).toContain("Dừng: Ctrl+C");
  });
});
