/**
 * A named lease in the Lease table (several instances: docs/PERFORMANCE.md): at most one holder until `expiresAt`. Taking it
 * is one statement — insert, or take over a row that is ours or expired — so two instances
 * racing for it cannot both win: PostgreSQL's ON CONFLICT arbitrates, SQLite serialises writes.
 *
 * Times come from the caller's wall clock. Instances on several machines must keep their clocks
 * in step (NTP); a skew of s ms lets a lagging instance see a lease expire s ms early, so the
 * TTL should be well above any skew expected (default 15 s).
 */
import type { Db } from "../types.js";

export interface LeaseRequest {
  name: string;
  holder: string;
  now: Date;
  ttlMs: number;
}

/** True when `holder` holds the lease until now + ttl after this call. */
export async function acquireLease(prisma: Db, r: LeaseRequest): Promise<boolean> {
  const until = new Date(r.now.getTime() + r.ttlMs);
  const rows = await prisma.$queryRaw<{ holder: string }[]>`
    INSERT INTO "Lease" ("name", "holder", "expiresAt") VALUES (${r.name}, ${r.holder}, ${until})
    ON CONFLICT ("name") DO UPDATE SET "holder" = excluded."holder", "expiresAt" = excluded."expiresAt"
    WHERE "Lease"."holder" = excluded."holder" OR "Lease"."expiresAt" < ${r.now}
    RETURNING "holder"`;
  return rows.length === 1 && rows[0]?.holder === r.holder;
}

/** Gives the lease up at once (graceful stop), so another instance need not wait for expiry. */
export async function releaseLease(prisma: Db, name: string, holder: string): Promise<void> {
  await prisma.lease.deleteMany({ where: { name, holder } });
}

export async function leaseHolder(prisma: Db, name: string, now: Date): Promise<string | undefined> {
  const row = await prisma.lease.findUnique({ where: { name } });
  return row && row.expiresAt > now ? row.holder : undefined;
}
