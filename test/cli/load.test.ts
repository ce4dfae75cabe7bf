/** `dondoc load` / `grant`: the CLI path an administrator uses to load presets into a database. */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { openDatabase } from "../../src/db/client.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), "dondoc-cli-"));
const url = `file:${path.join(dir, "cli.db")}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function dondoc(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/dondoc.js", ...args], { cwd: root, env: { ...process.env, DATABASE_URL: url } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("dondoc load", () => {
  test("loads a preset with its unit list, then grants a role", async () => {
    const run = await dondoc("load", "directives/bac-kan-kh-ubnd-2022.yaml");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("23 đơn vị");
    expect((await dondoc("grant", "4242", "lanhdao")).code).toBe(0);
    const db = await openDatabase(url);
    expect(await db.prisma.directive.count()).toBe(1);
    expect(await db.prisma.unit.count()).toBe(23);
    expect(await db.prisma.person.findUnique({ where: { telegramId: 4242n } })).toMatchObject({ role: "leader" });
    await db.close();
  });

  test("refuses a malformed file with its problems and loads nothing from it", async () => {
    const run = await dondoc("load", "README.md");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("chưa nạp gì");
    expect((await dondoc("grant", "abc", "lanhdao")).stderr).toContain("phải là số");
  });
});
