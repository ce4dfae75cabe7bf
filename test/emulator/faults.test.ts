import { GrammyError, HttpError, type Bot } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Emulator, Fault } from "../../src/emulator/index.js";
import { ALICE, BOB, GROUP, makeBot, startWorld, SUPERGROUP } from "./harness.js";

let emu: Emulator;
let bot: Bot;
let now: number;

beforeEach(async () => {
  now = 1_767_225_600_000; // 2026-01-01T00:00:00Z; the rate-limit windows use this clock
  emu = await startWorld({ clock: () => now });
  bot = makeBot(emu);
});
afterEach(async () => {
  await emu.stop();
});

async function refusal(p: Promise<unknown>): Promise<GrammyError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(GrammyError);
  return err as GrammyError;
}

describe("scripted faults surface in grammY as GrammyError", () => {
  it.each<[string, Fault, number, string, Record<string, number>]>([
    ["429", { kind: "retry_after", retryAfter: 7 }, 429, "Too Many Requests: retry after 7", { retry_after: 7 }],
    ["blocked", { kind: "blocked" }, 403, "Forbidden: bot was blocked by the user", {}],
    ["kicked", { kind: "kicked" }, 403, "Forbidden: bot was kicked from the group chat", {}],
    [
      "migrated",
      { kind: "migrated", migrateToChatId: SUPERGROUP },
      400,
      "Bad Request: group chat was upgraded to a supergroup chat",
      { migrate_to_chat_id: SUPERGROUP },
    ],
    ["5xx", { kind: "server_error", status: 502 }, 502, "Bad Gateway", {}],
  ])("%s", async (_name, fault, code, description, parameters) => {
    emu.faults.add({ method: "sendMessage", chatId: GROUP, times: 2, fault });
    await bot.api.sendMessage(ALICE, "chat khác không bị ảnh hưởng");
    for (let i = 0; i < 2; i++) {
      const err = await refusal(bot.api.sendMessage(GROUP, "x"));
      expect(err).toMatchObject({ error_code: code, description, parameters });
    }
    await bot.api.sendMessage(GROUP, "lần thứ ba thành công");
    expect(emu.counters()[GROUP]).toEqual({ sent: 1, rejected: 2 });
  });

  it("network faults reach grammY as HttpError; lost_response still delivers the message", async () => {
    emu.faults.add({ method: "sendMessage", fault: { kind: "network" } });
    await expect(bot.api.sendMessage(ALICE, "a")).rejects.toBeInstanceOf(HttpError);
    expect(emu.counters()[ALICE]?.sent).toBe(0);
    emu.faults.add({ method: "sendMessage", fault: { kind: "lost_response" } });
    await expect(bot.api.sendMessage(ALICE, "b")).rejects.toBeInstanceOf(HttpError);
    expect(emu.botMessages(ALICE).map((m) => m.text)).toEqual(["b"]); // the retry would duplicate it
  });

  it("world state refuses like Telegram: blocked user, kicked bot, migrated group, unknown chat", async () => {
    emu.setBlocked(BOB, true);
    expect(await refusal(bot.api.sendMessage(BOB, "x"))).toMatchObject({
      error_code: 403,
      description: "Forbidden: bot was blocked by the user",
    });
    emu.setBotStatus(SUPERGROUP, "kicked", { notify: false });
    expect((await refusal(bot.api.sendMessage(SUPERGROUP, "x"))).description).toBe(
      "Forbidden: bot was kicked from the supergroup chat",
    );
    const newId = emu.migrateGroup(GROUP, { byId: ALICE });
    expect(await refusal(bot.api.sendMessage(GROUP, "x"))).toMatchObject({
      error_code: 400,
      parameters: { migrate_to_chat_id: newId },
    });
    await bot.api.sendMessage(newId, "gửi vào siêu nhóm");
    expect((await refusal(bot.api.sendMessage(777, "x"))).description).toBe("Bad Request: chat not found");
  });
});

