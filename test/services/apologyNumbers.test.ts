/**
 * Numbers of issued documents (docs/DOSSIERS.md): one register per year, form symbol and unit; two heads
 * approving at the same moment never get the same number — on SQLite and on PostgreSQL, where
 * the approvals really run side by side on separate connections.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isUniqueViolation } from "../../src/db/errors.js";
import { applyMigrations, migrationsDir, readMigrations } from "../../src/db/migrate.js";
import { openDatabase } from "../../src/db/client.js";
import { pgMigrationDriver, withPgClient } from "../../src/db/postgres.js";
import { openSqlite, sqliteMigrationDriver } from "../../src/db/sqlite.js";
import { approveDrafts } from "../../src/services/apology/decision.js";
import { submitDrafts } from "../../src/services/apology/flow.js";
import { takeNumber } from "../../src/services/apology/numbers.js";
import { exportXlsx, HEAD_USER, OFFICER, row, startWorld, UNIT, type World } from "../bot/dossiersWorld.js";
import { createTestDb, type TestDb } from "../helpers/db.js";

let w: World | undefined;
let db: TestDb | undefined;
afterEach(async () => {
  await w?.stop();
  await db?.cleanup();
  w = undefined;
  db = undefined;
});

const code = (i: number) => `H15.50.05.13-261120-${String(i).padStart(4, "0")}`;

/** `n` dossiers of Phường Đức Xuân, each with an apology and an explanation before the head. */
async function pendingDossiers(n: number): Promise<{ world: World; ids: number[] }> {
  const world = await startWorld("2026-11-20T09:00:00+07:00");
  w = world;
  await world.upload(await exportXlsx(Array.from({ length: n }, (_, i) => row(code(i + 1)))));
  const dossiers = await world.h.db.prisma.dossier.findMany({ orderBy: { code: "asc" } });
  for (const d of dossiers) {
    const r = await submitDrafts(world.h.deps, {
      dossierId: d.id,
      unitCode: "TN-X1",
      reason: "Chờ kết quả xác minh",
      newDate: "2026-12-01",
      by: { id: BigInt(OFFICER), name: "Lan" },
      chatId: BigInt(UNIT),
    });
    expect(r.kind).toBe("sent-to-head");
  }
  return { world, ids: dossiers.map((d) => d.id) };
}

