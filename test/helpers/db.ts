import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, type OpenedDb } from "../../src/db/client.js";
import { createPgDatabase, requirePgAdminUrl, suiteOnPostgres } from "./pg.js";

export type TestDb = OpenedDb & { url: string; cleanup(): Promise<void> };

/**
 * A fresh, migrated database: SQLite in a temp folder, or — with DONDOC_TEST_DB=postgres, the
 * suite's second pass in .ci/run (issue #7) — a new database on the test PostgreSQL server.
 */
export async function createTestDb(): Promise<TestDb> {
  if (suiteOnPostgres()) return createPostgresTestDb(requirePgAdminUrl());
  const dir = mkdtempSync(path.join(tmpdir(), "dondoc-test-"));
  const url = `file:${path.join(dir, "test.db")}`;
  const db = await openDatabase(url);
  return {
    ...db,
    url,
    async cleanup() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function createPostgresTestDb(adminUrl: string): Promise<TestDb> {
  const created = await createPgDatabase(adminUrl);
  const db = await openDatabase(created.url, { poolMax: 4 });
  return {
    ...db,
    url: created.url,
    async cleanup() {
      await db.close();
      await created.drop();
    },
  };
}
