/** The domain core stays pure (docs/DIRECTIVES.md, STYLE.md): no grammY, no Prisma, no I/O, no clock. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

const domain = files("src/domain");

describe("src/domain is pure", () => {
  it("has files to check", () => expect(domain.length).toBeGreaterThan(10));

  it.each(domain)("%s imports nothing from the edges and never reads the clock", (file) => {
    const code = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    const imports = [...code.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1] ?? "");
    for (const spec of imports) {
      expect(spec, `${file} imports ${spec}`).not.toMatch(
        /grammy|prisma|^node:|^fs|^pg$|better-sqlite3|node-cron|exceljs|canvas|\/db\/|\/bot\/|\/delivery\//,
      );
    }
    expect(code, `${file} reads the clock`).not.toMatch(/Date\.now\(\)|new Date\(\)|performance\.now\(\)/);
    expect(code, `${file} reads the environment`).not.toMatch(/process\.env/);
  });
});
