/**
 * `prisma migrate diff` answers kept between runs, outside the checkout (~/.cache/dondoc/prisma-diff,
 * or $XDG_CACHE_HOME): the drift check recomputes every committed PostgreSQL migration, a Prisma CLI
 * process of about 3 s of CPU each, though the inputs of all but the newest never change. An answer
 * is filed under a hash of everything it depends on — the bytes of the CLI and of its schema engine,
 * the config's text and the two datamodels — and is only ever written from the CLI's own output.
 * An edited migration.sql is still compared with the true diff of its snapshots; an edited snapshot,
 * config or Prisma upgrade is a new key, computed again. DONDOC_DIFF_CACHE=0 turns it off.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, realpathSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";

const enabled = (): boolean => process.env.DONDOC_DIFF_CACHE !== "0";

const dir = (): string =>
  path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), ".cache"), "dondoc", "prisma-diff");

const sha256 = (...parts: (string | Buffer)[]): string => {
  const h = createHash("sha256");
  for (const p of parts) h.update(createHash("sha256").update(p).digest());
  return h.digest("hex");
};

/** The CLI's bundle and the schema engine it computes diffs with, by content (once per process). */
const fingerprints = new Map<string, string>();
function cliFingerprint(cli: string): string {
  const real = realpathSync(cli);
  let fp = fingerprints.get(real);
  if (fp === undefined) {
    fp = sha256(readFileSync(real), readFileSync(path.join(path.dirname(real), "schema_engine_bg.wasm")));
    fingerprints.set(real, fp);
  }
  return fp;
}

export function diskKey(cli: string, config: string, from: string, to: string): string {
  return sha256(cliFingerprint(cli), config, from, to);
}

export function readDiskDiff(key: string): string | undefined {
  if (!enabled()) return undefined;
  try {
    return readFileSync(path.join(dir(), `${key}.sql`), "utf8");
  } catch {
    return undefined;
  }
}

export function writeDiskDiff(key: string, sql: string): void {
  if (!enabled()) return;
  try {
    mkdirSync(dir(), { recursive: true });
    // Written aside and renamed: a reader never sees half an answer.
    const tmp = path.join(dir(), `${key}.${process.pid}.tmp`);
    writeFileSync(tmp, sql);
    renameSync(tmp, path.join(dir(), `${key}.sql`));
  } catch {
    // A cache that cannot be written only costs the next run its CLI processes.
  }
}
