/**
 * /nop's undo button and leaders' chats (src/bot/features/report.ts): every refusal answers
 * with the text the user sees and leaves figures and their history exactly as they were.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bindChat, touchChat } from "../../src/db/repos/chats.js";
import { parseHtml } from "../../src/emulator/html.js";
import { reportTexts } from "../../src/messages/report.js";
import { startHarness, type Harness } from "../helpers/harness.js";

const CHAT_A = -100431; // reports for TN-X1
const CHAT_B = -100432; // reports for TN-X2
const LEADERS = -100439; // leaders' chat over TN
const OFFICER = 631;
let h: Harness;

const plain = (html: string) => parseHtml(html).text;

beforeEach(async () => {
  h = await startHarness({ now: "2026-11-20T09:00:00+07:00" });
  h.emu.addUser({ id: OFFICER, firstName: "Lan" });
  for (const [id, kind, unit, title] of [
    [CHAT_A, "unit", "TN-X1", "Phường Đức Xuân"],
    [CHAT_B, "unit", "TN-X2", "Xã Nông Thượng"],
    [LEADERS, "leaders", "TN", "Lãnh đạo tỉnh"],
  ] as const) {
    h.emu.addChat({ id, type: "supergroup", title });
    await touchChat(h.db.prisma, { chatId: BigInt(id), type: "supergroup", title });
    await bindChat(h.db.prisma, BigInt(id), kind, unit);
  }
});
afterEach(async () => h?.stop());

async function say(text: string, chatId: number, fromId = OFFICER) {
  const before = h.emu.botMessages(chatId).length;
  h.emu.injectText({ chatId, fromId, text });
  const reply = (await h.emu.waitForMessages(chatId, before + 1)).at(-1);
  if (!reply) throw new Error("no reply");
  return reply;
}

/** Reports in a chat and returns the reply carrying the undo button, and the revision it undoes. */
async function report(chatId: number, text: string) {
  const reply = await say(text, chatId);
  const button = reply.reply_markup?.inline_keyboard?.flat()[0];
  const data = button && "callback_data" in button ? (button.callback_data ?? "") : "";
  expect(data).toMatch(/^undo:\d+$/);
  return { reply, data, revisionId: Number(data.slice("undo:".length)) };
}

const figures = async () => ({
  figures: await h.db.prisma.figure.findMany({ orderBy: { id: "asc" } }),
  revisions: await h.db.prisma.figureRevision.findMany({ orderBy: { id: "asc" } }),
});

/**
 * Puts a button with the given callback data on one of the bot's own messages, through the
 * Bot API. Telegram clients can send any callback data, and a stale client can press a button
 * the bot has already removed: this is how such presses reach the bot.
 */
async function setButton(chatId: number, messageId: number, data: string) {
  await h.bot.api.editMessageReplyMarkup(chatId, messageId, {
    reply_markup: { inline_keyboard: [[{ text: reportTexts.undoButton, callback_data: data }]] },
  });
}

