/**
 * Database errors the code reacts to. Both generated clients (SQLite and PostgreSQL) share
 * Prisma's runtime, so one `instanceof` covers either dialect.
 */
import { Prisma } from "./generated/client.js";

/**
 * A unique index refused the insert (P2002): "someone got there first". Used where the index
 * is the guarantee instead of check-then-insert (outbox dedup keys, job runs, processed updates).
 */
export function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
}

/** The record an update/delete was aimed at is not there, or no longer matches its filter (P2025). */
export function isRecordNotFound(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2025";
}
