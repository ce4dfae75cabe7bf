/**
 * The PostgreSQL test databases (test/helpers/pgPool.ts): a used one is emptied and serves a later
 * test, with its connections. These pin what makes that safe: the next test finds it as a fresh
 * copy (no rows, sequences from 1, the migrations recorded), a client the last test kept fails
 * instead of writing into it, and one whose schema a test changed is dropped, never handed on.
 */
import { afterAll, describe, expect, it } from "vitest";
import { withPgClient } from "../../src/db/postgres.js";
import { createPostgresTestDb, type TestDb } from "../helpers/db.js";
import { PG_SKIP_MESSAGE, suiteOnPostgres, testPgAdminUrl } from "../helpers/pg.js";

const admin = testPgAdminUrl();
if (!admin) console.warn(PG_SKIP_MESSAGE);

const exists = async (adminUrl: string, url: string): Promise<boolean> => {
  const name = new URL(url).pathname.slice(1);
  const r = await withPgClient(adminUrl, (c) => c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]));
  return r.rowCount === 1;
};

/** Takes (and releases) databases until the one at `url` comes back; undefined if it never does. */
async function takeUntil(adminUrl: string, url: string, open: TestDb[]): Promise<TestDb | undefined> {
  for (let i = 0; i < 8; i++) {
    const db = await createPostgresTestDb(adminUrl);
    if (db.url === url) return db;
    open.push(db);
  }
  return undefined;
}

// Once is enough: it tests the PostgreSQL helper, on the server either pass has.
describe.skipIf(!admin || suiteOnPostgres())("PostgreSQL test databases", () => {
  const adminUrl = admin ?? "";
  const open: TestDb[] = [];
  afterAll(async () => {
    for (const db of open.splice(0)) await db.cleanup();
  });

  it("a used database comes back to a later test as a fresh copy: no rows, sequences from 1, migrations recorded", async () => {
    const first = await createPostgresTestDb(adminUrl);
    const applied = first.applied;
    await first.prisma.chat.create({ data: { chatId: 5n, type: "private", kind: "private" } });
    const row = await first.prisma.outboxMessage.create({
      data: { dedupKey: "k", chatId: 5n, kind: "digest", method: "sendMessage", payload: "{}" },
    });
    expect(row.id).toBe(1);
    await first.cleanup();

    const again = await takeUntil(adminUrl, first.url, open);
    expect(again, "the emptied database is handed to a later test").toBeDefined();
    if (!again) return;
    open.push(again);
    expect(again.applied).toEqual(applied);
    expect(await again.prisma.chat.count()).toBe(0);
    expect(await again.prisma.outboxMessage.count()).toBe(0);
    const next = await again.prisma.outboxMessage.create({
      data: { dedupKey: "k", chatId: 5n, kind: "digest", method: "sendMessage", payload: "{}" },
    });
    expect(next.id).toBe(1);
  });

  it("a client kept after its test released the database fails instead of writing into the next test's", async () => {
    const db = await createPostgresTestDb(adminUrl);
    const kept = db.prisma;
    await db.cleanup();
    await expect(kept.chat.count()).rejects.toThrow(/released/);
  });

  it("a database whose schema its test changed is dropped, not handed on", async () => {
    const db = await createPostgresTestDb(adminUrl);
    await db.prisma.$executeRawUnsafe(`ALTER TABLE "Chat" ADD COLUMN "extra" integer`);
    await db.cleanup();
    expect(await takeUntil(adminUrl, db.url, open)).toBeUndefined();
    await expect.poll(() => exists(adminUrl, db.url), { timeout: 10_000 }).toBe(false);
  });
});
