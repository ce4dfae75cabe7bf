/**
 * Webhook mode serves chats side by side too (src/instance/webhook.ts): Telegram opens several
 * connections, and an update of one chat waits for that chat's earlier one, never for another chat's.
 */
import { Bot } from "grammy";
import pino from "pino";
import { afterEach, beforeEach, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { startWebhook, type WebhookServer } from "../../src/instance/webhook.js";

const TOKEN = "123456789:TEST-hook-chats-token-AAAAAAAAAAAAAAAAAA";
const [A, B] = [801, 802];

let emu: Emulator;
let hook: WebhookServer;
let open: () => void = () => undefined;
const handled: string[] = [];
let slowStarted = false;

beforeEach(async () => {
  handled.length = 0;
  slowStarted = false;
  emu = await startEmulator({ token: TOKEN, botUsername: "dondoc_test_bot" });
  const opened = new Promise<void>((resolve) => (open = resolve));
  const bot = new Bot(TOKEN, { botInfo: emu.bot, client: { apiRoot: emu.url } });
  bot.on("message:text", async (ctx) => {
    if (ctx.message.text === "chậm") {
      slowStarted = true;
      await opened;
    }
    handled.push(`${ctx.chat.id}:${ctx.message.text}`);
  });
  hook = await startWebhook({
    bot,
    logger: pino({ level: "silent" }),
    url: "https://dondoc.example.gov.vn/tg/hook",
    port: 0,
    host: "127.0.0.1",
  });
});
afterEach(async () => {
  open();
  await hook.stop();
  await emu.stop();
});

const update = (id: number, chat: number, text: string) => ({
  update_id: id,
  message: {
    message_id: id,
    date: 1_795_000_000,
    chat: { id: chat, type: "private", first_name: "Cán bộ" },
    from: { id: chat, is_bot: false, first_name: "Cán bộ" },
    text,
  },
});
const post = (body: unknown) =>
  fetch(hook.localUrl, {
    method: "POST",
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": hook.secret },
    body: JSON.stringify(body),
  });

it("a chat's updates keep their order; another chat is not held by a slow one", async () => {
  const slow = post(update(9001, A, "chậm"));
  await emu.waitFor(() => slowStarted, { timeoutMs: 5_000, label: "slow update running" });
  const after = post(update(9002, A, "sau"));
  expect((await post(update(9003, B, "khác"))).status).toBe(200);
  expect(handled).toEqual([`${B}:khác`]); // "sau" waits behind "chậm"
  open();
  expect([(await slow).status, (await after).status]).toEqual([200, 200]);
  expect(handled).toEqual([`${B}:khác`, `${A}:chậm`, `${A}:sau`]);
});