describe("numbering issued documents", () => {
  it.each([2, 5])("%i heads' approvals started together take distinct consecutive numbers", async (n) => {
    const { world, ids } = await pendingDossiers(n);
    const results = await Promise.all(
      ids.map((dossierId) =>
        approveDrafts(world.h.deps, {
          dossierId,
          headUnitCode: "TN-X1",
          by: { id: BigInt(HEAD_USER), telegramName: "Hùng" },
        }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const issued = await world.h.db.prisma.dossierDocument.findMany({ where: { status: "issued" } });
    const numbers = (kind: string) =>
      issued
        .filter((d) => d.kind === kind)
        .map((d) => d.number ?? "")
        .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10));
    // Printed with the agency's own abbreviation and a leading zero below 10 (NĐ 30/2020 Phụ lục I mục II.3).
    const expected = (symbol: string) =>
      Array.from({ length: n }, (_, i) => `${String(i + 1).padStart(2, "0")}/${symbol}-UBND`);
    expect(numbers("apology")).toEqual(expected("XL"));
    expect(numbers("explanation")).toEqual(expected("BC"));
    expect(new Set(issued.map((d) => d.register))).toEqual(new Set(["XL-TN-X1", "BC-TN-X1"]));
    expect(new Set(issued.map((d) => d.numberYear))).toEqual(new Set([2026]));
    // Each dossier got one of each kind, and the counters stand where the next approval continues.
    for (const r of results) if (r.ok) expect(r.numbers.map((x) => x.split("/")[1])).toEqual(["XL-UBND", "BC-UBND"]);
    const counters = await world.h.db.prisma.documentCounter.findMany({ orderBy: { symbol: "asc" } });
    expect(counters.map((c) => [c.year, c.symbol, c.last])).toEqual([
      [2026, "BC-TN-X1", n],
      [2026, "XL-TN-X1", n],
    ]);
    await world.drained();
  });

  it("two presses of one dossier's Duyệt issue it once and leave no gap in the register", async () => {
    const {
      world,
      ids: [first, second],
    } = await pendingDossiers(2);
    if (first === undefined || second === undefined) throw new Error("no dossiers");
    const approve = (dossierId: number) =>
      approveDrafts(world.h.deps, {
        dossierId,
        headUnitCode: "TN-X1",
        by: { id: BigInt(HEAD_USER), telegramName: "Hùng" },
      });
    const twice = await Promise.all([approve(first), approve(first)]);
    expect(twice.map((r) => (r.ok ? "issued" : r.reason)).sort()).toEqual(["already-decided", "issued"]);
    const next = await approve(second);
    expect(next.ok && next.numbers).toEqual(["02/XL-UBND", "02/BC-UBND"]);
  });

  it("the database refuses a number twice in one year's register, and keeps drafts without one free", async () => {
    const { prisma } = (db = await createTestDb());
    const doc = (over: { number: string | null; numberYear: number | null; register: string | null }) =>
      prisma.dossierDocument.create({
        data: { dossierCode: "X", kind: "apology", reason: "r", createdBy: 1n, createdChatId: 1n, ...over },
      });
    await doc({ number: null, numberYear: null, register: null });
    await doc({ number: null, numberYear: null, register: null });
    await doc({ number: "01/XL-UBND", numberYear: 2026, register: "XL-TN-X1" });
    await doc({ number: "01/XL-UBND", numberYear: 2027, register: "XL-TN-X1" });
    // Another commune prints the same "01/XL-UBND" in its own register.
    await doc({ number: "01/XL-UBND", numberYear: 2026, register: "XL-TN-X2" });
    const again = await doc({ number: "01/XL-UBND", numberYear: 2026, register: "XL-TN-X1" }).catch((e: unknown) => e);
    expect(isUniqueViolation(again)).toBe(true);
  });

  it("two communes approving at once each take 01 of their own register, both printed 01/XL-UBND", async () => {
    const world = (w = await startWorld("2026-11-20T09:00:00+07:00"));
    await world.upload(await exportXlsx([row(code(1))]));
    const first = await world.h.db.prisma.dossier.findFirstOrThrow();
    // The second commune's dossier, as its own upload would have stored it.
    const second = await world.h.db.prisma.dossier.create({
      data: { code: code(2), unitCode: "TN-X2", status: "processing", dueAt: "2026-11-27" },
    });
    // The second commune's head, so that each approval is by an approver of its unit.
    await world.h.db.prisma.unitApprover.create({
      data: { unitCode: "TN-X2", telegramId: BigInt(HEAD_USER), role: "head", name: "Hùng", source: "command" },
    });
    for (const [d, unitCode] of [
      [first, "TN-X1"],
      [second, "TN-X2"],
    ] as const) {
      await submitDrafts(world.h.deps, {
        dossierId: d.id,
        unitCode,
        reason: "Chờ kết quả xác minh",
        newDate: "2026-12-01",
        by: { id: BigInt(OFFICER), name: "Lan" },
        chatId: BigInt(UNIT),
      });
      await world.h.db.prisma.dossierDocument.updateMany({
        where: { dossierCode: d.code },
        data: { status: "pending" },
      });
    }
    const results = await Promise.all([
      approveDrafts(world.h.deps, {
        dossierId: first.id,
        headUnitCode: "TN-X1",
        by: { id: BigInt(HEAD_USER), telegramName: "Hùng" },
      }),
      approveDrafts(world.h.deps, {
        dossierId: second.id,
        headUnitCode: "TN-X2",
        by: { id: BigInt(HEAD_USER), telegramName: "Hùng" },
      }),
    ]);
    expect(results.map((r) => r.ok && r.numbers)).toEqual([
      ["01/XL-UBND", "01/BC-UBND"],
      ["01/XL-UBND", "01/BC-UBND"],
    ]);
    await world.drained();
  });
});

describe("upgrading a database numbered by counting", () => {
  it("migrates with the duplicates the old numbering made, and continues after the highest number of the year", async () => {
    // A database at 0001_init holding what the old code could write: "12/XL-TN-X1" twice.
    db = await createTestDb();
    const url = db.url;
    await db.close();
    const dir = mkdtempSync(path.join(tmpdir(), "dondoc-mig-"));
    const first = (await readMigrations(migrationsDir(db.dialect)))[0];
    if (!first) throw new Error("no migrations");
    cpSync(path.join(migrationsDir(db.dialect), first.name), path.join(dir, first.name), { recursive: true });
    const legacy = ["3/XL-TN-X1", "12/XL-TN-X1", "12/XL-TN-X1", "40/XL-TN-X1", "7/BC-TN-X1"]
      .map(
        (n, i) =>
          `INSERT INTO "DossierDocument" ("dossierCode", "kind", "status", "reason", "number", "createdBy", "createdChatId", "updatedAt")
       VALUES ('OLD-${i}', 'apology', 'issued', 'r', '${n}', 1, 1, CURRENT_TIMESTAMP)`,
      )
      .join(";\n");
    await resetTo(db.dialect, url, dir, legacy);
    rmSync(dir, { recursive: true, force: true });

    const upgraded = await openDatabase(url);
    try {
      expect(upgraded.applied).toEqual((await readMigrations(migrationsDir(db.dialect))).slice(1).map((m) => m.name));
      const p = upgraded.prisma;
      await p.dossierDocument.updateMany({
        where: { dossierCode: { not: "OLD-3" } },
        data: { approvedAt: new Date("2026-03-02T09:00:00+07:00") },
      });
      await p.dossierDocument.updateMany({
        where: { dossierCode: "OLD-3" },
        data: { approvedAt: new Date("2025-12-31T16:00:00+07:00") },
      });
      const take = (symbol: string) => p.$transaction((tx) => takeNumber(tx, { year: 2026, symbol }));
      expect(await take("XL-TN-X1")).toBe(13); // 40 was last year's register
      expect(await take("XL-TN-X1")).toBe(14);
      expect(await take("BC-TN-X1")).toBe(8);
      expect(await take("XL-TN-X2")).toBe(1);
    } finally {
      await upgraded.close();
    }
  });
});

/** Empties the test database and migrates it with the migrations in `dir` only, then runs `sql`. */
async function resetTo(dialect: "sqlite" | "postgresql", url: string, dir: string, sql: string): Promise<void> {
  if (dialect === "postgresql") {
    await withPgClient(url, async (c) => {
      await c.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
      await applyMigrations(pgMigrationDriver(c), dir);
      await c.query(sql);
    });
    return;
  }
  const file = url.replace(/^file:/, "");
  rmSync(file, { force: true });
  rmSync(`${file}-wal`, { force: true });
  rmSync(`${file}-shm`, { force: true });
  const raw = openSqlite(url);
  try {
    await applyMigrations(sqliteMigrationDriver(raw), dir);
    raw.exec(sql);
  } finally {
    raw.close();
  }
}
