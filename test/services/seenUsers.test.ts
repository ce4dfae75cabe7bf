/**
 * Remembering who writes (src/services/roles/seen.ts): written once, rewritten only when the
 * name or username changes — a burst of reports from one officer costs no write after the first.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seenUserByUsername } from "../../src/db/repos/telegramUsers.js";
import { createSeenUsers } from "../../src/services/roles/seen.js";
import { createTestDb, type TestDb } from "../helpers/db.js";

let db: TestDb;
beforeEach(async () => {
  db = await createTestDb();
});
afterEach(async () => db?.cleanup());

const row = () => db.prisma.telegramUser.findUnique({ where: { telegramId: 42n } });

describe("createSeenUsers", () => {
  it("stores id, lower-case username and name; repeats write nothing; a change is written", async () => {
    const seen = createSeenUsers(db.prisma);
    await seen.remember({ telegramId: 42n, username: "Lan_CB", displayName: "Lan" });
    const first = await row();
    expect(first).toMatchObject({ username: "lan_cb", displayName: "Lan" });
    for (let i = 0; i < 5; i++) await seen.remember({ telegramId: 42n, username: "lan_cb", displayName: "Lan" });
    expect((await row())?.updatedAt).toEqual(first?.updatedAt);
    await seen.remember({ telegramId: 42n, username: null, displayName: "Lan Nguyễn" });
    expect(await row()).toMatchObject({ username: null, displayName: "Lan Nguyễn" });
    expect(await seenUserByUsername(db.prisma, "@LAN_CB")).toBeNull();
  });

  it("a new process reads before writing: an unchanged person is not rewritten", async () => {
    await createSeenUsers(db.prisma).remember({ telegramId: 42n, username: "lan", displayName: "Lan" });
    const first = await row();
    await createSeenUsers(db.prisma).remember({ telegramId: 42n, username: "lan", displayName: "Lan" });
    expect((await row())?.updatedAt).toEqual(first?.updatedAt);
  });

  it("a username taken over by someone else names its latest holder", async () => {
    const seen = createSeenUsers(db.prisma);
    await seen.remember({ telegramId: 1n, username: "truongphong", displayName: "An" });
    await seen.remember({ telegramId: 2n, username: "TruongPhong", displayName: "Bình" });
    expect((await seenUserByUsername(db.prisma, "truongphong"))?.telegramId).toBe(2n);
  });
});
