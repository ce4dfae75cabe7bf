/**
 * /dangky refusals (src/bot/features/register.ts): each answers with the exact text from
 * src/messages and creates no registration, binds nothing and notifies no administrator.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bindChat, touchChat } from "../../src/db/repos/chats.js";
import { parseHtml } from "../../src/emulator/html.js";
import { common } from "../../src/messages/common.js";
import { registerTexts } from "../../src/messages/register.js";
import { ADMIN_ID, startHarness, type Harness } from "../helpers/harness.js";

const GROUP = -100420;
const OFFICER = 621;
let h: Harness;

const plain = (html: string) => parseHtml(html).text;

beforeEach(async () => {
  h = await startHarness();
  h.emu.addUser({ id: OFFICER, firstName: "Minh" });
  h.emu.addChat({ id: ADMIN_ID, type: "private", firstName: "Quản trị" });
  h.emu.addChat({ id: OFFICER, type: "private", firstName: "Minh" });
  h.emu.addChat({ id: GROUP, type: "group", title: "Xã Nông Thượng" });
});
afterEach(async () => h?.stop());

async function say(text: string, chatId = GROUP, fromId = OFFICER) {
  const before = h.emu.botMessages(chatId).length;
  h.emu.injectText({ chatId, fromId, text });
  return (await h.emu.waitForMessages(chatId, before + 1)).at(-1)?.text ?? "";
}

/**
 * Everything /dangky could change: requests, chat bindings (chats with a unit), queued pushes.
 * (Any update may create the plain tracking row of its chat; that binds nothing.)
 */
async function state() {
  const p = h.db.prisma;
  return {
    registrations: await p.registration.findMany({ orderBy: { id: "asc" } }),
    bindings: (await p.chat.findMany({ where: { unitCode: { not: null } }, orderBy: { id: "asc" } })).map(
      ({ chatId, kind, unitCode, active }) => ({ chatId, kind, unitCode, active }),
    ),
    outbox: await p.outboxMessage.count(),
  };
}

async function expectRefused(text: string, expected: string, chatId = GROUP, fromId = OFFICER) {
  const before = await state();
  expect(await say(text, chatId, fromId)).toBe(plain(expected));
  expect(await state()).toEqual(before);
  expect(h.emu.botMessages(ADMIN_ID)).toHaveLength(0);
}

describe("/dangky refusals", () => {
  it.each(["/dangky TN-X2", "/dangky lanhdao TN"])("%s in a private chat → groups only", async (text) => {
    await expectRefused(text, registerTexts.groupsOnly, OFFICER, OFFICER);
    expect(await h.db.prisma.chat.findUnique({ where: { chatId: BigInt(OFFICER) } })).toMatchObject({
      kind: "private",
      unitCode: null,
    });
  });

  it.each(["/dangky", "/dangky   ", "/dangky lanhdao", "/dangky thutruong"])("%j → usage", async (text) => {
    await expectRefused(text, registerTexts.usage);
    expect(await h.db.prisma.registration.count()).toBe(0);
    expect(await h.db.prisma.chat.findUnique({ where: { chatId: BigInt(GROUP) } })).toMatchObject({
      kind: "unknown",
      unitCode: null,
    });
  });

  it("a chat already bound to that unit is told so and no request is made", async () => {
    await touchChat(h.db.prisma, { chatId: BigInt(GROUP), type: "group", title: "Xã Nông Thượng" });
    await bindChat(h.db.prisma, BigInt(GROUP), "unit", "TN-X2");
    const unit = h.deps.catalog.get().unit("TN-X2");
    if (!unit) throw new Error("TN-X2 is missing from the test catalog");
    await expectRefused("/dangky tn-x2", registerTexts.alreadyBound(unit, "unit"));
    expect(await h.db.prisma.chat.findUnique({ where: { chatId: BigInt(GROUP) } })).toMatchObject({
      kind: "unit",
      unitCode: "TN-X2",
      active: true,
    });
    expect(await h.db.prisma.registration.count()).toBe(0);
  });

  it("a second request while one is pending is refused; the count stays 1", async () => {
    const unit = h.deps.catalog.get().unit("TN-X2");
    if (!unit) throw new Error("TN-X2 is missing from the test catalog");
    expect(await say("/dangky TN-X2")).toBe(plain(registerTexts.requested(unit, "unit")));
    await h.emu.waitForMessages(ADMIN_ID, 1);
    expect(await h.db.prisma.registration.count()).toBe(1);
    const before = await state();
    for (const text of ["/dangky TN-X2", "/dangky TN-X1", "/dangky lanhdao TN"]) {
      expect(await say(text)).toBe(plain(registerTexts.pendingExists));
    }
    expect(await state()).toEqual(before);
    expect(await h.db.prisma.registration.findMany()).toEqual([
      expect.objectContaining({ unitCode: "TN-X2", kind: "unit", status: "pending" }),
    ]);
    await h.idle();
    expect(h.emu.botMessages(ADMIN_ID)).toHaveLength(1);
  });

  it("a non-admin pressing ✅ Duyệt is refused; the request stays pending and the chat unbound", async () => {
    await say("/dangky TN-X2");
    const [request] = await h.emu.waitForMessages(ADMIN_ID, 1);
    const before = await state();
    const answer = await h.emu.pressButton({
      chatId: ADMIN_ID,
      messageId: request?.message_id ?? 0,
      fromId: OFFICER,
      text: registerTexts.approveButton,
    });
    expect(answer).toMatchObject({ answered: true, text: common.adminOnly, showAlert: true });
    expect(await state()).toEqual(before);
    expect(await h.db.prisma.registration.findFirst()).toMatchObject({
      status: "pending",
      decidedBy: null,
      decidedAt: null,
    });
    expect(await h.db.prisma.chat.findUnique({ where: { chatId: BigInt(GROUP) } })).toMatchObject({
      kind: "unknown",
      unitCode: null,
    });
    // The request keeps its buttons, so a real administrator can still decide.
    expect(
      h.emu
        .message(ADMIN_ID, request?.message_id ?? 0)
        ?.reply_markup?.inline_keyboard?.flat()
        .map((b) => b.text),
    ).toEqual([registerTexts.approveButton, registerTexts.rejectButton]);
    // And the group is told nothing.
    await h.idle();
    expect(h.emu.botMessages(GROUP)).toHaveLength(1);
  });
});
