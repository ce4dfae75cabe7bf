/**
 * PostgreSQL test databases made ahead of use. A test's database cost about 125 ms to copy from
 * the template and open, and 40 ms to close and drop, on a quiet machine (seconds under load) —
 * on the critical path of every test. Here each worker keeps the next databases copied and
 * opened while the current test runs, and drops a used one in the background. Named after the
 * run (./pgRun.ts), so whatever a worker leaves at its end is dropped by the global setup's
 * teardown, or by the next run if this one is killed.
 */
import pg from "pg";
import { openDatabase, type OpenedDb } from "../../src/db/client.js";
import { withDatabase } from "../../src/db/postgres.js";
import { copyTemplate } from "./pg.js";
import { pooledName } from "./pgRun.js";

/** Databases kept ready per worker: the next test's, and one behind it for a test that takes two. */
const AHEAD = 2;

export interface PooledDb {
  db: OpenedDb;
  url: string;
  /** Closes the client and queues the drop; resolves before the drop ran. */
  release(): Promise<void>;
}

interface Pool {
  ready: Promise<PooledDb>[];
  /** Creations and drops, one at a time: a worker should not flood the server. */
  chain: Promise<unknown>;
  admin: pg.Pool;
  made: number;
}

const pools = new Map<string, Pool>();

export async function takePooledDb(adminUrl: string, run: string, template: string): Promise<PooledDb> {
  let pool = pools.get(adminUrl);
  if (!pool) {
    // allowExitOnIdle: an idle admin connection must not keep a worker alive at the end.
    const admin = new pg.Pool({ connectionString: adminUrl, max: 1, allowExitOnIdle: true });
    admin.on("error", () => undefined); // a connection the server closed: the next query reconnects
    pool = { ready: [], chain: Promise.resolve(), admin, made: 0 };
    pools.set(adminUrl, pool);
  }
  const p = pool;
  const next = p.ready.shift() ?? make(p, adminUrl, run, template);
  while (p.ready.length < AHEAD) p.ready.push(make(p, adminUrl, run, template));
  return next;
}

function serially<T>(p: Pool, job: () => Promise<T>): Promise<T> {
  const done = p.chain.then(job, job);
  p.chain = done.catch(() => undefined);
  return done;
}

function make(p: Pool, adminUrl: string, run: string, template: string): Promise<PooledDb> {
  p.made += 1;
  const name = pooledName(run, p.made);
  const made = serially(p, async () => {
    await copyTemplate((sql) => p.admin.query(sql), name, template);
    const url = withDatabase(adminUrl, name);
    const db = await openDatabase(url, { poolMax: 4 });
    const release = async (): Promise<void> => {
      await db.close();
      void serially(p, () => p.admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).catch(() => undefined);
    };
    return { db, url, release };
  });
  // A database made ahead that fails is reported to the test that takes it, not as unhandled.
  made.catch(() => undefined);
  return made;
}
