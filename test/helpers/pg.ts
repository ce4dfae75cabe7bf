/**
 * Where the test PostgreSQL is. `npm test` runs scripts/test-setup.sh first, which
 * starts a throw-away cluster and writes its admin URL to data/test-pg-url; TEST_DATABASE_URL
 * overrides it (any server where we may CREATE DATABASE). Absent → PostgreSQL tests skip,
 * saying why, except in the PostgreSQL run of the suite (DONDOC_TEST_DB=postgres), which fails.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createDatabase, dropDatabase, withDatabase, withPgClient } from "../../src/db/postgres.js";

const URL_FILE = "data/test-pg-url";

export function testPgAdminUrl(): string | undefined {
  const fromEnv = process.env.TEST_DATABASE_URL?.trim();
  if (fromEnv) return fromEnv;
  if (!existsSync(URL_FILE)) return undefined;
  return readFileSync(URL_FILE, "utf8").trim() || undefined;
}

export const PG_SKIP_MESSAGE =
  "PostgreSQL tests skipped: no test server (run `npm test`, whose pretest starts one, or set TEST_DATABASE_URL)";

/** True when the whole suite runs on PostgreSQL (`.ci/run`'s second pass). */
export const suiteOnPostgres = (): boolean => process.env.DONDOC_TEST_DB === "postgres";

export function requirePgAdminUrl(): string {
  const url = testPgAdminUrl();
  if (!url) throw new Error(`DONDOC_TEST_DB=postgres but ${PG_SKIP_MESSAGE.replace("PostgreSQL tests skipped: ", "")}`);
  return url;
}

/** A fresh, empty database on the test server; `drop()` removes it even if connections linger. */
export async function createPgDatabase(
  adminUrl: string,
  prefix = "dondoc_t",
  template?: string,
): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`;
  const url = template ? await copyDatabase(adminUrl, name, template) : await createDatabase(adminUrl, name);
  return { url, name, drop: () => dropDatabase(adminUrl, name) };
}

const SAFE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * FILE_COPY copies the template's files instead of writing every block through the WAL (the
 * default since PostgreSQL 15): about 40 % faster for a small template on the test cluster,
 * whose durability is off anyway. Servers before 15 know no STRATEGY; they get the plain copy.
 */
let strategy: " STRATEGY FILE_COPY" | "" = " STRATEGY FILE_COPY";

/** A new database as a copy of `template` (test/helpers/templates.ts makes a migrated one). */
async function copyDatabase(adminUrl: string, name: string, template: string): Promise<string> {
  await withPgClient(adminUrl, (c) => copyTemplate((sql) => c.query(sql), name, template));
  return withDatabase(adminUrl, name);
}

/** `CREATE DATABASE name TEMPLATE template`, FILE_COPY where the server knows it. */
export async function copyTemplate(
  query: (sql: string) => Promise<unknown>,
  name: string,
  template: string,
): Promise<void> {
  if (!SAFE_NAME.test(name) || !SAFE_NAME.test(template)) throw new Error(`bad database name: ${name} / ${template}`);
  try {
    await query(`CREATE DATABASE "${name}" TEMPLATE "${template}"${strategy}`);
  } catch (err) {
    if (!strategy || !/strategy/i.test(String(err))) throw err;
    strategy = "";
    await query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  }
}
