/**
 * The statements every update runs go through prepared statements on SQLite's shared connection
 * (src/db/sqliteShared.ts) and through Prisma on PostgreSQL. Both must write rows that read the
 * same through Prisma, and a write must never ride inside another caller's open transaction.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getChat } from "../../src/db/repos/chats.js";
import { writeFigures } from "../../src/db/repos/figures.js";
import { claimUpdate, finishUpdate } from "../../src/db/repos/processedUpdates.js";
import { commitSoon, prepared, sqliteHandle } from "../../src/db/sqliteShared.js";
import { createTestDb, type TestDb } from "../helpers/db.js";
import { suiteOnPostgres } from "../helpers/pg.js";

let db: TestDb;
beforeEach(async () => {
  db = await createTestDb();
});
afterEach(async () => db?.cleanup());

const key = { unitCode: "X01", indicatorCode: "ti-le-hs-truc-tuyen", period: "2026-11" };
const prov = (at: string) => ({ byUser: 7001n, chatId: -100_1n, source: "chat", at: new Date(at) });

describe("the shared SQLite connection", () => {
  it("is used on SQLite once Prisma has connected, never on PostgreSQL", async () => {
    await db.prisma.chat.count();
    expect(sqliteHandle(db.prisma) !== undefined).toBe(!suiteOnPostgres());
  });

  it("writes figures and revisions that read back through Prisma as the Prisma path writes them", async () => {
    const before = Date.now();
    const first = await writeFigures(
      db.prisma,
      [{ ...key, numerator: 3, denominator: 4 }],
      prov("2026-11-20T03:00:00Z"),
    );
    const second = await writeFigures(
      db.prisma,
      [{ ...key, numerator: 5, denominator: 6 }],
      prov("2026-11-21T03:00:00Z"),
    );
    expect(first).toEqual([{ revisionId: expect.any(Number), previous: null }]);
    expect(second).toEqual([{ revisionId: expect.any(Number), previous: { numerator: 3, denominator: 4 } }]);
    const fig = await db.prisma.figure.findUniqueOrThrow({ where: { unitCode_indicatorCode_period: key } });
    expect(fig).toMatchObject({
      ...key,
      numerator: 5,
      denominator: 6,
      reportedBy: 7001n,
      chatId: -100_1n,
      source: "chat",
    });
    expect(fig.updatedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(fig.createdAt.getTime()).toBeLessThanOrEqual(fig.updatedAt.getTime());
    const revs = await db.prisma.figureRevision.findMany({ where: key, orderBy: { id: "asc" } });
    expect(revs.map((r) => r.id)).toEqual([first[0]?.revisionId, second[0]?.revisionId]);
    expect(revs[1]).toMatchObject({
      action: "update",
      oldNumerator: 3,
      oldDenominator: 4,
      newNumerator: 5,
      newDenominator: 6,
      byUser: 7001n,
      undone: false,
      createdAt: new Date("2026-11-21T03:00:00Z"),
    });
    // Dates compare as Prisma's own: the filters of the digest and the history read these rows.
    const upTo = await db.prisma.figureRevision.count({
      where: { ...key, createdAt: { lte: new Date("2026-11-20T12:00:00Z") } },
    });
    expect(upTo).toBe(1);
  });

  it("a write while another caller's transaction is open waits for it, and survives its rollback", async () => {
    let inner: Promise<unknown> | undefined;
    const outer = db.prisma.$transaction(async (tx) => {
      await tx.figure.count();
      inner = writeFigures(db.prisma, [{ ...key, numerator: 1, denominator: 2 }], prov("2026-11-20T03:00:00Z"));
      await new Promise((r) => setTimeout(r, 50));
      throw new Error("rolled back");
    });
    await expect(outer).rejects.toThrow("rolled back");
    await inner;
    const fig = await db.prisma.figure.findUnique({ where: { unitCode_indicatorCode_period: key } });
    expect(fig).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it("a claim while another caller's transaction is open waits for it, and survives its rollback", async () => {
    const now = new Date("2026-11-20T03:00:00Z");
    const claim = {
      botId: 1n,
      updateId: 77n,
      fingerprint: "f77",
      now,
      forgetBefore: new Date(now.getTime() - 48 * 3_600_000),
      staleBefore: new Date(now.getTime() - 60_000),
    };
    let inner: Promise<unknown> | undefined;
    const outer = db.prisma.$transaction(async (tx) => {
      await tx.chat.count();
      inner = claimUpdate(db.prisma, claim);
      await new Promise((r) => setTimeout(r, 50));
      throw new Error("rolled back");
    });
    await expect(outer).rejects.toThrow("rolled back");
    expect(await inner).toBe("new");
    // The row is there: a redelivery of the update is still recognised as handled.
    expect(await claimUpdate(db.prisma, claim)).toBe("duplicate");
  });

  it("claims, finishes and reads as the update guard and chat tracking expect", async () => {
    const now = new Date("2026-11-20T03:00:00Z");
    const claim = {
      botId: 1n,
      updateId: 42n,
      fingerprint: "f1",
      chatId: -5n,
      kind: "command",
      now,
      forgetBefore: new Date(now.getTime() - 48 * 3_600_000),
      staleBefore: new Date(now.getTime() - 60_000),
    };
    expect(await claimUpdate(db.prisma, claim)).toBe("new");
    expect(await claimUpdate(db.prisma, claim)).toBe("duplicate");
    const row = await db.prisma.processedUpdate.findUniqueOrThrow({
      where: { botId_updateId: { botId: 1n, updateId: 42n } },
    });
    expect(row).toMatchObject({ status: "processing", chatId: -5n, kind: "command", createdAt: now });
    await finishUpdate(db.prisma, { botId: 1n, updateId: 42n, fingerprint: "other" });
    expect((await db.prisma.processedUpdate.findFirstOrThrow()).status).toBe("processing");
    await finishUpdate(db.prisma, { botId: 1n, updateId: 42n, fingerprint: "f1" });
    expect((await db.prisma.processedUpdate.findFirstOrThrow()).status).toBe("done");

    expect(await getChat(db.prisma, -5n)).toBeNull();
    await db.prisma.chat.create({
      data: { chatId: -5n, type: "supergroup", title: "Xã A", kind: "unit", unitCode: "X01" },
    });
    expect(await getChat(db.prisma, -5n)).toEqual({
      chatId: -5n,
      type: "supergroup",
      title: "Xã A",
      kind: "unit",
      unitCode: "X01",
      active: true,
      botIsAdmin: false,
    });
  });
});

describe("group commit on the shared SQLite connection", () => {
  it.skipIf(suiteOnPostgres())(
    "writes asked for in the same turn are committed; one that fails is rolled back alone",
    async () => {
      await db.prisma.chat.count();
      const raw = sqliteHandle(db.prisma);
      if (!raw) throw new Error("no shared connection");
      const insert = (id: number) =>
        prepared(
          raw,
          `INSERT INTO "ProcessedUpdate" ("botId", "updateId", "fingerprint", "status", "createdAt") VALUES (1, ?, 'f', 'processing', '2026-11-20T03:00:00.000+00:00')`,
        ).run(id);
      const results = await Promise.allSettled([
        commitSoon(raw, () => insert(1).changes),
        commitSoon(raw, () => {
          insert(2);
          throw new Error("refused");
        }),
        commitSoon(raw, () => insert(3).changes),
      ]);
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
      const ids = await db.prisma.processedUpdate.findMany({
        select: { updateId: true },
        orderBy: { updateId: "asc" },
      });
      expect(ids.map((r) => r.updateId)).toEqual([1n, 3n]);
    },
  );

  it.skipIf(suiteOnPostgres())("a batch that cannot commit rejects every write in it and writes none", async () => {
    await db.prisma.chat.count();
    const raw = sqliteHandle(db.prisma);
    if (!raw) throw new Error("no shared connection");
    const pending = [
      commitSoon(raw, () => raw.prepare(`UPDATE "Chat" SET "title" = 'x'`).run()),
      commitSoon(raw, () => raw.prepare(`UPDATE "Chat" SET "title" = 'y'`).run()),
    ];
    raw.close(); // before the batch's turn: BEGIN fails
    const settled = await Promise.allSettled(pending);
    expect(settled.map((r) => r.status)).toEqual(["rejected", "rejected"]);
  });
});
