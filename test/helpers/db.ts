import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, type OpenedDb } from "../../src/db/client.js";

/** A fresh, migrated SQLite database in a temp folder. */
export async function createTestDb(): Promise<OpenedDb & { url: string; cleanup(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), "dondoc-test-"));
  const url = `file:${path.join(dir, "test.db")}`;
  const db = await openDatabase(url);
  return {
    ...db,
    url,
    async cleanup() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