describe("the undo button refuses what it must not undo", () => {
  it("a press in another unit's chat carrying this unit's revision finds nothing and changes nothing", async () => {
    const a = await report(CHAT_A, "/nop 120 95");
    const b = await report(CHAT_B, "/nop 200 150");
    await setButton(CHAT_B, b.reply.message_id, a.data);
    const before = await figures();
    const answer = await h.emu.pressButton({
      chatId: CHAT_B,
      messageId: b.reply.message_id,
      fromId: OFFICER,
      data: a.data,
    });
    expect(answer).toMatchObject({ answered: true, showAlert: true });
    expect(answer.text).toContain("Không tìm thấy báo cáo");
    expect(await figures()).toEqual(before);
    expect(before.figures.map((f) => [f.unitCode, f.numerator, f.denominator])).toEqual([
      ["TN-X1", 95, 120],
      ["TN-X2", 150, 200],
    ]);
    expect(before.revisions.every((r) => !r.undone)).toBe(true);
  });

  it("a chat re-bound to another unit cannot undo its old unit's report", async () => {
    const a = await report(CHAT_A, "/nop 120 95");
    await bindChat(h.db.prisma, BigInt(CHAT_A), "unit", "TN-X2");
    const before = await figures();
    const answer = await h.emu.pressButton({
      chatId: CHAT_A,
      messageId: a.reply.message_id,
      fromId: OFFICER,
      data: a.data,
    });
    expect(answer.text).toContain("Không tìm thấy báo cáo");
    expect(await figures()).toEqual(before);
  });

  it("a chat no longer bound to a unit cannot undo", async () => {
    const a = await report(CHAT_A, "/nop 120 95");
    await h.db.prisma.chat.update({ where: { chatId: BigInt(CHAT_A) }, data: { active: false } });
    const before = await figures();
    const answer = await h.emu.pressButton({
      chatId: CHAT_A,
      messageId: a.reply.message_id,
      fromId: OFFICER,
      data: a.data,
    });
    expect(answer).toMatchObject({ answered: true, showAlert: true });
    expect(answer.text).toContain("không còn gắn với đơn vị");
    expect(await figures()).toEqual(before);
  });

  it("a second press after a successful undo is refused as already undone and changes nothing", async () => {
    await report(CHAT_A, "/nop 120 90");
    const second = await report(CHAT_A, "/nop 120 95");
    const first = await h.emu.pressButton({
      chatId: CHAT_A,
      messageId: second.reply.message_id,
      fromId: OFFICER,
      data: second.data,
    });
    expect(first.text).toContain("hoàn tác");
    await h.emu.waitFor(() =>
      h.emu.botMessages(CHAT_A).find((m) => m.text === plain(reportTexts.undone({ numerator: 90, denominator: 120 }))),
    );
    // The bot removed the button; a stale client still shows it.
    expect(h.emu.message(CHAT_A, second.reply.message_id)?.reply_markup?.inline_keyboard?.flat() ?? []).toHaveLength(0);
    await setButton(CHAT_A, second.reply.message_id, second.data);
    const before = await figures();
    expect(before.figures).toEqual([expect.objectContaining({ unitCode: "TN-X1", numerator: 90, denominator: 120 })]);
    expect(before.revisions.map((r) => [r.action, r.undone])).toEqual([
      ["create", false],
      ["update", true],
      ["undo", false],
    ]);
    const messagesBefore = h.emu.botMessages(CHAT_A).length;
    const again = await h.emu.pressButton({
      chatId: CHAT_A,
      messageId: second.reply.message_id,
      fromId: OFFICER,
      data: second.data,
    });
    expect(again).toMatchObject({ answered: true, text: reportTexts.undoAlready, showAlert: true });
    expect(await figures()).toEqual(before);
    await h.idle();
    expect(h.emu.botMessages(CHAT_A)).toHaveLength(messagesBefore);
  });

  it("a double tap undoes once: the second press is told it is already undone", async () => {
    const only = await report(CHAT_A, "/nop 120 95");
    const presses = [0, 1].map(() =>
      h.emu.pressButton({ chatId: CHAT_A, messageId: only.reply.message_id, fromId: OFFICER, data: only.data }),
    );
    const answers = (await Promise.all(presses)).map((a) => a.text);
    expect(answers.filter((t) => t === reportTexts.undoAlready)).toHaveLength(1);
    const after = await figures();
    expect(after.figures).toEqual([]);
    expect(after.revisions.map((r) => [r.action, r.undone])).toEqual([
      ["create", true],
      ["undo", false],
    ]);
    await h.emu.waitFor(() => h.emu.botMessages(CHAT_A).find((m) => m.text === plain(reportTexts.undone(null))));
  });
});

describe("an undo cannot itself be undone", () => {
  it.each([
    ["a correction", ["/nop 120 90", "/nop 120 95"], [{ unitCode: "TN-X1", numerator: 90, denominator: 120 }]],
    ["a first report", ["/nop 120 95"], []],
  ])(
    "undoing %s, then pressing undo on the undo's revision, is refused and changes nothing",
    async (_, reports, figuresLeft) => {
      let last: Awaited<ReturnType<typeof report>> | undefined;
      for (const text of reports) last = await report(CHAT_A, text);
      if (!last) throw new Error("no report");
      // The press is answered once the undo is written.
      expect(
        (
          await h.emu.pressButton({
            chatId: CHAT_A,
            messageId: last.reply.message_id,
            fromId: OFFICER,
            data: last.data,
          })
        ).text,
      ).toContain("hoàn tác");
      const undo = await h.db.prisma.figureRevision.findFirstOrThrow({ where: { action: "undo" } });
      await setButton(CHAT_A, last.reply.message_id, `undo:${undo.id}`);
      const before = await figures();
      expect(before.figures).toEqual(figuresLeft.map((f) => expect.objectContaining(f)));
      const answer = await h.emu.pressButton({
        chatId: CHAT_A,
        messageId: last.reply.message_id,
        fromId: OFFICER,
        data: `undo:${undo.id}`,
        timeoutMs: 3000,
      });
      expect(answer).toMatchObject({ answered: true, text: reportTexts.undoOfUndo, showAlert: true });
      expect(await figures()).toEqual(before);
    },
  );
});

describe("/nop in a leaders' chat", () => {
  it.each(["/nop 10 5", "/nop", "/nop hs-truc-tuyen 5 10 thang 10/2026"])(
    "%s is refused and no figure is written",
    async (text) => {
      const reply = await say(text, LEADERS);
      expect(reply.text).toBe(plain(reportTexts.leadersCannotReport));
      expect(reply.reply_markup).toBeUndefined();
      expect(await h.db.prisma.figure.count()).toBe(0);
      expect(await h.db.prisma.figureRevision.count()).toBe(0);
    },
  );
});
