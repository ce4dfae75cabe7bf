import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../src/emulator/index.js";
import {
  ALICE,
  BOB,
  BOT_USERNAME,
  GROUP,
  makeBot,
  run,
  seen,
  startWorld,
  SUPERGROUP,
  type Running,
} from "./harness.js";

let emu: Emulator;
let running: Running;
let texts: string[];
let ids: number[];

beforeEach(async () => {
  emu = await startWorld();
  const bot = makeBot(emu);
  ids = seen(bot);
  texts = [];
  bot.command("baocao", async (ctx) => {
    texts.push(`cmd:${ctx.message?.text ?? ""}`);
    await ctx.reply("Đã nhận lệnh.");
  });
  bot.on("message:text", (ctx) => void texts.push(ctx.message.text));
  bot.on("my_chat_member", (ctx) => void texts.push(`status:${ctx.myChatMember.new_chat_member.status}`));
  running = await run(bot);
});
afterEach(async () => {
  await running.stop();
  await emu.stop();
});

/** Injects, then waits until the bot has polled past it (delivered or not). */
async function say(chatId: number, text: string, replyToMessageId?: number): Promise<boolean> {
  const r = emu.injectText({ chatId, fromId: BOB, text, ...(replyToMessageId ? { replyToMessageId } : {}) });
  if (r.delivered) await emu.waitFor(() => ids.includes(r.updateId ?? -1));
  return r.delivered;
}

describe("group privacy mode", () => {
  it.each([GROUP, SUPERGROUP])(
    "delivers only commands, mentions and replies to a non-admin bot (chat %i)",
    async (chat) => {
      expect(await say(chat, "Xã mình hôm nay nộp 12 hồ sơ")).toBe(false);
      expect(await say(chat, "/baocao")).toBe(true);
      expect(await say(chat, `/baocao@${BOT_USERNAME} tuần 3`)).toBe(true);
      expect(await say(chat, "/baocao@some_other_bot")).toBe(false);
      expect(await say(chat, `nhờ @${BOT_USERNAME} tổng hợp`)).toBe(true);
      const [botReply] = await emu.waitForMessages(chat, 2);
      expect(await say(chat, "trả lời bot", botReply?.message_id)).toBe(true);
      const userMsg = emu.transcript(chat).find((e) => e.kind === "message" && e.direction === "user");
      expect(
        await say(chat, "trả lời người", userMsg?.kind === "message" ? userMsg.message.message_id : undefined),
      ).toBe(false);
      expect(texts).toEqual([
        "cmd:/baocao",
        `cmd:/baocao@${BOT_USERNAME} tuần 3`,
        `nhờ @${BOT_USERNAME} tổng hợp`,
        "trả lời bot",
      ]);
      // Undelivered messages stay in the transcript, flagged.
      const flags = emu
        .transcript(chat)
        .flatMap((e) => (e.kind === "message" && e.direction === "user" ? [e.delivered] : []));
      expect(flags).toEqual([false, true, true, false, true, true, false]);
    },
  );

  it("computes Telegram's entities for /cmd@botname and @mentions", () => {
    const r = emu.injectText({ chatId: GROUP, fromId: BOB, text: `/baocao@${BOT_USERNAME} gửi @lan_ubnd` });
    expect(r.message.entities).toEqual([
      { type: "bot_command", offset: 0, length: 8 + BOT_USERNAME.length },
      { type: "mention", offset: 13 + BOT_USERNAME.length, length: 9 },
    ]);
  });

  it("delivers everything once the bot is promoted (my_chat_member), and nothing after it is kicked", async () => {
    const updateId = emu.setBotStatus(GROUP, "administrator", { byId: ALICE });
    await emu.waitFor(() => ids.includes(updateId ?? -1));
    expect(texts).toEqual(["status:administrator"]);
    expect(await say(GROUP, "tin nhắn thường")).toBe(true);
    await emu.waitFor(() => texts.length === 2);
    const kicked = emu.setBotStatus(GROUP, "kicked", { byId: ALICE });
    await emu.waitFor(() => ids.includes(kicked ?? -1));
    expect(await say(GROUP, "/baocao")).toBe(false);
    expect(texts).toEqual(["status:administrator", "tin nhắn thường", "status:kicked"]);
  });

  it("can be switched off like /setprivacy Disable", async () => {
    const open = await startWorld({ privacyMode: false });
    expect(open.bot.can_read_all_group_messages).toBe(true);
    expect(open.injectText({ chatId: GROUP, fromId: BOB, text: "bất kỳ" }).delivered).toBe(true);
    await open.stop();
  });
});
