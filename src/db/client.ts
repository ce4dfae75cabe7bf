/**
 * Opens the database named by DATABASE_URL, applies migrations, returns a Prisma client on a
 * driver adapter (Prisma 6.19 + JS engine: the line that runs offline, ENVIRONMENT-NOTES.md).
 * `file:` → SQLite (better-sqlite3); `postgresql://` → PostgreSQL (`pg`, docs/PERFORMANCE.md).
 */
import { PrismaClient } from "./generated/client.js";
import { applyMigrations } from "./migrate.js";
import { linkLegacyDocuments } from "./repos/letters.js";
import {
  createPgPrisma,
  isPostgresUrl,
  pgMigrationDriver,
  withPgClient,
  withPoolClient,
  type PgClientOptions,
} from "./postgres.js";
import { openSqlite, sqliteMigrationDriver, sqlitePath } from "./sqlite.js";
import { registerSqliteHandle, sharedSqliteAdapter } from "./sqliteShared.js";
import type { Db } from "./types.js";

export type { Db } from "./types.js";

export interface OpenedDb {
  prisma: Db;
  dialect: "sqlite" | "postgresql";
  applied: string[];
  close(): Promise<void>;
}

export type OpenOptions = PgClientOptions;

export async function openDatabase(url: string, o: OpenOptions = {}): Promise<OpenedDb> {
  if (isPostgresUrl(url)) return openPostgres(url, o);
  if (!url.startsWith("file:"))
    throw new Error("DATABASE_URL phải bắt đầu bằng file: (SQLite) hoặc postgresql:// (PostgreSQL)");
  const raw = openSqlite(url);
  let applied: string[];
  try {
    applied = await applyMigrations(sqliteMigrationDriver(raw));
  } finally {
    raw.close();
  }
  const { adapter, slot } = sharedSqliteAdapter(sqlitePath(url), 5000);
  const prisma = new PrismaClient({ adapter });
  registerSqliteHandle(prisma, slot);
  await linkLegacyDocuments(prisma);
  return { prisma, dialect: "sqlite", applied, close: () => prisma.$disconnect() };
}

async function openPostgres(url: string, o: OpenOptions): Promise<OpenedDb> {
  const migrate = (c: Parameters<typeof pgMigrationDriver>[0]) => applyMigrations(pgMigrationDriver(c));
  const applied = await (o.pool ? withPoolClient(o.pool, migrate) : withPgClient(url, migrate));
  const pgPrisma = createPgPrisma(url, o);
  // The cast: both clients are generated from one data model (prisma/postgresql/schema.prisma is
  // derived mechanically from prisma/schema.prisma, and test/db/postgres-derive.test.ts fails on
  // drift), so their model delegates, $queryRaw, $transaction and result types are the same.
  // TypeScript still sees two unrelated generated classes — and the PostgreSQL one accepts a
  // few extra options (e.g. `mode: "insensitive"`) that code typed against Db cannot use, which
  // keeps every caller portable to SQLite.
  const prisma = pgPrisma as unknown as Db;
  await linkLegacyDocuments(prisma);
  return { prisma, dialect: "postgresql", applied, close: () => pgPrisma.$disconnect() };
}
