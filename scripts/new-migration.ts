/**
 * Authors a migration offline: `npm run db:migration -- <name>`.
 * `prisma migrate dev` needs a shadow database the offline JS engine cannot provide
 * (ENVIRONMENT-NOTES.md), so we diff the schema at the last migration against the current one.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Cách dùng: npm run db:migration -- <ten_migration_khong_dau>");
  process.exit(1);
}
const dir = path.join("prisma", "migrations");
const existing = existsSync(dir) ? readdirSync(dir).filter((d) => /^\d{4}_/.test(d)).sort() : [];
const from = existing.length === 0 ? ["--from-empty"] : ["--from-migrations", dir];
const sql = execFileSync(
  "npx",
  ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { encoding: "utf8", env: { ...process.env, DATABASE_URL: "file:./data/migration-scratch.db" } },
);
if (!/CREATE|ALTER|DROP/.test(sql)) {
  console.log("Không có thay đổi nào trong schema.");
  process.exit(0);
}
const next = String(existing.length + 1).padStart(4, "0");
const target = path.join(dir, `${next}_${name}`);
mkdirSync(target, { recursive: true });
writeFileSync(path.join(target, "migration.sql"), sql);
console.log(`Đã tạo ${target}/migration.sql`);
