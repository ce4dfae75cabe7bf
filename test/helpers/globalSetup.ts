/**
 * vitest globalSetup: gives the run a name for its PostgreSQL test databases and removes them
 * afterwards. Workers make those databases ahead of use (test/helpers/pgPool.ts), so some are
 * never used and some drops are still queued when a worker ends: they all carry the run's prefix
 * and are dropped here. A run killed before its teardown leaves its databases behind; the next
 * run drops them (a run is alive while it holds its advisory lock, see ./pgRun.ts).
 */
import pg from "pg";
import { testPgAdminUrl } from "./pg.js";
import { RUN_ENV, claimRun, dropDeadRuns, dropRunDatabases, newRunId } from "./pgRun.js";

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  const adminUrl = testPgAdminUrl();
  // Both vitest projects run the global setup; the first one names the run for the whole process.
  if (!adminUrl || process.env[RUN_ENV]) return undefined;
  const client = new pg.Client({ connectionString: adminUrl });
  // The server going away mid-run must not end the run: the teardown then just fails to drop.
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch {
    return undefined; // no server: the PostgreSQL tests say so themselves
  }
  const run = newRunId();
  await claimRun(client, run);
  await dropDeadRuns(client, run);
  process.env[RUN_ENV] = run;
  return async () => {
    try {
      await dropRunDatabases(client, run);
    } finally {
      await client.end(); // also releases the run's lock
    }
  };
}
