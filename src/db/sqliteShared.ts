/**
 * The SQLite connection Prisma's driver adapter opened, shared with the few repository functions
 * every update runs (update guard, chat lookup, the `/nop` write: docs/PERFORMANCE.md). Through
 * Prisma one statement costs about 0.7 ms of CPU (query compilation in WebAssembly, plan
 * interpretation, a fresh prepare); the same statement prepared once on the connection costs a
 * few hundredths of that. A burst of reports is CPU-bound, so these statements decide its latency.
 *
 * Same connection, not a second one: a statement here and one through Prisma are serialised by
 * the one JavaScript thread exactly as Prisma's own statements are, and a second connection
 * would block the thread on SQLite's lock while a Prisma transaction waits on that thread.
 * Values are written in the adapter's own formats (sqliteDate), so rows written either way read
 * the same through Prisma. PostgreSQL has no such handle: its callers keep the Prisma path.
 */
import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

type Handle = Database.Database;
const handles = new WeakMap<object, { current?: Handle }>();
const statements = new WeakMap<Handle, Map<string, Database.Statement>>();

/** The adapter factory that remembers the connection each `connect()` opens (reconnects too). */
export function sharedSqliteAdapter(
  url: string,
  timeout: number,
): { adapter: PrismaBetterSQLite3; slot: { current?: Handle } } {
  const slot: { current?: Handle } = {};
  class Shared extends PrismaBetterSQLite3 {
    override async connect() {
      const adapter = await super.connect();
      // `client` is the adapter's better-sqlite3 Database (not part of its typed interface): checked
      // at run time, and when it is not there the callers simply keep the Prisma path.
      slot.current = "client" in adapter && adapter.client instanceof Database ? adapter.client : undefined;
      return adapter;
    }
  }
  return { adapter: new Shared({ url, timeout }), slot };
}

/** Ties a client to its connection slot (client.ts, once per opened SQLite database). */
export function registerSqliteHandle(client: object, slot: { current?: Handle }): void {
  handles.set(client, slot);
}

/**
 * The open connection behind `client`, or undefined: PostgreSQL, a transaction client (its
 * statements must go through its own transaction), or not connected yet.
 */
export function sqliteHandle(client: object): Handle | undefined {
  const h = handles.get(client)?.current;
  return h?.open ? h : undefined;
}

/** The statement for `sql` on this connection, prepared once. */
export function prepared(db: Handle, sql: string): Database.Statement {
  let map = statements.get(db);
  if (!map) statements.set(db, (map = new Map()));
  let s = map.get(sql);
  if (!s) map.set(sql, (s = db.prepare(sql)));
  return s;
}

type Pending = { fn: () => unknown; resolve: (v: unknown) => void; reject: (e: unknown) => void };
const queues = new WeakMap<Handle, { ops: Pending[]; timer: boolean }>();

/** How often a commit waiting for another caller's open transaction looks again. */
const BUSY_RETRY_MS = 1;

/**
 * Runs the writes `fn` makes in a transaction of their own, committed together with the other
 * writes asked for in the same turn of the event loop (group commit); resolves with `fn`'s value
 * once that commit is done, so a caller that awaits it has its rows durable exactly as before.
 *
 * Why: a commit is most of the cost of a small write (SQLite appends the changed pages to the WAL
 * and updates its index), and every update wrote three times — its claim, the figure, its finish.
 * When 32 updates run side by side, their claims (and finishes) now share one commit.
 *
 * Each `fn` runs in its own savepoint: one that throws is rolled back alone and rejects alone.
 * While a Prisma transaction is open on the connection (awaiting between its statements) nothing
 * is written: joining it would tie these rows to that transaction's fate. The commit waits for it
 * instead, as the Prisma path waits for the adapter's transaction lock.
 */
export function commitSoon<T>(db: Handle, fn: () => T): Promise<T> {
  let q = queues.get(db);
  if (!q) queues.set(db, (q = { ops: [], timer: false }));
  const queue = q;
  return new Promise<T>((resolve, reject) => {
    queue.ops.push({ fn, resolve: (v) => resolve(v as T), reject });
    if (queue.timer) return;
    queue.timer = true;
    setImmediate(() => flush(db, queue));
  });
}

function flush(db: Handle, queue: { ops: Pending[]; timer: boolean }): void {
  if (db.open && db.inTransaction) {
    setTimeout(() => flush(db, queue), BUSY_RETRY_MS);
    return;
  }
  const ops = queue.ops;
  queue.ops = [];
  queue.timer = false;
  const results: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
  try {
    db.transaction(() => {
      for (const op of ops) {
        try {
          results.push({ ok: true, value: db.transaction(op.fn)() });
        } catch (error) {
          results.push({ ok: false, error });
        }
      }
    }).immediate();
  } catch (error) {
    // BEGIN or COMMIT failed (the database is closed, locked past busy_timeout, full): nothing
    // of the batch was written.
    for (const op of ops) op.reject(error);
    return;
  }
  ops.forEach((op, i) => {
    const r = results[i];
    if (r?.ok) op.resolve(r.value);
    else op.reject(r ? r.error : new Error("group commit lost a result"));
  });
}

/** A DateTime as the adapter stores it (its default "iso8601" format). */
export const sqliteDate = (d: Date): string => d.toISOString().replace("Z", "+00:00");

/** SQLite integers come back as BigInt (the adapter sets safe integers on the connection). */
export function sqliteInt(v: unknown): number {
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "number") return v;
  throw new Error(`expected an integer from SQLite, got ${typeof v}`);
}
