/**
 * The sandbox page shows a pressed message as Telegram would after the bot edits it: the new text,
 * "đã sửa", and no stale buttons — both in the page's snapshot and in the live event it receives.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { chatMessages, forceReplyOf, toViewEvent } from "../../src/sandbox/view.js";

const TOKEN = "123:edits";
const GROUP = -100700;
let emu: Emulator;
beforeEach(async () => {
  emu = await startEmulator({ token: TOKEN, botUsername: "dondoc_edits_bot" });
  emu.addChat({ id: GROUP, type: "supergroup", title: "Phường thử" });
});
afterEach(async () => emu.stop());

async function api(method: string, body: Record<string, unknown>): Promise<{ message_id: number }> {
  const res = await fetch(`${emu.url}/bot${TOKEN}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { ok: boolean; result: { message_id: number } };
  if (!json.ok) throw new Error(JSON.stringify(json));
  return json.result;
}

describe("sandbox view of edited messages", () => {
  it("draws the edited text, marks it 'edited' and drops the buttons the edit removed", async () => {
    const sent = await api("sendMessage", {
      chat_id: GROUP,
      text: "<b>Nhắc việc</b>",
      parse_mode: "HTML",
      reply_markup: { inline_keyboard: [[{ text: "✅ Xong T-1", callback_data: "task:1" }]] },
    });
    expect(chatMessages(emu, GROUP)[0]).toMatchObject({ edited: false, buttons: [[{ text: "✅ Xong T-1" }]] });
    await api("editMessageText", {
      chat_id: GROUP,
      message_id: sent.message_id,
      text: "<b>Nhắc việc</b>\n\n<b>✅ Xong T-1 — Lan, 08:05 23/11/2026</b>",
      parse_mode: "HTML",
    });
    const [drawn] = chatMessages(emu, GROUP);
    expect(drawn).toMatchObject({ edited: true, buttons: [] });
    expect(drawn?.text).toContain("✅ Xong T-1 — Lan");
    const edit = emu.transcript(GROUP).find((e) => e.kind === "edit");
    expect(edit && toViewEvent(emu, GROUP, edit)).toMatchObject({
      type: "edit",
      message: { edited: true, buttons: [] },
    });
  });
});

describe("sandbox view of a selective question", () => {
  it("names the only users the reply bar opens for: the one replied to and the one mentioned", async () => {
    emu.addUser({ id: 501, firstName: "Lan" });
    emu.addUser({ id: 502, firstName: "Tuấn" });
    const asked = emu.injectText({ chatId: GROUP, fromId: 501, text: "/xong" });
    await api("sendMessage", {
      chat_id: GROUP,
      text: '<a href="tg://user?id=502">Tuấn</a>: lý do?',
      parse_mode: "HTML",
      reply_parameters: { message_id: asked.message.message_id },
      reply_markup: { force_reply: true, selective: true },
    });
    await api("sendMessage", { chat_id: GROUP, text: "ai cũng trả lời", reply_markup: { force_reply: true } });
    const [, selective, open] = chatMessages(emu, GROUP);
    expect(selective).toMatchObject({ forceReply: true });
    expect(selective?.replyFor?.sort()).toEqual([501, 502]);
    expect(open).toMatchObject({ forceReply: true });
    expect(open?.replyFor).toBeUndefined();
    expect(forceReplyOf({ reply_markup: { force_reply: true, selective: true } })).toEqual({ selective: true });
  });
});
