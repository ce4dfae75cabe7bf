/**
 * PostgreSQL specifics (docs/PERFORMANCE.md): in-process migrations under an advisory lock, and the two
 * claims several instances rely on — a JobRun key inserted once, outbox rows claimed with
 * `FOR UPDATE SKIP LOCKED` — exercised from separate connection pools as separate processes would.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pino from "pino";
import { openDatabase, type OpenedDb } from "../../src/db/client.js";
import { migrationsDir, readMigrations } from "../../src/db/migrate.js";
import { withPgClient } from "../../src/db/postgres.js";
import { claimDue } from "../../src/delivery/rows.js";
import { claimRun, runStore } from "../../src/db/repos/runs.js";
import { startScheduler } from "../../src/jobs/scheduler.js";
import { createPgDatabase, PG_SKIP_MESSAGE, suiteOnPostgres, testPgAdminUrl } from "../helpers/pg.js";

const admin = testPgAdminUrl();
if (!admin) console.warn(PG_SKIP_MESSAGE);

// Always PostgreSQL: the suite's PostgreSQL pass (DONDOC_TEST_DB=postgres) need not repeat it.
describe.skipIf(!admin || suiteOnPostgres())("PostgreSQL", () => {
  const adminUrl = admin ?? "";
  const drops: (() => Promise<void>)[] = [];
  const fresh = async (): Promise<string> => {
    const db = await createPgDatabase(adminUrl);
    drops.push(db.drop);
    return db.url;
  };
  afterAll(async () => {
    for (const d of drops) await d();
  });

  it("migrates a fresh database once, recording _prisma_migrations like Prisma, even when instances start together", async () => {
    const url = await fresh();
    const dbs = await Promise.all([1, 2, 3].map(() => openDatabase(url, { poolMax: 2 })));
    expect(dbs.map((d) => d.dialect)).toEqual(["postgresql", "postgresql", "postgresql"]);
    const names = (await readMigrations(migrationsDir("postgresql"))).map((m) => m.name);
    expect(names.slice(0, 2)).toEqual(["0001_init", "0002_document_numbers"]);
    expect(dbs.flatMap((d) => d.applied)).toEqual(names);
    const rows = await withPgClient(
      url,
      async (c) =>
        (
          await c.query<{
            migration_name: string;
            checksum: string;
            finished_at: Date | null;
            applied_steps_count: number;
          }>(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations`)
        ).rows,
    );
    expect(rows.map((r) => r.migration_name).sort()).toEqual(names);
    for (const row of rows) {
      expect(row).toMatchObject({ applied_steps_count: 1 });
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
    }
    await dbs[0]?.prisma.unit.create({
      data: { code: "X", name: "Xã Đức Xuân", searchName: "xa duc xuan", tier: "xa" },
    });
    expect(await dbs[1]?.prisma.unit.findUnique({ where: { code: "X" } })).toMatchObject({ name: "Xã Đức Xuân" });
    for (const d of dbs) await d.close();
    const again = await openDatabase(url);
    expect(again.applied).toEqual([]);
    await again.close();
  });

  describe("several instances on one database", () => {
    let instances: OpenedDb[] = [];
    beforeAll(async () => {
      const url = await fresh();
      const first = await openDatabase(url, { poolMax: 4 });
      instances = [first, ...(await Promise.all([1, 2, 3, 4].map(() => openDatabase(url, { poolMax: 4 }))))];
    });
    afterAll(async () => {
      for (const d of instances) await d.close();
    });

    it("a JobRun key is claimed by exactly one of many concurrent claimers", async () => {
      const fireTime = new Date("2026-11-23T01:00:00Z");
      for (let round = 0; round < 5; round++) {
        const t = new Date(fireTime.getTime() + round * 60_000);
        const claims = await Promise.all(
          instances.flatMap((d, i) =>
            [0, 1, 2].map((k) => claimRun(d.prisma, { name: "weekly-digest" }, t, { owner: `i${i}.${k}` })),
          ),
        );
        expect(claims.filter(Boolean)).toHaveLength(1);
      }
      expect(await instances[0]?.prisma.jobRun.count()).toBe(5);
    });

    it("five schedulers firing the same due time run the job once", async () => {
      const runs: string[] = [];
      const now = new Date("2026-11-23T01:00:30Z"); // 08:00:30 in Hà Nội, a Monday
      const logger = pino({ level: "silent" });
      const schedulers = await Promise.all(
        instances.map((d, i) =>
          startScheduler({
            runs: runStore(d.prisma),
            clock: { now: () => now },
            logger,
            instanceId: `i${i}`,
            timers: "none",
            jobs: [
              {
                name: "digest-once",
                cron: "0 8 * * 1",
                catchUpWithinMs: 3_600_000,
                run: () => void runs.push(`i${i}`),
              },
            ],
          }),
        ),
      );
      const outcomes = (await Promise.all(schedulers.map((s) => s.catchUp))).flat().map((r) => r.outcome);
      expect(outcomes.filter((o) => o === "finished")).toHaveLength(1);
      expect(outcomes.filter((o) => o === "already_claimed")).toHaveLength(4);
      expect(runs).toHaveLength(1);
      for (const s of schedulers) await s.stop();
    });

    it("concurrent outbox claims with SKIP LOCKED never hand one row to two instances", async () => {
      const first = instances[0];
      if (!first) throw new Error("no instance");
      const N = 600;
      await first.prisma.outboxMessage.createMany({
        data: Array.from({ length: N }, (_, i) => ({
          dedupKey: `skip:${i}`,
          chatId: BigInt(-1000 - i),
          kind: "digest",
          method: "sendMessage",
          payload: JSON.stringify({ text: `#${i}` }),
          notBefore: new Date(0),
        })),
      });
      const now = new Date();
      const got = new Map<number, string>();
      const claimer = async (d: OpenedDb, id: string): Promise<void> => {
        for (;;) {
          const rows = await claimDue(d.prisma, {
            instanceId: id,
            now,
            leaseMs: 60_000,
            limit: 25,
            excludeChatIds: [],
            dialect: "postgresql",
          });
          if (rows.length === 0) return;
          for (const r of rows) {
            expect(got.get(r.id), `row ${r.id} claimed twice`).toBeUndefined();
            got.set(r.id, id);
          }
        }
      };
      await Promise.all(instances.flatMap((d, i) => [claimer(d, `w${i}a`), claimer(d, `w${i}b`)]));
      expect(got.size).toBe(N);
      expect(new Set(got.values()).size).toBeGreaterThan(1);
      // The database agrees with what each claimer was handed.
      const rows = await first.prisma.outboxMessage.findMany({ select: { id: true, lockedBy: true } });
      expect(rows.every((r) => r.lockedBy === got.get(r.id))).toBe(true);
    });
  });
});
