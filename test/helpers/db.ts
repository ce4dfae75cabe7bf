import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { openDatabase, type OpenedDb } from "../../src/db/client.js";
import { createPgDatabase, requirePgAdminUrl, suiteOnPostgres } from "./pg.js";
import { takePooledDb } from "./pgPool.js";
import { runOfEnv, sqliteDirPrefix } from "./pgRun.js";
import { sameOnEveryDatabase } from "./sameOnEveryDatabase.js";
import { copySeededSqliteTemplate, copySqliteTemplate, pgTemplate, type Seed } from "./templates.js";

export type TestDb = OpenedDb & {
  url: string;
  cleanup(): Promise<void>;
  /** The `seed` asked for is already in (SQLite: a seeded template); false: the caller installs it. */
  seeded: boolean;
};

interface TestDbOptions {
  migrate?: "template" | "fresh";
  seed?: Seed;
}

/**
 * A fresh, migrated database: SQLite in a temp folder, or — with DONDOC_TEST_DB=postgres, the
 * suite's second pass in .ci/run — a new database on the test PostgreSQL server. Both are copies
 * of a migrated template unless `migrate: "fresh"` asks for a real migration.
 */
export async function createTestDb(o: TestDbOptions = {}): Promise<TestDb> {
  assertMayOpenTestDatabase();
  if (suiteOnPostgres()) return createPostgresTestDb(requirePgAdminUrl(), o);
  if (o.migrate === "fresh") return makeSqliteDb(o);
  // Like PostgreSQL's (./pgPool.ts): the next test's database is copied and opened while this one
  // runs — one made ahead per kind (bare, or each seed).
  const kind = o.seed?.key ?? "";
  const next = sqliteNext.get(kind) ?? makeSqliteDb(o);
  const ahead = makeSqliteDb(o);
  ahead.catch(() => undefined); // reported to the test that takes it
  sqliteNext.set(kind, ahead);
  return next;
}

const sqliteNext = new Map<string, Promise<TestDb>>();

/** The project's root: test paths are checked against the list relative to it. */
export const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * A file the PostgreSQL pass leaves out (./sameOnEveryDatabase.ts) may not open the test database:
 * it would never run on PostgreSQL. Checked in the SQLite pass, where those files run.
 */
export function assertMayOpenTestDatabase(testPath = expect.getState().testPath): void {
  if (!testPath) return;
  const file = path.relative(ROOT, testPath).split(path.sep).join("/");
  if (sameOnEveryDatabase(file))
    throw new Error(
      `${file} opens the test database but is listed in test/helpers/sameOnEveryDatabase.ts, so it would never run on PostgreSQL: take it off the list`,
    );
}

async function makeSqliteDb(o: TestDbOptions): Promise<TestDb> {
  const dir = mkdtempSync(path.join(tmpdir(), sqliteDirPrefix(runOfEnv())));
  const file = path.join(dir, "test.db");
  const url = `file:${file}`;
  // A copy of the migrated template (test/helpers/templates.ts); "fresh" migrates, for the tests
  // of migrating itself. Opening still runs the migrator, which then finds nothing to apply.
  const seed = o.migrate === "fresh" ? undefined : o.seed;
  const fromTemplate =
    o.migrate === "fresh"
      ? undefined
      : seed
        ? await copySeededSqliteTemplate(file, seed)
        : await copySqliteTemplate(file);
  const db = await openDatabase(url);
  return {
    ...db,
    applied: fromTemplate ?? db.applied,
    url,
    seeded: seed !== undefined,
    async cleanup() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function createPostgresTestDb(
  adminUrl: string,
  o: { migrate?: "template" | "fresh" } = {},
): Promise<TestDb> {
  assertMayOpenTestDatabase();
  const template = o.migrate === "fresh" ? undefined : await pgTemplate(adminUrl);
  const run = runOfEnv();
  if (template && run) {
    // Made ahead by this worker (./pgPool.ts) while the tests before this one ran.
    const pooled = await takePooledDb(adminUrl, run, template.name);
    return { ...pooled.db, applied: template.applied, url: pooled.url, cleanup: pooled.release, seeded: false };
  }
  // Outside a vitest run (no global setup), or a real migration: made here, dropped at cleanup.
  const created = await createPgDatabase(adminUrl, "dondoc_t", template?.name);
  const db = await openDatabase(created.url, { poolMax: 4 });
  return {
    seeded: false,
    ...db,
    applied: template?.applied ?? db.applied,
    url: created.url,
    async cleanup() {
      await db.close();
      await created.drop();
    },
  };
}
