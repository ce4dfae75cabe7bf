/**
 * vitest globalSetup: names the run, and removes its test databases afterwards. Workers make
 * databases ahead of use (test/helpers/pgPool.ts, and SQLite's in ./db.ts), so some are never used
 * and some drops are still queued when a worker ends: they all carry the run's name and are removed
 * here. A run killed before its teardown leaves its PostgreSQL databases behind; the next run drops
 * them (a run is alive while it holds its advisory lock, see ./pgRun.ts).
 */
import { readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { testPgAdminUrl } from "./pg.js";
import { RUN_ENV, claimRun, dropDeadRuns, dropRunDatabases, newRunId, sqliteDirPrefix } from "./pgRun.js";

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  // Both vitest projects run the global setup; the first one names the run for the whole process.
  if (process.env[RUN_ENV]) return undefined;
  const run = newRunId();
  process.env[RUN_ENV] = run;
  const client = await claimOnServer(run);
  return async () => {
    const prefix = sqliteDirPrefix(run);
    for (const name of readdirSync(tmpdir()))
      if (name.startsWith(prefix)) rmSync(path.join(tmpdir(), name), { recursive: true, force: true });
    if (!client) return;
    try {
      await dropRunDatabases(client, run);
    } finally {
      await client.end(); // also releases the run's lock
    }
  };
}

/** The run's lock on the test PostgreSQL server, after dropping dead runs' databases; none without a server. */
async function claimOnServer(run: string): Promise<pg.Client | undefined> {
  const adminUrl = testPgAdminUrl();
  if (!adminUrl) return undefined;
  const client = new pg.Client({ connectionString: adminUrl });
  // The server going away mid-run must not end the run: the teardown then just fails to drop.
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch {
    return undefined; // no server: the PostgreSQL tests say so themselves
  }
  await claimRun(client, run);
  await dropDeadRuns(client, run);
  return client;
}
