/**
 * The run a PostgreSQL test database belongs to. Databases made ahead of use are named
 * `dondoc_p_<run>_<pid>_<n>`; the run's global setup holds a session advisory lock keyed by
 * <run> for as long as it lives. The server releases that lock when the connection goes, also
 * when the run is killed — so "can I take this run's lock?" tells a dead run's databases from
 * a live one's, even for runs of other checkouts on the same cluster.
 */
import { randomBytes } from "node:crypto";
import type pg from "pg";

/** Set by the global setup, read by the workers (they inherit the environment). */
export const RUN_ENV = "DONDOC_TEST_RUN";
const PREFIX = "dondoc_p_";
/** Any constant: the advisory-lock namespace of test runs ("donp"). */
const LOCK_SPACE = 0x646f6e70;
const RUN = /^[0-9a-f]{8}$/;

export const newRunId = (): string => randomBytes(4).toString("hex");

export function runOfEnv(): string | undefined {
  const run = process.env[RUN_ENV];
  return run && RUN.test(run) ? run : undefined;
}

export const pooledName = (run: string, n: number): string => `${PREFIX}${run}_${process.pid}_${n}`;

/** Temp folders of the run's SQLite test databases (test/helpers/db.ts): the global setup removes what a worker left. */
export const sqliteDirPrefix = (run: string | undefined): string => `dondoc-test-${run ?? "x"}-`;

/** The run as the second key of a two-int advisory lock (its 32 bits as a signed int). */
const lockKey = (run: string): number => Number.parseInt(run, 16) | 0;

export async function claimRun(c: pg.Client, run: string): Promise<void> {
  await c.query("SELECT pg_advisory_lock($1::int, $2::int)", [LOCK_SPACE, lockKey(run)]);
}

async function databases(c: pg.Client, like: string): Promise<string[]> {
  const r = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [like]);
  return r.rows.map((row) => row.datname);
}

const drop = (c: pg.Client, name: string): Promise<unknown> =>
  c.query(`DROP DATABASE IF EXISTS "${name.replace(/[^a-z0-9_]/g, "")}" WITH (FORCE)`);

export async function dropRunDatabases(c: pg.Client, run: string): Promise<void> {
  for (const name of await databases(c, `${PREFIX}${run}\\_%`)) await drop(c, name);
}

/**
 * Drops the databases of runs that are gone: pooled ones whose run's lock is free, and those of
 * the older per-test naming (`dondoc_t_<pid>_…`, made and dropped by one worker) whose worker no
 * longer exists — checked only on a server on this machine, where the pid means something.
 */
export async function dropDeadRuns(c: pg.Client, ours: string): Promise<void> {
  const runs = new Set<string>();
  for (const name of await databases(c, `${PREFIX}%`)) {
    const run = name.slice(PREFIX.length, PREFIX.length + 8);
    if (RUN.test(run) && run !== ours) runs.add(run);
  }
  for (const run of runs) {
    const got = await c.query<{ free: boolean }>("SELECT pg_try_advisory_lock($1::int, $2::int) AS free", [
      LOCK_SPACE,
      lockKey(run),
    ]);
    if (!got.rows[0]?.free) continue;
    try {
      await dropRunDatabases(c, run);
    } finally {
      await c.query("SELECT pg_advisory_unlock($1::int, $2::int)", [LOCK_SPACE, lockKey(run)]);
    }
  }
  if (!/^(127\.|localhost$|\[?::1\]?$)/.test(c.host)) return;
  for (const name of await databases(c, "dondoc\\_t\\_%")) {
    const pid = Number(/^dondoc_t_(\d+)_[0-9a-f]+$/.exec(name)?.[1]);
    if (!pid || alive(pid)) continue;
    // Without FORCE: a database someone is still connected to stays.
    await c.query(`DROP DATABASE IF EXISTS "${name}"`).catch(() => undefined);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
