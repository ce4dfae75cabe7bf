/**
 * Opens the database named by DATABASE_URL, applies migrations, returns a Prisma client on a
 * driver adapter (Prisma 6.19 + JS engine: the line that runs offline, ENVIRONMENT-NOTES.md).
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client.js";
import { applyMigrations } from "./migrate.js";
import { openSqlite, sqliteMigrationDriver, sqlitePath } from "./sqlite.js";

export type Db = InstanceType<typeof PrismaClient>;

export interface OpenedDb {
  prisma: Db;
  dialect: "sqlite" | "postgresql";
  applied: string[];
  close(): Promise<void>;
}

export async function openDatabase(url: string): Promise<OpenedDb> {
  if (!url.startsWith("file:")) {
    throw new Error("PostgreSQL chưa được hỗ trợ trong bản này: dùng DATABASE_URL=file:./data/dondoc.db");
  }
  const raw = openSqlite(url);
  let applied: string[];
  try {
    applied = await applyMigrations(sqliteMigrationDriver(raw));
  } finally {
    raw.close();
  }
  const adapter = new PrismaBetterSQLite3({ url: sqlitePath(url), timeout: 5000 });
  const prisma = new PrismaClient({ adapter });
  return { prisma, dialect: "sqlite", applied, close: () => prisma.$disconnect() };
}
