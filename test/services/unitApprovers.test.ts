/**
 * Approvers in the unit list (docs/DOSSIERS.md "Ai được duyệt"): a unit's `approvers` field
 * names them with their official name and role; a reload replaces the list's own approvers and
 * leaves those designated with /nguoiduyet; a list that names one person twice is refused.
 */
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { listApprovers } from "../../src/db/repos/approvers.js";
import { designate, remove } from "../../src/services/apology/approvers.js";
import { installText } from "../../src/services/directives/install.js";
import { createTestDb, type TestDb } from "../helpers/db.js";

let db: TestDb;
beforeEach(async () => {
  db = await createTestDb();
});
afterEach(async () => {
  await db.cleanup();
});

const base = readFileSync("test/fixtures/province.units.yaml", "utf8");
const X1 = "- { code: TN-X1, name: Phường Đức Xuân, tier: xa, parent: TN-H1 }";
const withApprovers = (approvers: string) => {
  if (!base.includes(X1)) throw new Error("fixture changed");
  return base.replace(X1, `- { code: TN-X1, name: Phường Đức Xuân, tier: xa, parent: TN-H1, approvers: ${approvers} }`);
};

describe("unit list approvers", () => {
  test("are loaded with name and role, replaced on reload, and leave designated approvers alone", async () => {
    const list = withApprovers(
      "[{ telegramId: 604, name: Lê Thị Hoa, role: head }, { telegramId: 603, name: Trần Văn Quang }]",
    );
    expect((await installText(db.prisma, list, "yaml")).ok).toBe(true);
    const names = async () =>
      (await listApprovers(db.prisma, "TN-X1")).map((a) => [a.telegramId, a.role, a.name, a.source]).sort();
    expect(await names()).toEqual([
      [603n, "deputy", "Trần Văn Quang", "unitList"],
      [604n, "head", "Lê Thị Hoa", "unitList"],
    ]);
    const by = { unitCode: "TN-X1", callerId: 604n, callerIsAdmin: false };
    expect(
      await designate(db, { ...by, targetId: 605n, telegramName: "Bình", role: "deputy", name: null }),
    ).toMatchObject({ ok: true });
    // The list's own approvers change in the list, not by command.
    expect(await remove(db, { ...by, targetId: 603n })).toEqual({ ok: false, reason: "from-unit-list" });
    expect((await installText(db.prisma, base, "yaml")).ok).toBe(true);
    expect(await names()).toEqual([[605n, "deputy", null, "designated"]]);
  });

  test("one person twice in a unit, or a role the bot does not know, is refused and nothing changes", async () => {
    const twice = await installText(
      db.prisma,
      withApprovers("[{ telegramId: 603, name: Trần Văn Quang }, { telegramId: 603, name: Quang }]"),
      "yaml",
    );
    expect(twice.ok ? [] : twice.problems.map((p) => p.path)).toEqual(["units[4].approvers[1].telegramId"]);
    const role = await installText(
      db.prisma,
      withApprovers("[{ telegramId: 603, name: Trần Văn Quang, role: secretary }]"),
      "yaml",
    );
    expect(role.ok).toBe(false);
    expect(await db.prisma.unitApprover.count()).toBe(0);
  });
});
