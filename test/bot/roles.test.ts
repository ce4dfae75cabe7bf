/**
 * Naming the person a role goes to (src/bot/features/roles.ts): by replying to their message in a
 * group, by @username once the bot has seen them; the grantee told; "↩️ Huỷ" puts back the role
 * before the grant and edits the message; /quyen lists holders by name.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseHtml } from "../../src/emulator/html.js";
import { common } from "../../src/messages/common.js";
import { roleTexts } from "../../src/messages/roles.js";
import { roleUndoButton } from "../../src/render/callbackData.js";
import { ADMIN_ID, startHarness, type Harness } from "../helpers/harness.js";

const GROUP = -100420;
const BINH = 612;
const CUONG = 613;
const BOT = "dondoc_test_bot";
let h: Harness;

const plain = (html: string) => parseHtml(html).text;
const binh = { telegramId: BigInt(BINH), displayName: "Bình Trần", username: "binh" };
const cuong = { telegramId: BigInt(CUONG), displayName: "Cường", username: "cuong_ts" };

beforeEach(async () => {
  h = await startHarness();
  h.emu.addUser({ id: BINH, firstName: "Bình", lastName: "Trần", username: "binh" });
  h.emu.addUser({ id: CUONG, firstName: "Cường", username: "Cuong_TS" });
  h.emu.addChat({ id: ADMIN_ID, type: "private", firstName: "Quản trị" });
  h.emu.addChat({ id: GROUP, type: "group", title: "Nhóm chung" });
});
afterEach(async () => h?.stop());

async function say(text: string, chatId = ADMIN_ID, fromId = ADMIN_ID, replyToMessageId?: number) {
  const before = h.emu.botMessages(chatId).length;
  h.emu.injectText({ chatId, fromId, text, ...(replyToMessageId === undefined ? {} : { replyToMessageId }) });
  return (await h.emu.waitForMessages(chatId, before + 1)).at(-1);
}

/** Bình writes in the group (the bot, in privacy mode, does not even receive it); the admin replies. */
async function grantByReply(role = "lanhdao", fromId = ADMIN_ID) {
  const { message } = h.emu.injectText({ chatId: GROUP, fromId: BINH, text: "Chào cả nhóm" });
  return say(`/capquyen ${role}`, GROUP, fromId, message.message_id);
}

/** The grant's message once the press has edited it (the press is answered first). */
const editedText = async (messageId: number | undefined) => {
  const id = messageId ?? 0;
  await h.emu.waitFor(() => h.emu.message(GROUP, id)?.text?.startsWith("↩️"), { label: "grant message edited" });
  return h.emu.message(GROUP, id);
};

const roleOf = async (id: number) =>
  (await h.db.prisma.person.findUnique({ where: { telegramId: BigInt(id) } }))?.role ?? null;

describe("granting by reply in a group", () => {
  it("grants, names the person, tells them privately, and remembers their name", async () => {
    h.emu.addChat({ id: BINH, type: "private", firstName: "Bình" });
    const reply = await grantByReply();
    expect(reply?.text).toBe(plain(roleTexts.granted(binh, "leader", "private", BOT)));
    expect(await roleOf(BINH)).toBe("leader");
    const told = await h.emu.waitForMessages(BINH, 1);
    expect(told[0]?.text).toBe(plain(roleTexts.toGrantee("leader", "Quản trị")));
    expect(await h.db.prisma.telegramUser.findUnique({ where: { telegramId: BigInt(BINH) } })).toMatchObject({
      username: "binh",
      displayName: "Bình Trần",
    });
  });

  it("tells them in the group when they never opened a chat with the bot", async () => {
    const reply = await grantByReply("quản trị");
    expect(reply?.text).toBe(plain(roleTexts.granted(binh, "admin", "here", BOT)));
    expect(reply?.text).toContain("Bình Trần: bạn vừa được cấp quyền quản trị viên");
    expect(await roleOf(BINH)).toBe("admin");
  });

  it("is refused to a non-administrator, and a reply to the bot names no one", async () => {
    h.emu.addUser({ id: 700, firstName: "Khách" });
    expect((await grantByReply("lanhdao", 700))?.text).toBe(common.adminOnly);
    const botMsg = await say("/help", GROUP);
    expect((await say("/capquyen lanhdao", GROUP, ADMIN_ID, botMsg?.message_id))?.text).toBe(plain(roleTexts.isBot));
    expect(await h.db.prisma.person.count()).toBe(0);
  });
});

