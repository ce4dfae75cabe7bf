/** SQLite edge: file path from a `file:` URL, the migration driver, pragmas. */
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { MigrationDriver } from "./migrate.js";

export function sqlitePath(url: string): string {
  const p = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return p;
}

/** Opens the file (creating its folder), sets WAL so the bot, jobs and worker can share it. */
export function openSqlite(url: string): Database.Database {
  const file = sqlitePath(url);
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  return db;
}

export function sqliteMigrationDriver(db: Database.Database): MigrationDriver {
  return {
    dialect: "sqlite",
    async exec(sql) {
      db.exec(sql);
    },
    async query(sql, params = []) {
      const stmt = db.prepare(sql);
      if (stmt.reader) return stmt.all(...params) as Record<string, unknown>[];
      stmt.run(...params);
      return [];
    },
    // BEGIN IMMEDIATE takes SQLite's write lock: a second process waits (busy_timeout) then sees the rows.
    async withLock(fn) {
      db.exec("BEGIN IMMEDIATE");
      try {
        const r = await fn();
        db.exec("COMMIT");
        return r;
      } catch (e) {
        db.exec("ROLLBACK");
        throw e;
      }
    },
  };
}
