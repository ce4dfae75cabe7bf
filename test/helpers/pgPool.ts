/**
 * PostgreSQL test databases made ahead of use. A test's database cost about 125 ms to copy from
 * the template and open, and 40 ms to close and drop, on a quiet machine (seconds under load) —
 * on the critical path of every test. Here each worker keeps the next databases copied and
 * opened while the current test runs. A used database is emptied in the background and serves
 * a later test (`retire`), with its connections: copying and dropping a database, and opening
 * connections whose catalog caches start cold, were most of the server's CPU in the PostgreSQL
 * pass (docs/PERFORMANCE.md, "Session of 06/12/2026 (2)"). Named after the run (./pgRun.ts), so
 * whatever a worker leaves at its end is dropped by the global setup's teardown, or by the next
 * run if this one is killed.
 */
import pg from "pg";
import { openDatabase, type OpenedDb } from "../../src/db/client.js";
import { withDatabase } from "../../src/db/postgres.js";
import { copyTemplate } from "./pg.js";
import { pooledName } from "./pgRun.js";

/** Databases kept ready per worker: the next test's, and one behind it for a test that takes two. */
const AHEAD = 2;
/**
 * How many tests a database serves before it is dropped: emptied tables keep their dead rows
 * until a vacuum, and a fresh copy now and then keeps every test's database close to a new one.
 */
const USES_MAX = 25;
/** Each database's own connections (what openDatabase's poolMax was). */
const CONNECTIONS = 4;

export interface PooledDb {
  db: OpenedDb;
  url: string;
  /** Closes the client and queues the database's emptying (or drop); resolves before that ran. */
  release(): Promise<void>;
}

/** A test database and its connections, kept from one test to the next. */
interface Kept {
  name: string;
  conns: pg.Pool;
  /** Server pids of `conns`' connections: any other connection is a test's leftover. */
  pids: Set<number>;
  uses: number;
}

interface Pool {
  ready: Promise<PooledDb>[];
  /** Creations, emptyings and drops, one at a time: a worker should not flood the server. */
  chain: Promise<unknown>;
  admin: pg.Pool;
  made: number;
  /** Used databases, emptied, waiting for their next test. */
  spare: Kept[];
  /** Whether this server lets us empty databases (a superuser: session_replication_role); asked once. */
  recycles?: Promise<boolean>;
  /** The schema and migration-table fingerprint of a fresh copy, taken from the first one. */
  fingerprint?: string;
}

const pools = new Map<string, Pool>();

export async function takePooledDb(adminUrl: string, run: string, template: string): Promise<PooledDb> {
  let pool = pools.get(adminUrl);
  if (!pool) {
    // allowExitOnIdle: an idle admin connection must not keep a worker alive at the end.
    const admin = new pg.Pool({ connectionString: adminUrl, max: 1, allowExitOnIdle: true });
    admin.on("error", () => undefined); // a connection the server closed: the next query reconnects
    pool = { ready: [], chain: Promise.resolve(), admin, made: 0, spare: [] };
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

async function drop(p: Pool, kept: Kept): Promise<void> {
  await kept.conns.end().catch(() => undefined);
  await p.admin.query(`DROP DATABASE IF EXISTS "${kept.name}" WITH (FORCE)`);
}

async function fresh(p: Pool, adminUrl: string, run: string, template: string): Promise<Kept> {
  p.made += 1;
  const name = pooledName(run, p.made);
  await copyTemplate((sql) => p.admin.query(sql), name, template);
  // allowExitOnIdle: as the admin pool's. idleTimeoutMillis 0: kept open between tests.
  const conns = new pg.Pool({
    connectionString: withDatabase(adminUrl, name),
    max: CONNECTIONS,
    idleTimeoutMillis: 0,
    allowExitOnIdle: true,
  });
  conns.on("error", () => undefined); // terminated at the end of the run: nothing to do
  const kept: Kept = { name, conns, pids: new Set(), uses: 0 };
  conns.on("connect", (c) => {
    const pid = (c as pg.Client & { processID?: number }).processID;
    if (pid) kept.pids.add(pid);
  });
  if (p.fingerprint === undefined && (await recycles(p))) p.fingerprint = await fingerprint(conns);
  return kept;
}

function make(p: Pool, adminUrl: string, run: string, template: string): Promise<PooledDb> {
  const made = serially(p, async () => {
    const kept = p.spare.shift() ?? (await fresh(p, adminUrl, run, template));
    const url = withDatabase(adminUrl, kept.name);
    const lease = leased(kept.conns);
    const db = await openDatabase(url, { pool: lease.pool });
    const release = async (): Promise<void> => {
      await db.close();
      lease.revoke();
      kept.uses += 1;
      void serially(p, () => retire(p, kept)).catch(() => undefined);
    };
    return { db, url, release };
  });
  // A database made ahead that fails is reported to the test that takes it, not as unhandled.
  made.catch(() => undefined);
  return made;
}

/**
 * The database's connections as one test may use them: once it has released the database, a
 * client it leaked (or work it left running) fails as it did when the database was dropped,
 * instead of writing into the next test's rows. The same pg.Pool underneath (`instanceof`
 * holds: Prisma's adapter checks it).
 */
function leased(conns: pg.Pool): { pool: pg.Pool; revoke(): void } {
  let revoked = false;
  const gone = () => new Error("this test database was released");
  const pool = new Proxy(conns, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== "function") return value;
      const fn = value as (...args: unknown[]) => unknown;
      if (prop === "query" || prop === "connect")
        return (...args: unknown[]) => (revoked ? Promise.reject(gone()) : fn.apply(target, args));
      return fn.bind(target);
    },
  });
  return { pool, revoke: () => void (revoked = true) };
}

