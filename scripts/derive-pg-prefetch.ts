/**
 * The drift check (`verify`, scripts/derive-pg-lib.ts) runs `prisma migrate diff` once per committed
 * PostgreSQL migration, one after the other: a dozen CLI processes of 2–4 s of CPU each, on one core.
 * `prefetchVerify` starts the same diffs `jobs` at a time and leaves their answers where `diffSql`
 * looks first, so the `verify` that follows reads them. Same CLI, same config, same datamodels: the
 * same answers; it only spreads the processes over the cores. Answers kept from an earlier run
 * (derive-pg-cache.ts) start no process at all.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { diskKey, readDiskDiff, writeDiskDiff } from "./derive-pg-cache.js";
import { cliOf, diffArgs, diffKey, diffOptions, diffs, FOLDED, PG_CONFIG, readCommitted } from "./derive-pg-lib.js";

const run = promisify(execFile);

export async function prefetchVerify(root: string, jobs = Math.min(4, availableParallelism())): Promise<void> {
  const pairs: { from: string | undefined; to: string }[] = [];
  let prev: string | undefined;
  for (const m of readCommitted(root).migrations) {
    if (m.sql !== FOLDED && m.snapshot) pairs.push({ from: prev, to: m.snapshot });
    prev = m.snapshot || prev;
  }
  const config = readFileSync(path.resolve(root, PG_CONFIG), "utf8");
  const next = async (): Promise<void> => {
    for (let pair = pairs.shift(); pair; pair = pairs.shift()) {
      const key = diffKey(root, config, pair.from ?? "", pair.to);
      if (diffs.has(key)) continue;
      const onDisk = diskKey(cliOf(root), config, pair.from ?? "", pair.to);
      const cached = readDiskDiff(onDisk);
      if (cached !== undefined) {
        diffs.set(key, cached);
        continue;
      }
      const scratch = mkdtempSync(path.join(tmpdir(), "dondoc-diff-"));
      try {
        const to = path.join(scratch, "to.prisma");
        writeFileSync(to, pair.to);
        let from: string | undefined;
        if (pair.from !== undefined) {
          from = path.join(scratch, "from.prisma");
          writeFileSync(from, pair.from);
        }
        const { stdout } = await run(process.execPath, diffArgs(root, from, to, PG_CONFIG), diffOptions(root, scratch));
        diffs.set(key, stdout);
        writeDiskDiff(onDisk, stdout);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    }
  };
  await Promise.all(Array.from({ length: jobs }, next));
}
