/**
 * The persistence boundary (STYLE.md "The shape we want"; README "Kiến trúc"): only src/db/ and
 * src/delivery/ (which owns its outbox tables) query the database; everything else calls a
 * repository. dependency-cruiser (`npm run deps`) sees imports of Prisma, not calls through a
 * client handed in as a parameter: this test reads the code for those. Also: config.ts — read by
 * everyone — imports no job, so the job registry can import config without a cycle.
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

const outsideDb = files("src").filter((f) => !/^src[\\/](db|delivery)[\\/]/.test(f));
const QUERY =
  /\b(?:prisma|tx|db)\.[a-z]\w*\.(?:find\w*|create\w*|update\w*|upsert|delete\w*|count|aggregate|groupBy)\(|\$transaction|\$executeRaw|\$queryRaw/;

describe.each(outsideDb)("%s", (file) => {
  it("imports no Prisma and calls no Prisma client", () => {
    for (const spec of imports(file)) expect(spec, `${file} imports ${spec}`).not.toMatch(/@prisma|\/db\/generated/);
    expect(code(file), `${file} queries a table itself`).not.toMatch(QUERY);
  });
});

it("the query pattern recognises a query", () => {
  expect("await prisma.dossier.findMany({})").toMatch(QUERY);
  expect("tx.figure.upsert(").toMatch(QUERY);
  expect("deps.prisma.$transaction(async (tx) => {})").toMatch(QUERY);
  expect("ctx.chats.find((c) => c)").not.toMatch(QUERY);
});

it("config.ts imports nothing from src/jobs", () => {
  expect(imports("src/config.ts").filter((s) => s.includes("/jobs/"))).toEqual([]);
});

it("no job module imports the registry (src/jobs/index.ts imports them)", () => {
  for (const file of files("src/jobs").filter((f) => !f.endsWith("index.ts"))) {
    expect(
      imports(file).filter((s) => /^\.\/index(\.js)?$/.test(s)),
      file,
    ).toEqual([]);
  }
});
