import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { createTestDb } from "../helpers/db.js";

describe("database migrations", () => {
  it("applies every migration on a fresh database and records it like Prisma", async () => {
    const db = await createTestDb({ migrate: "fresh" });
    expect(db.applied.length).toBeGreaterThan(0);
    const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string; checksum: string }[]>(
      `SELECT migration_name, checksum FROM _prisma_migrations`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(db.applied);
    expect(rows[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);
    await db.prisma.unit.create({ data: { code: "X", name: "Xã X", searchName: "xa x", tier: "xa" } });
    expect(await db.prisma.unit.count()).toBe(1);
    await db.cleanup();
  });

  it("is idempotent: a second start applies nothing and keeps the data", async () => {
    const db = await createTestDb();
    await db.prisma.unit.create({ data: { code: "X", name: "Xã X", searchName: "xa x", tier: "xa" } });
    await db.close();
    const again = await openDatabase(db.url);
    expect(again.applied).toEqual([]);
    expect(await again.prisma.unit.count()).toBe(1);
    await again.close();
  });
});
