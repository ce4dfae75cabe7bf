/**
 * Webhook mode (docs/PERFORMANCE.md): setWebhook with a secret token, updates served over node:http,
 * requests without the secret refused, a retried update handled once.
 */
import { Bot } from "grammy";
import pino from "pino";
import { afterEach, beforeEach, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { secretFromToken, startWebhook, type WebhookServer } from "../../src/instance/webhook.js";

const TOKEN = "123456789:TEST-webhook-token-AAAAAAAAAAAAAAAAAAAAA";
const USER = 501;

let emu: Emulator;
let hook: WebhookServer;
const seen = new Set<number>();
let handled = 0;

beforeEach(async () => {
  seen.clear();
  handled = 0;
  emu = await startEmulator({ token: TOKEN, botUsername: "dondoc_test_bot" });
  emu.addUser({ id: USER, firstName: "Cán bộ" });
  emu.addChat({ id: USER, type: "private", firstName: "Cán bộ" });
  const bot = new Bot(TOKEN, { botInfo: emu.bot, client: { apiRoot: emu.url } });
  // Stand-in for the ProcessedUpdate guard of src/bot/createBot.ts.
  bot.use(async (ctx, next) => {
    if (seen.has(ctx.update.update_id)) return;
    seen.add(ctx.update.update_id);
    await next();
  });
  bot.on("message:text", async (ctx) => {
    handled += 1;
    await ctx.reply(`đã nhận ${ctx.message.text}`);
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
  await hook.stop();
  await emu.stop();
});

const update = (id: number, text: string) => ({
  update_id: id,
  message: {
    message_id: id,
    date: 1_795_000_000,
    chat: { id: USER, type: "private", first_name: "Cán bộ" },
    from: { id: USER, is_bot: false, first_name: "Cán bộ" },
    text,
  },
});
const post = (body: unknown, secret?: string, path = "/tg/hook") =>
  fetch(hook.localUrl.replace("/tg/hook", path), {
    method: "POST",
    headers: { "content-type": "application/json", ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}) },
    body: JSON.stringify(body),
  });

it("registers the webhook with a secret derived from the token", () => {
  expect(emu.webhookUrl()).toBe("https://dondoc.example.gov.vn/tg/hook");
  expect(hook.secret).toBe(secretFromToken(TOKEN));
  expect(hook.secret).toMatch(/^[A-Za-z0-9_-]{1,256}$/);
});

it("handles an update carrying the secret; refuses one without it or with a wrong one", async () => {
  expect((await post(update(7001, "/nop 1"))).status).toBe(401);
  expect((await post(update(7002, "/nop 2"), "wrong")).status).toBe(401);
  expect((await post(update(7003, "/nop 3"), hook.secret, "/other")).status).toBe(404);
  expect((await post({ hello: 1 }, hook.secret)).status).toBe(400);
  expect(handled).toBe(0);
  expect((await post(update(7004, "/nop 4"), hook.secret)).status).toBe(200);
  expect(emu.botMessages(USER).map((m) => m.text)).toEqual(["đã nhận /nop 4"]);
});

it("a retried update (Telegram resends when unsure) is handled once", async () => {
  const answers = await Promise.all([1, 2, 3].map(() => post(update(7100, "/nop 100"), hook.secret)));
  expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
  expect(handled).toBe(1);
});
