/**
 * Bot features and jobs get the use-cases, not the database (README "Kiến trúc"; the import rule
 * `edges-use-cases-only` of .dependency-cruiser.cjs). The cruiser sees imports only: a client handed
 * in through the context (`ctx.deps.prisma`) or a job's parameters would slip past it, so this test
 * reads the code of src/bot/, src/jobs/ and src/webapp/ (the Mini App) for the client, and checks
 * the types they are given.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { BotContext } from "../../src/bot/context.js";
import type { SchedulerOptions } from "../../src/jobs/scheduler.js";
import type { AppServices } from "../../src/services/useCases.js";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

const code = (file: string) => readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
/** The client by its names: `deps.prisma`, `{ prisma }`, a `Db` or `AppDeps` type. */
const CLIENT = /\bprisma\b|\$transaction|\bAppDeps\b|\bDb\b/;

describe.each([...files("src/bot"), ...files("src/jobs"), ...files("src/webapp")])("%s", (file) => {
  it("holds no database client", () => {
    expect(code(file), `${file} reaches the database client`).not.toMatch(CLIENT);
  });
});

it("the pattern recognises the client", () => {
  for (const c of ["ctx.deps.prisma", "const { prisma } = deps", "(deps: AppDeps)", "prisma: Db"])
    expect(c).toMatch(CLIENT);
  expect("ctx.uc.dossiers.dossierById(id)").not.toMatch(CLIENT);
});

it("no prisma field is reachable from what the bot and the jobs are given", () => {
  expectTypeOf<BotContext["deps"]>().not.toHaveProperty("prisma");
  expectTypeOf<BotContext>().not.toHaveProperty("prisma");
  expectTypeOf<AppServices>().not.toHaveProperty("prisma");
  expectTypeOf<AppServices>().not.toHaveProperty("kickDelivery");
  expectTypeOf<SchedulerOptions>().not.toHaveProperty("prisma");
});