/**
 * Empties a used database for a later test (about 6 ms on warm connections, against 150 ms of
 * server CPU to copy and drop one), unless it has served USES_MAX tests, something still holds
 * one of its connections, or its test changed the schema or the migration table.
 */
async function retire(p: Pool, kept: Kept): Promise<void> {
  const busy = kept.conns.totalCount !== kept.conns.idleCount || kept.conns.waitingCount > 0;
  if (busy || kept.uses >= USES_MAX || p.fingerprint === undefined || !(await recycles(p))) return drop(p, kept);
  // Connections a test opened itself (a second client, a child process) are closed first.
  await p.admin.query(
    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> ALL($2::int[])",
    [kept.name, [...kept.pids]],
  );
  const same = (await fingerprint(kept.conns).catch(() => "")) === p.fingerprint;
  if (
    same &&
    (await kept.conns.query(EMPTY).then(
      () => true,
      () => false,
    ))
  )
    p.spare.push(kept);
  else await drop(p, kept);
}

function recycles(p: Pool): Promise<boolean> {
  p.recycles ??= p.admin
    .query<{ rolsuper: boolean }>("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
    .then((r) => r.rows[0]?.rolsuper === true)
    .catch(() => false);
  return p.recycles;
}

/**
 * Every row out, every sequence back to its start, the sessions' settings reset — as in a fresh
 * copy of the template, whose only rows are the migration table's. `session_replication_role =
 * replica` skips the foreign keys' triggers, so the tables empty in any order (it needs a
 * superuser: `recycles`).
 */
const EMPTY = `
SET session_replication_role = replica;
DO $$ DECLARE t text; BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' LOOP
    EXECUTE format('DELETE FROM %I', t);
  END LOOP;
  FOR t IN SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' LOOP
    EXECUTE format('ALTER SEQUENCE %I RESTART', t);
  END LOOP;
END $$;
RESET session_replication_role;`;

/** The public schema's columns, constraints, indexes, functions and triggers, and the migration table's rows. */
async function fingerprint(conns: pg.Pool): Promise<string> {
  const r = await conns.query<{ f: string }>(`
SELECT md5(string_agg(x, E'\\n' ORDER BY x)) AS f FROM (
  SELECT 'c ' || cl.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull
         || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '') AS x
    FROM pg_attribute a JOIN pg_class cl ON cl.oid = a.attrelid
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
   WHERE cl.relnamespace = 'public'::regnamespace AND a.attnum > 0 AND NOT a.attisdropped
  UNION ALL SELECT 'k ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
    FROM pg_constraint WHERE connamespace = 'public'::regnamespace
  UNION ALL SELECT 'i ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
  UNION ALL SELECT 'f ' || oid::regprocedure::text FROM pg_proc WHERE pronamespace = 'public'::regnamespace
  UNION ALL SELECT 't ' || tgname FROM pg_trigger WHERE NOT tgisinternal
  UNION ALL SELECT 'n ' || nspname FROM pg_namespace
  UNION ALL SELECT 'm ' || m::text FROM "_prisma_migrations" m
) s`);
  return r.rows[0]?.f ?? "";
}
