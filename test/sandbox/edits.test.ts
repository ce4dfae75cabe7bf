/**
 * The sandbox page shows a pressed message as Telegram would after the bot edits it: the new text,
 * "đã sửa", and no stale buttons — both in the page's snapshot and in the live event it receives.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { chatMessages, toViewEvent } from "../../src/sandbox/view.js";

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
