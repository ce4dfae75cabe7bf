/**
 * /capquyen and /thuquyen by id (src/bot/features/roles.ts): every refusal answers with the exact
 * text from src/messages and leaves the Person table untouched; one success each shows the
 * feature works. Naming by reply, @username, /quyen and the undo: roles.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseHtml } from "../../src/emulator/html.js";
import { adminTexts } from "../../src/messages/admin.js";
import { common } from "../../src/messages/common.js";
import { roleTexts } from "../../src/messages/roles.js";
import { ADMIN_ID, startHarness, type Harness } from "../helpers/harness.js";

const GROUP = -100410;
const STRANGER = 611;
const TARGET = 612;
let h: Harness;

/** What the user sees for an HTML reply: Telegram's rendering of the markup. */
const plain = (html: string) => parseHtml(html).text;

beforeEach(async () => {
  h = await startHarness();
  h.emu.addUser({ id: STRANGER, firstName: "Người lạ" });
  h.emu.addUser({ id: TARGET, firstName: "Bình" });
  h.emu.addChat({ id: ADMIN_ID, type: "private", firstName: "Quản trị" });
  h.emu.addChat({ id: STRANGER, type: "private", firstName: "Người lạ" });
  h.emu.addChat({ id: GROUP, type: "group", title: "Nhóm chung" });
  // An existing grant, so "unchanged" is checked against a non-empty table.
  await h.db.prisma.person.create({
    data: { telegramId: BigInt(TARGET), role: "leader", grantedBy: BigInt(ADMIN_ID) },
  });
});
afterEach(async () => h?.stop());

async function say(text: string, chatId = ADMIN_ID, fromId = ADMIN_ID) {
  const before = h.emu.botMessages(chatId).length;
  h.emu.injectText({ chatId, fromId, text });
  return (await h.emu.waitForMessages(chatId, before + 1)).at(-1)?.text ?? "";
}

const people = () => h.db.prisma.person.findMany({ orderBy: { id: "asc" } });

async function expectRefused(text: string, expected: string, chatId = ADMIN_ID, fromId = ADMIN_ID) {
  const before = await people();
  expect(await say(text, chatId, fromId)).toBe(plain(expected));
  expect(await people()).toEqual(before);
}

describe("/capquyen and /thuquyen refusals change no role", () => {
  it.each(["/capquyen 613 quantri", "/thuquyen 612"])("%s in a group → private only", async (text) => {
    await expectRefused(text, common.privateOnly, GROUP, ADMIN_ID);
  });

  it.each(["/capquyen 613 quantri", "/capquyen 611 lanhdao", "/thuquyen 612"])(
    "%s by a non-admin → admin only",
    async (text) => {
      await expectRefused(text, common.adminOnly, STRANGER, STRANGER);
    },
  );

  it("a leader (a stored role, but not admin) cannot grant either", async () => {
    h.emu.addChat({ id: TARGET, type: "private", firstName: "Bình" });
    await expectRefused(`/capquyen ${TARGET} quantri`, common.adminOnly, TARGET, TARGET);
  });

  it.each([
    "/capquyen",
    "/capquyen quantri",
    "/capquyen abc quantri",
    "/capquyen 613",
    "/capquyen 613 sep",
    "/capquyen -613 quantri",
    "/capquyen 1234567890123456 quantri",
    "/thuquyen",
    "/thuquyen abc",
    "/thuquyen 61.2",
  ])("%s → usage", async (text) => {
    await expectRefused(text, roleTexts.usage);
  });

  it("revoking a configured administrator (ADMIN_IDS) is refused", async () => {
    await expectRefused(`/thuquyen ${ADMIN_ID}`, adminTexts.cannotRevokeConfigured);
  });

  it("revoking someone without a role says so", async () => {
    await expectRefused("/thuquyen 614", adminTexts.notFound("614"));
  });

  it("an id the bot has never seen is refused, not granted to nobody", async () => {
    await expectRefused("/capquyen 613 lanhdao", roleTexts.unknownId("613"));
    expect(await h.db.prisma.person.count()).toBe(1);
  });
});

describe("/capquyen and /thuquyen succeed for an administrator", () => {
  const AN = { telegramId: 613n, displayName: "An", username: null };
  const BINH = { telegramId: BigInt(TARGET), displayName: null, username: null };

  /** 613 opens a private chat with the bot and asks its id: from then on the bot knows it. */
  async function an613Writes() {
    h.emu.addUser({ id: 613, firstName: "An" });
    h.emu.addChat({ id: 613, type: "private", firstName: "An" });
    await say("/id", 613, 613);
  }

  it("/capquyen grants a leader role to a known id, records who granted it and tells the grantee", async () => {
    await an613Writes();
    expect(await say("/capquyen 613 lanhdao")).toBe(
      plain(roleTexts.granted(AN, "leader", "private", "dondoc_test_bot")),
    );
    expect(await h.db.prisma.person.count()).toBe(2);
    expect(await h.db.prisma.person.findUnique({ where: { telegramId: 613n } })).toMatchObject({
      role: "leader",
      grantedBy: BigInt(ADMIN_ID),
      name: "An",
    });
    const told = await h.emu.waitForMessages(613, 2);
    expect(told.at(-1)?.text).toBe(plain(roleTexts.toGrantee("leader", "Quản trị")));
  });

  it("/capquyen QUANTRI upgrades an existing role to admin, who may then grant too", async () => {
    // 612 holds a role but never wrote to the bot: known by its role, not told (no private chat).
    expect(await say(`/capquyen ${TARGET} QUANTRI`)).toBe(
      plain(roleTexts.granted(BINH, "admin", "not-told", "dondoc_test_bot")),
    );
    expect(await h.db.prisma.person.findUnique({ where: { telegramId: BigInt(TARGET) } })).toMatchObject({
      role: "admin",
    });
    h.emu.addChat({ id: TARGET, type: "private", firstName: "Bình" });
    await an613Writes();
    expect(await say("/capquyen 613 lanhdao", TARGET, TARGET)).toBe(
      plain(roleTexts.granted(AN, "leader", "private", "dondoc_test_bot")),
    );
    expect(await h.db.prisma.person.findUnique({ where: { telegramId: 613n } })).toMatchObject({
      grantedBy: BigInt(TARGET),
    });
  });

  it("/thuquyen removes the role", async () => {
    expect(await say(`/thuquyen ${TARGET}`)).toBe(plain(roleTexts.revoked(BINH)));
    expect(await h.db.prisma.person.count()).toBe(0);
  });
});
