/**
 * An active directive whose stored text no longer validates (e.g. a later version of the indicator
 * registry refuses it) cannot be in the catalog, but it must not vanish unseen: its deadlines and
 * reminders would just stop. The catalog logs it by name, and `/chithi` flags it for the admin.
 */
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listActiveDirectives, listLoadedDirectives } from "../../src/db/repos/directives.js";
import { createLogger } from "../../src/logger.js";
import { createCatalogHolder } from "../../src/services/catalogHolder.js";
import { installText } from "../../src/services/directives/install.js";
import { createTestDb, type TestDb } from "../helpers/db.js";

const SLUG = "thu-nghiem-01-ct-2026";
let db: TestDb;

beforeEach(async () => {
  db = await createTestDb();
  for (const f of ["test/fixtures/province.units.yaml", "test/fixtures/province.directive.yaml"]) {
    const r = await installText(db.prisma, readFileSync(f, "utf8"), "yaml");
    if (!r.ok) throw new Error(`fixture ${f}: ${JSON.stringify(r.problems)}`);
  }
  // What a stored text that the loader refuses today looks like: it parses, but fails the schema.
  await db.prisma.directive.update({ where: { slug: SLUG }, data: { body: `id: ${SLUG}\ntitle: cũ\n` } });
});
afterEach(async () => db?.cleanup());

describe("a stored directive that fails validation", () => {
  it("is handed to the caller of listActiveDirectives, named, not silently dropped", async () => {
    const seen: unknown[] = [];
    const active = await listActiveDirectives(db.prisma, (invalid) => seen.push(...invalid));
    expect(active.map((d) => d.id)).not.toContain(SLUG);
    expect(seen).toEqual([expect.objectContaining({ slug: SLUG })]);
  });

  it("is logged by the catalog (on build and on every reload) and left out of it", async () => {
    const lines: string[] = [];
    const logger = createLogger("info", [], { write: (line: string) => void lines.push(line) });
    const holder = await createCatalogHolder(db.prisma, logger);
    expect(holder.get().directives.map((d) => d.id)).not.toContain(SLUG);
    await holder.reload();
    const warnings = lines
      .map((l) => JSON.parse(l) as { level: number; directives?: string[]; msg: string })
      .filter((l) => l.level === 40);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatchObject({ directives: [SLUG] });
    expect(warnings[0]?.msg).toContain("no longer validates");
  });

  it("is still listed for the admin, marked as no longer valid", async () => {
    const loaded = await listLoadedDirectives(db.prisma);
    expect(loaded).toEqual([expect.objectContaining({ slug: SLUG, active: true, directive: null })]);
  });
});