describe("granting by a mention of someone without a username", () => {
  it("takes the user Telegram attaches to the mention", async () => {
    const text = "/capquyen Cường lanhdao";
    const before = h.emu.botMessages(GROUP).length;
    h.emu.injectRaw({
      message: {
        message_id: 90,
        date: Math.floor(h.clock.now().getTime() / 1000),
        chat: { id: GROUP, type: "group", title: "Nhóm chung" },
        from: { id: ADMIN_ID, is_bot: false, first_name: "Quản trị" },
        text,
        entities: [
          { type: "bot_command", offset: 0, length: 9 },
          { type: "text_mention", offset: 10, length: 5, user: { id: CUONG, is_bot: false, first_name: "Cường" } },
        ],
      },
    });
    const reply = (await h.emu.waitForMessages(GROUP, before + 1)).at(-1);
    const named = { telegramId: BigInt(CUONG), displayName: "Cường", username: null };
    expect(reply?.text).toBe(plain(roleTexts.granted(named, "leader", "here", BOT)));
    expect(await roleOf(CUONG)).toBe("leader");
  });
});

describe("granting by reply to a forwarded message, and never to oneself", () => {
  it("a message of the person forwarded to the bot names them in private", async () => {
    const now = Math.floor(h.clock.now().getTime() / 1000);
    const admin = { id: ADMIN_ID, is_bot: false, first_name: "Quản trị" };
    const chat = { id: ADMIN_ID, type: "private" as const, first_name: "Quản trị" };
    const before = h.emu.botMessages(ADMIN_ID).length;
    h.emu.injectRaw({
      message: {
        message_id: 91,
        date: now,
        chat,
        from: admin,
        text: "/capquyen lanhdao",
        entities: [{ type: "bot_command", offset: 0, length: 9 }],
        reply_to_message: {
          message_id: 90,
          date: now,
          chat,
          from: admin,
          text: "Chào anh",
          forward_origin: {
            type: "user",
            date: now,
            sender_user: { id: BINH, is_bot: false, first_name: "Bình", last_name: "Trần", username: "binh" },
          },
          // grammY's ReplyMessage type: a replied-to message carries no reply of its own.
          reply_to_message: undefined,
        },
      },
    });
    const reply = (await h.emu.waitForMessages(ADMIN_ID, before + 1)).at(-1);
    expect(reply?.text).toBe(plain(roleTexts.granted(binh, "leader", "not-told", BOT)));
    expect(await roleOf(BINH)).toBe("leader");
  });

  it("a reply to one's own message grants nothing", async () => {
    const { message } = h.emu.injectText({ chatId: GROUP, fromId: ADMIN_ID, text: "Chào cả nhóm" });
    expect((await say("/capquyen lanhdao", GROUP, ADMIN_ID, message.message_id))?.text).toBe(roleTexts.self);
    expect(await h.db.prisma.person.count()).toBe(0);
  });
});

describe("granting by @username", () => {
  it("works once the bot has seen the person, whatever the case typed", async () => {
    h.emu.addChat({ id: CUONG, type: "private", firstName: "Cường" });
    await say("/id", CUONG, CUONG);
    expect((await say("/capquyen @cuong_ts lãnh đạo"))?.text).toBe(
      plain(roleTexts.granted(cuong, "leader", "private", BOT)),
    );
    expect(await roleOf(CUONG)).toBe("leader");
  });

  it("an unknown @username is refused and nothing is stored", async () => {
    expect((await say("/capquyen @nobody_here lanhdao"))?.text).toBe(plain(roleTexts.unknownUsername("nobody_here")));
    expect(await h.db.prisma.person.count()).toBe(0);
  });

  it("/thuquyen @username revokes by name", async () => {
    h.emu.addChat({ id: CUONG, type: "private", firstName: "Cường" });
    await say("/id", CUONG, CUONG);
    await say("/capquyen @cuong_ts lanhdao");
    expect((await say("/thuquyen @Cuong_TS"))?.text).toBe(plain(roleTexts.revoked(cuong)));
    expect(await roleOf(CUONG)).toBeNull();
  });
});