describe("rate-limit mode", () => {
  it("allows 20 messages per minute in a group, then 429 with a computed retry_after", async () => {
    emu.setRateLimit({});
    for (let i = 0; i < 20; i++) {
      now += 500;
      await bot.api.sendMessage(GROUP, `tin ${i}`);
    }
    const err = await refusal(bot.api.sendMessage(GROUP, "tin 21"));
    expect(err.error_code).toBe(429);
    expect(err.parameters.retry_after).toBe(51); // first send (+0.5 s) leaves the window at +60.5 s; now is +10 s
    await bot.api.sendMessage(ALICE, "chat riêng không bị giới hạn nhóm");
    now += 51_000;
    await bot.api.sendMessage(GROUP, "sau khi chờ");
  });

  it("allows 30 messages per second overall", async () => {
    emu.setRateLimit({});
    for (let i = 0; i < 30; i++) await bot.api.sendMessage(i % 2 ? ALICE : BOB, `tin ${i}`);
    expect((await refusal(bot.api.sendMessage(ALICE, "thứ 31"))).parameters.retry_after).toBe(1);
    now += 1000;
    await bot.api.sendMessage(ALICE, "giây sau");
  });
});

describe("validation", () => {
  it("enforces the 4096-character text and 1024-character caption limits", async () => {
    await bot.api.sendMessage(ALICE, "đ".repeat(4096));
    expect((await refusal(bot.api.sendMessage(ALICE, "đ".repeat(4097)))).description).toBe(
      "Bad Request: message is too long",
    );
    // Tags do not count: the limit applies to the text after entity parsing.
    await bot.api.sendMessage(ALICE, `<b>${"a".repeat(4096)}</b>`, { parse_mode: "HTML" });
    await expect(
      bot.api.sendPhoto(ALICE, "https://example.invalid/a.png", { caption: "c".repeat(1025) }),
    ).rejects.toMatchObject({ description: "Bad Request: message caption is too long" });
    expect(emu.counters()[ALICE]).toEqual({ sent: 2, rejected: 2 });
  });

  it.each([
    ["<b>đậm", `Can't find end tag corresponding to start tag "b"`],
    ["<b>đậm</i>", `Unmatched end tag at byte offset 9, expected "</b>", found "</i>"`],
    ["đậm</b>", "Unexpected end tag at byte offset 6"], // UTF-8 bytes: đ=2, ậ=3,
    ["tỷ lệ <br> 79,2%", `Unsupported start tag "br" at byte offset 10`],
    ["a < b", "Unclosed start tag at byte offset 2"],
  ])("refuses broken HTML %j", async (html, detail) => {
    const err = await refusal(bot.api.sendMessage(ALICE, html, { parse_mode: "HTML" }));
    expect(err.description).toBe(`Bad Request: can't parse entities: ${detail}`);
  });

  it("accepts escaped HTML and returns Telegram's plain text + entities", async () => {
    const msg = await bot.api.sendMessage(ALICE, `<b>Xã A</b> &lt; 50% <a href="https://dvc.gov.vn">xem</a>`, {
      parse_mode: "HTML",
    });
    expect(msg.text).toBe("Xã A < 50% xem");
    expect(msg.entities).toEqual([
      { type: "bold", offset: 0, length: 4 },
      { type: "text_link", offset: 11, length: 3, url: "https://dvc.gov.vn" },
    ]);
  });

  it("refuses callback_data over 64 bytes and edits that change nothing", async () => {
    const long = "xã-".repeat(20); // 80 bytes in UTF-8, 60 characters
    await expect(
      bot.api.sendMessage(ALICE, "x", { reply_markup: { inline_keyboard: [[{ text: "a", callback_data: long }]] } }),
    ).rejects.toMatchObject({ description: "Bad Request: BUTTON_DATA_INVALID" });
    const msg = await bot.api.sendMessage(ALICE, "giống nhau");
    await expect(bot.api.editMessageText(ALICE, msg.message_id, "giống nhau")).rejects.toMatchObject({
      error_code: 400,
    });
  });
});
