/**
 * One transaction across repository calls. Repository functions that may run inside one take a
 * `Tx`; the whole client (`Db`) is one too, so the same function serves both.
 */
import type { Db } from "./types.js";
import type { Prisma } from "./generated/client.js";

/** The client as a transaction sees it (no nested `$transaction`, no connect/disconnect). */
export type Tx = Prisma.TransactionClient;

/** Runs `fn` in one interactive transaction: everything it writes is kept, or nothing. */
export function withTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>, o: { timeoutMs?: number } = {}): Promise<T> {
  return db.$transaction(fn, o.timeoutMs === undefined ? undefined : { timeout: o.timeoutMs, maxWait: o.timeoutMs });
}
