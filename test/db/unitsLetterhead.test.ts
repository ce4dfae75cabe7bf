/** The unit list's letterhead is stored with the unit and read back through its schema (src/db/repos/units.ts). */
import { afterEach, describe, expect, it } from "vitest";
import { listUnits, upsertUnits } from "../../src/db/repos/units.js";
import { createTestDb, type TestDb } from "../helpers/db.js";

let db: TestDb | undefined;
afterEach(async () => {
  await db?.cleanup();
  db = undefined;
});

describe("a unit's letterhead", () => {
  it("round-trips, and a unit without one has none", async () => {
    db = await createTestDb();
    const letterhead = {
      abbreviation: "STP",
      place: "Thái Nguyên",
      parentAgency: "UBND TỈNH THÁI NGUYÊN",
      headTitle: "Giám đốc",
    };
    await upsertUnits(db.prisma, [
      { code: "TNG-STP", name: "Sở Tư pháp", tier: "so-ban-nganh", parent: null, oneStop: false, letterhead },
      { code: "TNG-X", name: "UBND phường Đức Xuân", tier: "xa", parent: null, oneStop: false },
    ]);
    const units = await listUnits(db.prisma);
    expect(units.find((u) => u.code === "TNG-STP")?.letterhead).toEqual(letterhead);
    expect(units.find((u) => u.code === "TNG-X")).not.toHaveProperty("letterhead");
    // A stored value a later schema refuses is derived again rather than printed.
    await db.prisma.unit.update({ where: { code: "TNG-X" }, data: { letterhead: '{"abbreviation":"not one"}' } });
    expect((await listUnits(db.prisma)).find((u) => u.code === "TNG-X")).not.toHaveProperty("letterhead");
  });
});
