/**
 * Callback data is whatever a client sends (src/render/callbackData.ts): a button carrying an id
 * beyond the database's Int range, or not a number at all, is answered with a clear alert and
 * changes nothing — no internal error, no half-done write.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { extraFeatures } from "../../src/bot/extraFeatures.js";
import { bindChat, touchChat } from "../../src/db/repos/chats.js";
import { common } from "../../src/messages/common.js";
import { ADMIN_ID, startHarness, type Harness } from "../helpers/harness.js";

const UNIT = -100501; // TN-X1
const HEAD = -100502; // the head of TN-X1
const OFFICER = 551;
const HEAD_USER = 552;
let h: Harness;

beforeEach(async () => {
  h = await startHarness({ now: "2026-11-20T09:00:00+07:00", extraFeatures: extraFeatures() });
  h.emu.addUser({ id: OFFICER, firstName: "Lan" });
  h.emu.addUser({ id: HEAD_USER, firstName: "Hùng" });
  h.emu.addChat({ id: ADMIN_ID, type: "private" });
  for (const [id, kind, title] of [
    [UNIT, "unit", "Phường Đức Xuân"],
    [HEAD, "head", "Chủ tịch phường Đức Xuân"],
  ] as const) {
    h.emu.addChat({ id, type: "supergroup", title });
    await touchChat(h.db.prisma, { chatId: BigInt(id), type: "supergroup", title });
    await bindChat(h.db.prisma, BigInt(id), kind, "TN-X1");
  }
});
afterEach(async () => h?.stop());

async function say(text: string, chatId: number, fromId: number) {
  const before = h.emu.botMessages(chatId).length;
  h.emu.injectText({ chatId, fromId, text });
  const reply = (await h.emu.waitForMessages(chatId, before + 1)).at(-1);
  if (!reply) throw new Error("no reply");
  return reply;
}

/** Everything a press could write. */
async function snapshot() {
  const p = h.db.prisma;
  return {
    figures: await p.figure.findMany({ orderBy: { id: "asc" } }),
    revisions: await p.figureRevision.findMany({ orderBy: { id: "asc" } }),
    registrations: await p.registration.findMany({ orderBy: { id: "asc" } }),
    tasks: await p.taskOccurrence.findMany({ orderBy: { id: "asc" } }),
    dossiers: await p.dossier.findMany({ orderBy: { id: "asc" } }),
    documents: await p.dossierDocument.findMany({ orderBy: { id: "asc" } }),
    pendingInputs: await p.pendingInput.findMany({ orderBy: { id: "asc" } }),
    pendingUploads: await p.pendingUpload.findMany({ orderBy: { id: "asc" } }),
    directives: await p.directive.findMany({ orderBy: { id: "asc" } }),
    outbox: await p.outboxMessage.count(),
    people: await p.person.findMany({ orderBy: { id: "asc" } }),
  };
}

/** A modified or stale client can send any callback data: put it on one of the bot's own messages. */
async function pressForged(chatId: number, fromId: number, data: string) {
  const target = await say(chatId === UNIT ? "/nop 120 95" : "/help", chatId, fromId);
  await h.bot.api.editMessageReplyMarkup(chatId, target.message_id, {
    reply_markup: { inline_keyboard: [[{ text: "Nút", callback_data: data }]] },
  });
  const before = await snapshot();
  const messages = h.emu.botMessages(chatId).length;
  const answer = await h.emu.pressButton({ chatId, messageId: target.message_id, fromId, data, timeoutMs: 3000 });
  await h.idle();
  return { answer, before, after: await snapshot(), newMessages: h.emu.botMessages(chatId).slice(messages) };
}

const BEYOND = "99999999999999999999";
const INT_MAX = 2 ** 31 - 1;

describe("forged callback data is refused with an alert and changes nothing", () => {
  it.each([
    [UNIT, OFFICER, `undo:${BEYOND}`],
    [UNIT, OFFICER, `undo:${INT_MAX + 1}`],
    [UNIT, OFFICER, "undo:0"],
    [UNIT, OFFICER, "undo:-1"],
    [UNIT, OFFICER, "undo:1e3"],
    [UNIT, OFFICER, `task:${BEYOND}`],
    [UNIT, OFFICER, `task:${INT_MAX + 1}`],
    [UNIT, OFFICER, `dx:a:${BEYOND}`],
    [UNIT, OFFICER, `dx:g:${INT_MAX + 1}`],
    [UNIT, OFFICER, `dx:r:${BEYOND}`],
    [UNIT, OFFICER, `dx:s:${BEYOND}`],
    [UNIT, OFFICER, "dx:z:1"],
    [UNIT, OFFICER, `dx:rc:${BEYOND}`],
    [UNIT, OFFICER, `tk:c:${INT_MAX + 1}`],
    [UNIT, OFFICER, `hs:${BEYOND}`],
    [UNIT, OFFICER, "cal:d:20261301"],
    [HEAD, HEAD_USER, `dx:ok:${BEYOND}`],
    [HEAD, HEAD_USER, `dx:no:${INT_MAX + 1}`],
    [UNIT, OFFICER, `up:ok:${BEYOND}`],
    [UNIT, OFFICER, `up:no:${INT_MAX + 1}`],
    [UNIT, OFFICER, `uu:${BEYOND}`],
    [UNIT, OFFICER, "uu:0"],
    [ADMIN_ID, ADMIN_ID, `reg:ok:${BEYOND}`],
    [ADMIN_ID, ADMIN_ID, `reg:no:${INT_MAX + 1}`],
    [ADMIN_ID, ADMIN_ID, `dv:p:${INT_MAX + 1}`],
    [ADMIN_ID, ADMIN_ID, "dp:ok:999999999999"],
    [ADMIN_ID, ADMIN_ID, `rq:l-:${BEYOND}`],
    [ADMIN_ID, ADMIN_ID, `rq:ao:${INT_MAX + 1}`],
    [ADMIN_ID, ADMIN_ID, "rq:o-:1"],
  ])("in chat %s, from %s: %s", async (chatId, fromId, data) => {
    const r = await pressForged(chatId, fromId, data);
    expect(r.answer).toMatchObject({ answered: true, showAlert: true, text: common.badButton });
    expect(r.after).toEqual(r.before);
    expect(r.newMessages).toEqual([]);
  });

  it.each([
    [UNIT, OFFICER, `undo:${INT_MAX}`, "Không tìm thấy báo cáo"],
    [UNIT, OFFICER, `task:${INT_MAX}`, "không còn"],
    [UNIT, OFFICER, `uu:${INT_MAX}`, "Không tìm thấy số liệu đã lưu"],
    [ADMIN_ID, ADMIN_ID, `reg:ok:${INT_MAX}`, "Không tìm thấy yêu cầu"],
  ])("an id at the Int limit is looked up and not found: %s %s %s", async (chatId, fromId, data, expected) => {
    const r = await pressForged(chatId, fromId, data);
    expect(r.answer).toMatchObject({ answered: true, showAlert: true });
    expect(r.answer.text).toContain(expected);
    expect(r.after).toEqual(r.before);
  });
});
