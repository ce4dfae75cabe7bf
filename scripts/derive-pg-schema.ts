/**
 * `npm run db:derive-pg` — writes prisma/postgresql/ from prisma/schema.prisma (docs/PERFORMANCE.md):
 * the derived schema and a PostgreSQL migration for each SQLite migration that lacks one.
 * `--check` changes nothing and exits 1 when the committed tree has drifted (the test suite
 * runs it: test/db/postgres-derive.test.ts). Offline: see prisma/postgresql/prisma.config.ts.
 */
import { DeriveError, verify, writeDerived } from "./derive-pg-lib.js";

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
    writeDerived(root);
  }
} catch (e) {
  if (!(e instanceof DeriveError)) throw e;
  console.error(e.message);
  process.exit(1);
}
