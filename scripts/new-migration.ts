/**
 * Authors a migration offline: `npm run db:migration -- <name>`, then derives its PostgreSQL
 * counterpart (scripts/derive-pg-lib.ts).
 *
 * `prisma migrate dev` and `migrate diff --from-migrations` need a shadow database the offline
 * JS schema engine cannot provide (ENVIRONMENT-NOTES.md). The schema at the last migration is
 * already committed, though: the last PostgreSQL snapshot, read back to its source with
 * `sourceSchemaOf`. So this diffs two schema files, which needs no database.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  DeriveError,
  diffSql,
  migrationNames,
  PG_MIGRATIONS,
  readCommitted,
  SOURCE_SCHEMA,
  sourceSchemaOf,
  SQLITE_MIGRATIONS,
  withSchemaFiles,
  writeDerived,
} from "./derive-pg-lib.js";

/** The default prisma.config.ts: the SQLite dialect of the source schema. */
const SQLITE_CONFIG = "prisma.config.ts";

/**
 * Adds the migration `name` to the project at `root`; `out` gets what it tells the user. Throws
 * DeriveError for what the user must fix. Exported so the tests run it in their own process.
 */
export function newMigration(root: string, name: string | undefined, out: (line: string) => void = console.log): void {
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    throw new DeriveError(
      "Tên migration thiếu hoặc không hợp lệ. Cách dùng: npm run db:migration -- <tên> " +
        "(chữ thường không dấu, số và dấu _, ví dụ: them_cot_ghi_chu). Chưa tạo gì.",
    );
  }
  const existing = migrationNames(path.join(root, SQLITE_MIGRATIONS));
  const committed = readCommitted(root).migrations;
  if (committed.map((m) => m.name).join() !== existing.join()) {
    throw new DeriveError(
      `${PG_MIGRATIONS} chưa theo kịp ${SQLITE_MIGRATIONS}: chạy \`npm run db:derive-pg\` trước. Chưa tạo gì.`,
    );
  }
  const last = committed.at(-1)?.snapshot;
  const from = last ? sourceSchemaOf(last) : undefined;
  const to = readFileSync(path.join(root, SOURCE_SCHEMA), "utf8");
  const sql = withSchemaFiles([from, to], ([f, t]) => diffSql(root, f, t ?? SOURCE_SCHEMA, SQLITE_CONFIG));
  if (!/CREATE|ALTER|DROP/.test(sql)) {
    out(
      `Không có thay đổi nào trong ${SOURCE_SCHEMA} so với migration cuối: không tạo migration. Sửa schema trước rồi chạy lại.`,
    );
    return;
  }
  const target = path.join(root, SQLITE_MIGRATIONS, `${String(existing.length + 1).padStart(4, "0")}_${name}`);
  mkdirSync(target, { recursive: true });
  writeFileSync(path.join(target, "migration.sql"), sql);
  out(`Đã tạo ${path.relative(root, target)}/migration.sql`);
  writeDerived(root, out);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    newMigration(process.cwd(), process.argv[2]);
  } catch (e) {
    if (!(e instanceof DeriveError)) throw e;
    console.error(e.message);
    process.exit(1);
  }
}
