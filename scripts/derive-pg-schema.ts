/**
 * `npm run db:derive-pg` — writes prisma/postgresql/ from prisma/schema.prisma (issue #7):
 * the derived schema and a PostgreSQL migration for each SQLite migration that lacks one.
 * `--check` changes nothing and exits 1 when the committed tree has drifted (the test suite
 * runs it: test/db/postgres-derive.test.ts). Offline: see prisma/postgresql/prisma.config.ts.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  DeriveError, derivePgSchema, deriveTree, LOCK_TOML, PG_MIGRATIONS, PG_SCHEMA, readCommitted, SNAPSHOT, SOURCE_SCHEMA, SOURCE_SUM, verify,
} from "./derive-pg-lib.js";

function write(root: string): void {
  mkdirSync(path.join(root, PG_MIGRATIONS), { recursive: true });
  writeFileSync(path.join(root, PG_SCHEMA), derivePgSchema(readFileSync(path.join(root, SOURCE_SCHEMA), "utf8")));
  writeFileSync(path.join(root, PG_MIGRATIONS, "migration_lock.toml"), LOCK_TOML);
  const committed = readCommitted(root);
  const tree = deriveTree(root, committed);
  const last = tree.migrations.at(-1);
  if (last && last.snapshot !== tree.schema) {
    throw new DeriveError("prisma/schema.prisma changed without a SQLite migration: run `npm run db:migration -- <name>` first");
  }
  const firstNew = tree.migrations.findIndex((m, i) => committed.migrations[i] !== m);
  for (const m of tree.migrations.slice(firstNew < 0 ? tree.migrations.length : firstNew)) {
    const dir = path.join(root, PG_MIGRATIONS, m.name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), m.sql);
    writeFileSync(path.join(dir, SNAPSHOT), m.snapshot);
    writeFileSync(path.join(dir, SOURCE_SUM), `${m.source}\n`);
    console.log(`wrote ${dir}/migration.sql`);
  }
  console.log(`wrote ${PG_SCHEMA}`);
}

const root = process.cwd();
try {
  if (process.argv.includes("--check")) {
    const problems = verify(root);
    for (const p of problems) console.error(`drift: ${p}`);
    if (problems.length > 0) {
      console.error("Run `npm run db:derive-pg` and commit prisma/postgresql/.");
      process.exit(1);
    }
    console.log("prisma/postgresql is in step with prisma/schema.prisma");
  } else {
    write(root);
  }
} catch (e) {
  if (!(e instanceof DeriveError)) throw e;
  console.error(e.message);
  process.exit(1);
}
