/**
 * The schedules' layering (STYLE.md "The shape we want"): jobs and the reminder use-cases reach
 * the database only through src/db/repos, and config.ts — read by everyone — imports no job, so
 * the registry can import config without a cycle. Until the repository-wide dependency check
 * exists, this keeps the jobs' part of it.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

const code = (file: string) => readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
const imports = (file: string) => [...code(file).matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1] ?? "");

describe.each([...files("src/jobs"), ...files("src/services/reminders"), ...files("src/domain/schedule")])("%s", (file) => {
  it("imports no Prisma and calls no Prisma client", () => {
    for (const spec of imports(file)) expect(spec, `${file} imports ${spec}`).not.toMatch(/@prisma|\/db\/generated/);
    expect(code(file), `${file} queries a table itself`).not.toMatch(/\bprisma\.[a-z]\w*\.[a-z]\w*\(|\$transaction|\$executeRaw|\$queryRaw/);
  });
});

it("config.ts imports nothing from src/jobs", () => {
  expect(imports("src/config.ts").filter((s) => s.includes("/jobs/"))).toEqual([]);
});

it("no job module imports the registry (src/jobs/index.ts imports them)", () => {
  for (const file of files("src/jobs").filter((f) => !f.endsWith("index.ts"))) {
    expect(imports(file).filter((s) => /^\.\/index(\.js)?$/.test(s)), file).toEqual([]);
  }
});
