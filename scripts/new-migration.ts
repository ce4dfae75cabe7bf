/**
 * Authors a migration offline: `npm run db:migration -- <name>`, then re-derives the PostgreSQL
 * schema and its migrations (scripts/derive-pg-schema.ts).
 *
 * Hand-written because Prisma's own ways need what is missing here (ENVIRONMENT-NOTES.md):
 * `prisma migrate dev` and `migrate diff --from-migrations` need a shadow database the offline JS
 * schema engine cannot provide, and `--from-url` is refused with a driver adapter. So the
 * committed migrations are applied to a scratch SQLite file, `prisma db pull` (which does work
 * through the adapter) gives the schema they produce, and `migrate diff` compares two schema
 * files, which needs no database.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Cách dùng: npm run db:migration -- <ten_migration_khong_dau> (chữ thường, số, dấu _)");
  process.exit(1);
}
const dir = path.join("prisma", "migrations");
const existing = existsSync(dir) ? readdirSync(dir).filter((d) => /^\d{4}_/.test(d)).sort() : [];
const scratch = mkdtempSync(path.join(tmpdir(), "dondoc-migration-"));
const prisma = (args: string[], databaseUrl: string): string =>
  execFileSync("npx", ["prisma", ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, DATABASE_URL: databaseUrl } });

try {
  let from = ["--from-empty"];
  if (existing.length > 0) {
    const file = path.join(scratch, "migrated.db");
    const db = new Database(file);
    for (const m of existing) db.exec(readFileSync(path.join(dir, m, "migration.sql"), "utf8"));
    db.close();
    const pulled = prisma(["db", "pull", "--print"], `file:${file}`);
    const start = pulled.indexOf("generator ");
    if (start < 0) throw new Error("prisma db pull did not print a schema");
    writeFileSync(path.join(scratch, "migrated.prisma"), pulled.slice(start));
    from = ["--from-schema-datamodel", path.join(scratch, "migrated.prisma")];
  }
  const sql = prisma(["migrate", "diff", ...from, "--to-schema-datamodel", path.join("prisma", "schema.prisma"), "--script"],
    `file:${path.join(scratch, "unused.db")}`);
  if (!/CREATE|ALTER|DROP/.test(sql)) {
    console.log("Không có thay đổi nào trong schema: không tạo migration.");
    process.exit(0);
  }
  const target = path.join(dir, `${String(existing.length + 1).padStart(4, "0")}_${name}`);
  mkdirSync(target, { recursive: true });
  writeFileSync(path.join(target, "migration.sql"), sql);
  console.log(`Đã tạo ${target}/migration.sql`);
  execFileSync("npx", ["tsx", path.join("scripts", "derive-pg-schema.ts")], { stdio: "inherit" });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
