/**
 * The polling lease (docs/PERFORMANCE.md) on both databases: one holder at a time, renewals by the holder,
 * takeover only after expiry, release on a graceful stop, and one winner among racing instances.
 */
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type OpenedDb } from "../../src/db/client.js";
import { acquireLease, leaseHolder, releaseLease } from "../../src/db/repos/leases.js";
import { createTestDb, createPostgresTestDb, type TestDb } from "../helpers/db.js";
import { PG_SKIP_MESSAGE, testPgAdminUrl } from "../helpers/pg.js";

const pgAdmin = testPgAdminUrl();
if (!pgAdmin) console.warn(PG_SKIP_MESSAGE);
const kinds = [
  { name: "SQLite", skip: false, create: async () => createTestDb() },
  { name: "PostgreSQL", skip: !pgAdmin, create: async () => createPostgresTestDb(pgAdmin ?? "") },
];

describe.each(kinds)("lease on $name", ({ skip, create }) => {
  const opened: (TestDb | OpenedDb)[] = [];
  afterEach(async () => {
    for (const d of opened.splice(0).reverse()) await ("cleanup" in d ? d.cleanup() : d.close());
  });
  const t0 = new Date("2026-11-23T01:00:00Z");
  const at = (ms: number): Date => new Date(t0.getTime() + ms);

  it.skipIf(skip)("one holder; renewed by it; taken over only once expired; released on stop", async () => {
    const db = await create();
    opened.push(db);
    const req = (holder: string, now: Date) => ({ name: "telegram-polling", holder, now, ttlMs: 10_000 });
    expect(await acquireLease(db.prisma, req("a", at(0)))).toBe(true);
    expect(await acquireLease(db.prisma, req("b", at(1_000)))).toBe(false);
    expect(await acquireLease(db.prisma, req("a", at(5_000)))).toBe(true); // renewed to 15 s
    expect(await acquireLease(db.prisma, req("b", at(12_000)))).toBe(false);
    expect(await leaseHolder(db.prisma, "telegram-polling", at(12_000))).toBe("a");
    expect(await acquireLease(db.prisma, req("b", at(15_001)))).toBe(true);
    expect(await acquireLease(db.prisma, req("a", at(15_002)))).toBe(false);
    await releaseLease(db.prisma, "telegram-polling", "a"); // not a's any more: no effect
    expect(await leaseHolder(db.prisma, "telegram-polling", at(15_003))).toBe("b");
    await releaseLease(db.prisma, "telegram-polling", "b");
    expect(await acquireLease(db.prisma, req("c", at(15_004)))).toBe(true);
  });

  it.skipIf(skip)("instances racing from separate connections: exactly one wins each round", async () => {
    const db = await create();
    opened.push(db);
    const others = await Promise.all([1, 2, 3, 4].map(() => openDatabase(db.url, { poolMax: 2 })));
    opened.push(...others);
    const all = [db, ...others];
    for (let round = 0; round < 8; round++) {
      const now = at(round * 20_000); // each round starts after the previous lease expired
      const wins = await Promise.all(
        all.flatMap((d, i) =>
          [0, 1].map((k) => acquireLease(d.prisma, { name: "race", holder: `i${i}.${k}`, now, ttlMs: 10_000 })),
        ),
      );
      expect(wins.filter(Boolean)).toHaveLength(1);
    }
  });
});
