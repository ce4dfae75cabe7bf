/**
 * PostgreSQL edge (docs/PERFORMANCE.md): the in-process migration driver and the Prisma client on
 * `@prisma/adapter-pg`. `prisma migrate deploy` cannot run here against PostgreSQL (JS schema
 * engine: "Column type 'name' could not be deserialized", shared/ENVIRONMENT-NOTES.md), so the
 * committed SQL of prisma/postgresql/migrations is applied by src/db/migrate.ts through `pg`.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient as PgPrismaClient } from "./generated-pg/client.js";
import type { MigrationDriver } from "./migrate.js";

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//.test(url);

/**
 * Any constant works as long as every dondoc instance uses the same one: it serialises the
 * migrations of instances starting together ("dondoc" in ASCII).
 */
const MIGRATION_LOCK_KEY = 0x646f6e646f63;

export function pgMigrationDriver(client: pg.ClientBase): MigrationDriver {
  return {
    dialect: "postgresql",
    // Simple-query protocol when there are no parameters: a whole migration.sql in one call.
    async exec(sql) {
      await client.query(sql);
    },
    async query(sql, params = []) {
      const r = await client.query<Record<string, unknown>>(sql, params);
      return r.rows;
    },
    // A session-level advisory lock: a second instance blocks here until the first has
    // migrated, then finds every migration recorded and applies nothing.
    async withLock(fn) {
      await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
      try {
        return await fn();
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
      }
    },
  };
}

/** A connection of `pool` for the length of `fn`. */
export async function withPoolClient<T>(pool: pg.Pool, fn: (c: pg.ClientBase) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    const out = await fn(client);
    client.release();
    return out;
  } catch (err) {
    client.release(err instanceof Error ? err : true); // a connection in an unknown state is closed, not reused
    throw err;
  }
}

/** One short-lived connection for work outside Prisma (migrations, admin statements). */
export async function withPgClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface PgClientOptions {
  /** Connections in this process's pool (pg's default is 10). */
  poolMax?: number;
  /**
   * A pool to borrow instead of making one (`poolMax` is then the pool's own): closing the client
   * leaves it open. The tests' databases keep theirs from one test to the next (test/helpers/pgPool.ts).
   */
  pool?: pg.Pool;
}

/**
 * The client generated from prisma/postgresql/schema.prisma. Returned as the PrismaClient
 * class it is; src/db/client.ts hands it out typed as the SQLite client (see the cast there).
 */
export function createPgPrisma(url: string, o: PgClientOptions = {}): InstanceType<typeof PgPrismaClient> {
  const adapter = o.pool ? new PrismaPg(o.pool) : new PrismaPg({ connectionString: url, max: o.poolMax ?? 10 });
  return new PgPrismaClient({ adapter });
}

/** `postgresql://u@h:p/db?x` with another database name (tests and the bench make their own). */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

const SAFE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** CREATE DATABASE from template0 (never busy, unlike template1 when others create at once). */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  if (!SAFE_NAME.test(name)) throw new Error(`bad database name: ${name}`);
  await withPgClient(adminUrl, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`));
  return withDatabase(adminUrl, name);
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  if (!SAFE_NAME.test(name)) throw new Error(`bad database name: ${name}`);
  await withPgClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
