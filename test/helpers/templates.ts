/**
 * Migrated template databases, so a test database is a copy instead of a fresh migration: the
 * suite makes one database per test (about 1,300), and applying every migration to each was the
 * largest fixed cost of a test after the imports. A template is keyed by the migrations' content
 * (a new or edited migration makes a new one) and shared by the workers of a run and by later runs.
 */
import { createHash, randomBytes } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { applyMigrations, migrationsDir, readMigrations } from "../../src/db/migrate.js";
import { pgMigrationDriver, withDatabase, withPgClient } from "../../src/db/postgres.js";
import { openDatabase } from "../../src/db/client.js";
import type { Db } from "../../src/db/types.js";
import { openSqlite, sqliteMigrationDriver } from "../../src/db/sqlite.js";
import { runOfEnv, sqliteDirPrefix } from "./pgRun.js";

type Dialect = "sqlite" | "postgresql";

const names = new Map<Dialect, Promise<{ key: string; applied: string[] }>>();

/** The migrations' names and a hash of their text; read once per process and dialect. */
function migrationsKey(dialect: Dialect): Promise<{ key: string; applied: string[] }> {
  let found = names.get(dialect);
  if (!found) {
    found = readMigrations(migrationsDir(dialect)).then((ms) => ({
      key: createHash("sha256")
        .update(ms.map((m) => `${m.name}\n${m.checksum}`).join("\n"))
        .digest("hex")
        .slice(0, 16),
      applied: ms.map((m) => m.name),
    }));
    names.set(dialect, found);
  }
  return found;
}

let sqliteTemplate: Promise<string> | undefined;

/**
 * Copies the migrated SQLite template to `file`; returns the migrations it holds (what a fresh
 * migration would have applied). The template is written under a private name and renamed, so a
 * worker never copies one another worker is still writing.
 */
export async function copySqliteTemplate(file: string): Promise<string[]> {
  const { key, applied } = await migrationsKey("sqlite");
  sqliteTemplate ??= (async () => {
    const dir = path.join(tmpdir(), "dondoc-test-templates");
    const template = path.join(dir, `sqlite-${key}.db`);
    if (existsSync(template)) return template;
    mkdirSync(dir, { recursive: true });
    const partial = `${template}.${process.pid}.${randomBytes(4).toString("hex")}`;
    const raw = openSqlite(`file:${partial}`);
    try {
      await applyMigrations(sqliteMigrationDriver(raw));
      // Everything into the main file: the copy takes that file alone.
      raw.pragma("wal_checkpoint(TRUNCATE)");
      raw.pragma("journal_mode = DELETE");
    } finally {
      raw.close();
    }
    renameSync(partial, template);
    for (const side of ["-wal", "-shm"]) rmSync(`${partial}${side}`, { force: true });
    return template;
  })();
  copyFileSync(await sqliteTemplate, file);
  return applied;
}

/** What a test database starts with beyond the migrations (the bot harness's unit list and directive). */
export interface Seed {
  /** Names the content: the same key must always install the same rows. */
  key: string;
  install(prisma: Db): Promise<void>;
}

const seededTemplates = new Map<string, Promise<string>>();

/**
 * Copies a migrated SQLite template with `seed` already installed to `file`. Installing the
 * harness's two fixture files through the application (parse, validate, about a dozen Prisma
 * statements) was about a third of starting a bot harness, repeated by some 800 tests per pass
 * (docs/PERFORMANCE.md, "Session of 06/12/2026 (2)"). Built once per worker, by the application's own
 * install, into the run's temporary folder — never kept between runs, since the rows depend on
 * the code that installs them, not only on the files.
 */
export async function copySeededSqliteTemplate(file: string, seed: Seed): Promise<string[]> {
  let template = seededTemplates.get(seed.key);
  if (!template) {
    template = (async () => {
      const dir = mkdtempSync(path.join(tmpdir(), sqliteDirPrefix(runOfEnv())));
      const built = path.join(dir, "seeded.db");
      await copySqliteTemplate(built);
      const db = await openDatabase(`file:${built}`);
      try {
        await seed.install(db.prisma);
      } finally {
        await db.close();
      }
      // Everything into the main file: the copy takes that file alone.
      const raw = openSqlite(`file:${built}`);
      try {
        raw.pragma("wal_checkpoint(TRUNCATE)");
        raw.pragma("journal_mode = DELETE");
      } finally {
        raw.close();
      }
      return built;
    })();
    seededTemplates.set(seed.key, template);
    template.catch(() => seededTemplates.delete(seed.key));
  }
  copyFileSync(await template, file);
  return (await migrationsKey("sqlite")).applied;
}

/** Any constant every test worker shares: serialises building the PostgreSQL template. */
const TEMPLATE_LOCK_KEY = 0x646f6e74706c;
const templateNames = new Map<string, Promise<string>>();

/**
 * The name of the migrated PostgreSQL template on the server at `adminUrl`, built once under an
 * advisory lock (first worker builds, the others wait and find it). CREATE DATABASE … TEMPLATE
 * only needs the template to have no open connection, which holds once it is built.
 */
export async function pgTemplate(adminUrl: string): Promise<{ name: string; applied: string[] }> {
  const { key, applied } = await migrationsKey("postgresql");
  let name = templateNames.get(adminUrl);
  if (!name) {
    name = buildPgTemplate(adminUrl, `dondoc_tpl_${key}`);
    templateNames.set(adminUrl, name);
  }
  return { name: await name, applied };
}

async function buildPgTemplate(adminUrl: string, name: string): Promise<string> {
  await withPgClient(adminUrl, async (c) => {
    await c.query("SELECT pg_advisory_lock($1)", [TEMPLATE_LOCK_KEY]);
    try {
      const exists = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (exists.rowCount) return;
      const partial = `${name}_${process.pid}`;
      await c.query(`DROP DATABASE IF EXISTS "${partial}"`);
      await c.query(`CREATE DATABASE "${partial}" TEMPLATE template0 ENCODING 'UTF8'`);
      await withPgClient(withDatabase(adminUrl, partial), (m) => applyMigrations(pgMigrationDriver(m)));
      await c.query(`ALTER DATABASE "${partial}" RENAME TO "${name}"`);
    } finally {
      await c.query("SELECT pg_advisory_unlock($1)", [TEMPLATE_LOCK_KEY]);
    }
  });
  return name;
}
