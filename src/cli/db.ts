/** The database (and Prisma) is loaded only by the commands that need it: `check`/`evaluate` stay fast. */
import type { OpenedDb } from "../db/client.js";

export async function withDb<T>(fn: (db: OpenedDb) => Promise<T>): Promise<T> {
  const { parseConfig } = await import("../config.js");
  const { openDatabase } = await import("../db/client.js");
  const config = parseConfig(process.env);
  const db = await openDatabase(config.DATABASE_URL);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