describe("↩️ Huỷ under a grant", () => {
  it("takes a new role back, edits the message, drops the button, tells the person", async () => {
    h.emu.addChat({ id: BINH, type: "private", firstName: "Bình" });
    const reply = await grantByReply();
    const answer = await h.emu.pressButton({
      chatId: GROUP,
      messageId: reply?.message_id ?? 0,
      fromId: ADMIN_ID,
      text: roleTexts.undoButton,
    });
    expect(answer.text).toBe(roleTexts.pressUndone);
    expect(await roleOf(BINH)).toBeNull();
    const edited = await editedText(reply?.message_id);
    expect(edited?.text).toBe(plain(roleTexts.undone(binh, "leader", null, "Quản trị")));
    expect(edited?.reply_markup).toBeUndefined();
    const told = await h.emu.waitForMessages(BINH, 2);
    expect(told[1]?.text).toBe(roleTexts.toGranteeUndone("leader"));
  });

  it("puts back the role the grant replaced", async () => {
    await grantByReply("lanhdao");
    const reply = await grantByReply("quantri");
    await h.emu.pressButton({ chatId: GROUP, messageId: reply?.message_id ?? 0, fromId: ADMIN_ID, text: "↩️ Huỷ" });
    expect(await roleOf(BINH)).toBe("leader");
    expect((await editedText(reply?.message_id))?.text).toBe(
      plain(roleTexts.undone(binh, "admin", "leader", "Quản trị")),
    );
  });

  it("is refused to a non-administrator, after the role changed again, and once revoked", async () => {
    h.emu.addUser({ id: 700, firstName: "Khách" });
    const reply = await grantByReply("lanhdao");
    const id = reply?.message_id ?? 0;
    const stranger = await h.emu.pressButton({ chatId: GROUP, messageId: id, fromId: 700, text: "↩️ Huỷ" });
    expect(stranger).toMatchObject({ text: common.adminOnly, showAlert: true });
    expect(await roleOf(BINH)).toBe("leader");
    const second = (await grantByReply("quantri"))?.message_id ?? 0;
    const late = await h.emu.pressButton({ chatId: GROUP, messageId: id, fromId: ADMIN_ID, text: "↩️ Huỷ" });
    expect(late).toMatchObject({ text: roleTexts.undoChanged, showAlert: true });
    expect(await roleOf(BINH)).toBe("admin");
    await h.emu.waitFor(() => h.emu.message(GROUP, id)?.reply_markup === undefined, { label: "stale button dropped" });
    await say("/thuquyen @binh");
    const gone = await h.emu.pressButton({ chatId: GROUP, messageId: second, fromId: ADMIN_ID, text: "↩️ Huỷ" });
    expect(gone).toMatchObject({ text: roleTexts.undoGone, showAlert: true });
  });

  it("carries the granted and the previous role within Telegram's 64 bytes, and refuses forged data", () => {
    const data = roleUndoButton.encode({ rowId: 2 ** 31 - 1, granted: "admin", previous: "officer" });
    expect(data.length).toBeLessThanOrEqual(64);
    expect(roleUndoButton.parse(data)).toEqual({ rowId: 2 ** 31 - 1, granted: "admin", previous: "officer" });
    expect(roleUndoButton.parse("rq:l-:5")).toEqual({ rowId: 5, granted: "leader", previous: null });
    for (const bad of ["rq:o-:5", "rq:lx:5", "rq:l-:0", "rq:l-:99999999999", "rq:l-"]) {
      expect(roleUndoButton.parse(bad)).toBeNull();
    }
  });
});

describe("/quyen", () => {
  it("lists the holders by name, ADMIN_IDS first; private and administrators only", async () => {
    h.emu.addChat({ id: CUONG, type: "private", firstName: "Cường" });
    await say("/id", CUONG, CUONG);
    await grantByReply("quantri");
    await say("/capquyen @cuong_ts lanhdao");
    expect((await say("/quyen"))?.text).toBe(
      plain(
        roleTexts.list([
          { telegramId: BigInt(ADMIN_ID), displayName: "Quản trị", username: null, role: "admin", configured: true },
          { ...binh, role: "admin", configured: false },
          { ...cuong, role: "leader", configured: false },
        ]),
      ),
    );
    expect((await say("/quyen", CUONG, CUONG))?.text).toBe(common.adminOnly);
    expect((await say("/quyen", GROUP))?.text).toBe(common.privateOnly);
  });
});
