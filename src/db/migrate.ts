/**
 * Applies the committed Prisma migrations in-process at start (docs/DIRECTIVES.md, docs/PERFORMANCE.md).
 *
 * Why not `prisma migrate deploy`: on PostgreSQL the offline JS schema engine cannot run it
 * ("Column type 'name' could not be deserialized", shared/ENVIRONMENT-NOTES.md), and spawning
 * the CLI costs ~2 s per test database. Rows are recorded in `_prisma_migrations` exactly as
 * Prisma does (sha256 checksum of migration.sql), so `prisma migrate status` agrees with us.
 */
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export interface MigrationDriver {
  /** "sqlite" or "postgresql": selects the migrations folder and the DDL of the bookkeeping table. */
  readonly dialect: "sqlite" | "postgresql";
  exec(sql: string): Promise<void>;
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /** Runs fn under an exclusive lock so that two instances starting together migrate once. */
  withLock<T>(fn: () => Promise<T>): Promise<T>;
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function migrationsDir(dialect: MigrationDriver["dialect"]): string {
  return dialect === "sqlite" ? path.join("prisma", "migrations") : path.join("prisma", "postgresql", "migrations");
}

export async function readMigrations(dir: string): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

const BOOKKEEPING: Record<MigrationDriver["dialect"], string> = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
    "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
    "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`,
  postgresql: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`,
};

export class MigrationError extends Error {}

/** Applies pending migrations; returns the names applied. Refuses edited or failed migrations. */
export async function applyMigrations(driver: MigrationDriver, dir = migrationsDir(driver.dialect)): Promise<string[]> {
  const migrations = await readMigrations(dir);
  return driver.withLock(async () => {
    await driver.exec(BOOKKEEPING[driver.dialect]);
    const rows = await driver.query(
      `SELECT "migration_name", "checksum", "finished_at", "rolled_back_at" FROM "_prisma_migrations"`,
    );
    const done = new Map(rows.filter((r) => r.rolled_back_at == null).map((r) => [String(r.migration_name), r]));
    const applied: string[] = [];
    for (const m of migrations) {
      const row = done.get(m.name);
      if (row) {
        if (row.finished_at == null)
          throw new MigrationError(`Migration ${m.name} đã chạy dở lần trước; cần xử lý tay.`);
        if (row.checksum !== m.checksum) throw new MigrationError(`Migration ${m.name} đã bị sửa sau khi áp dụng.`);
        continue;
      }
      const id = randomUUID();
      const p = driver.dialect === "sqlite" ? ["?", "?", "?"] : ["$1", "$2", "$3"];
      await driver.query(
        `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "applied_steps_count") VALUES (${p[0]}, ${p[1]}, ${p[2]}, CURRENT_TIMESTAMP, 0)`,
        [id, m.checksum, m.name],
      );
      await driver.exec(m.sql);
      await driver.query(
        `UPDATE "_prisma_migrations" SET "finished_at" = CURRENT_TIMESTAMP, "applied_steps_count" = 1 WHERE "id" = ${p[0]}`,
        [id],
      );
      applied.push(m.name);
    }
    return applied;
  });
}
