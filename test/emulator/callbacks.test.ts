import { InlineKeyboard } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../src/emulator/index.js";
import { ALICE, GROUP, makeBot, run, startWorld, type Running } from "./harness.js";

let emu: Emulator;
let running: Running;

beforeEach(async () => {
  emu = await startWorld();
  const bot = makeBot(emu);
  bot.command("xacnhan", (ctx) =>
    ctx.reply("Xác nhận số liệu tuần 3?", {
      reply_markup: new InlineKeyboard().text("Đồng ý", "ok:w3").text("Sửa lại", "edit:w3"),
      reply_parameters: { message_id: ctx.msg.message_id },
    }),
  );
  bot.callbackQuery("ok:w3", async (ctx) => {
    await ctx.answerCallbackQuery({ text: "Đã ghi nhận" });
    await ctx.editMessageText("✅ Đã xác nhận số liệu tuần 3");
  });
  bot.callbackQuery("edit:w3", async (ctx) => {
    await ctx.editMessageReplyMarkup({ reply_markup: new InlineKeyboard().text("Gửi lại", "ok:w3") });
  });
  bot.command("force", (ctx) => ctx.reply("Nhập số hồ sơ:", { reply_markup: { force_reply: true } }));
  running = await run(bot);
});
afterEach(async () => {
  await running.stop();
  await emu.stop();
});

describe("inline buttons", () => {
  it("presses a button, records the answer and the edit", async () => {
    const cmd = emu.injectText({ chatId: GROUP, fromId: ALICE, text: "/xacnhan" });
    const [prompt] = await emu.waitForMessages(GROUP, 1);
    expect(prompt?.reply_to_message?.message_id).toBe(cmd.message.message_id);
    expect(prompt?.reply_markup?.inline_keyboard[0]?.map((b) => b.text)).toEqual(["Đồng ý", "Sửa lại"]);
    const answer = await emu.pressButton({
      chatId: GROUP,
      messageId: prompt?.message_id ?? 0,
      fromId: ALICE,
      data: "ok:w3",
    });
    expect(answer).toMatchObject({ answered: true, text: "Đã ghi nhận", showAlert: false });
    await emu.waitFor(() => emu.message(GROUP, prompt?.message_id ?? 0)?.edit_date);
    const edited = emu.message(GROUP, prompt?.message_id ?? 0);
    expect(edited?.text).toBe("✅ Đã xác nhận số liệu tuần 3");
    expect(edited?.reply_markup).toBeUndefined();
    expect(emu.transcript(GROUP).map((e) => e.kind)).toEqual([
      "message",
      "message",
      "button_press",
      "callback_answer",
      "edit",
    ]);
  });

  it("finds a button by its text; an unanswered query resolves as not answered", async () => {
    emu.injectText({ chatId: GROUP, fromId: ALICE, text: "/xacnhan" });
    const [prompt] = await emu.waitForMessages(GROUP, 1);
    const id = prompt?.message_id ?? 0;
    const answer = await emu.pressButton({
      chatId: GROUP,
      messageId: id,
      fromId: ALICE,
      text: "Sửa lại",
      timeoutMs: 300,
    });
    expect(answer.answered).toBe(false);
    expect(emu.message(GROUP, id)?.reply_markup?.inline_keyboard).toEqual([
      [{ text: "Gửi lại", callback_data: "ok:w3" }],
    ]);
    expect(() => emu.pressButton({ chatId: GROUP, messageId: id, fromId: ALICE, data: "edit:w3" })).toThrow(
      /buttons: Gửi lại/,
    );
  });

  it("records force_reply markup as sent (not echoed on the Message, as in Telegram)", async () => {
    emu.injectText({ chatId: ALICE, fromId: ALICE, text: "/force" });
    const [msg] = await emu.waitForMessages(ALICE, 1);
    expect(msg?.reply_markup).toBeUndefined();
    const entry = emu.transcript(ALICE).at(-1);
    expect(entry?.kind === "message" && entry.sent?.reply_markup).toEqual({ force_reply: true });
  });
});
