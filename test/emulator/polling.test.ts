import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import type { Emulator } from "../../src/emulator/index.js";
import { ALICE, BOT_USERNAME, makeBot, run, seen, sleep, startWorld, TOKEN, type Running } from "./harness.js";

let emu: Emulator;
let running: Running | undefined;

beforeEach(async () => {
  emu = await startWorld();
});
afterEach(async () => {
  await running?.stop();
  running = undefined;
  await emu.stop();
});

async function api<T>(
  method: string,
  params: Record<string, unknown> = {},
): Promise<{ status: number; body: { ok: boolean; result: T } }> {
  const res = await fetch(`${emu.url}/bot${TOKEN}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(params),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; result: T } };
}

describe("long polling with a real grammY bot", () => {
  it("answers /start: getMe, entities and sendMessage round-trip", async () => {
    const bot = makeBot(emu);
    bot.command("start", (ctx) => ctx.reply(`Xin chào ${ctx.from?.first_name ?? ""}!`));
    running = await run(bot);
    expect(bot.botInfo.username).toBe(BOT_USERNAME);
    emu.injectText({ chatId: ALICE, fromId: ALICE, text: "/start" });
    const [reply] = await emu.waitForMessages(ALICE, 1);
    expect(reply?.text).toBe("Xin chào Lan!");
    expect(reply?.from?.id).toBe(emu.bot.id);
    expect(emu.transcript(ALICE).map((e) => e.kind)).toEqual(["message", "message"]);
  });

  it("holds getUpdates open instead of busy-looping (timeout=1 → ~2 calls in 2 s idle)", async () => {
    const bot = makeBot(emu);
    running = await run(bot, { timeout: 1 });
    const before = emu.calls("getUpdates");
    await sleep(2000);
    const polls = emu.calls("getUpdates") - before;
    expect(polls).toBeGreaterThanOrEqual(1);
    expect(polls).toBeLessThanOrEqual(4);
  });

  it("returns a held long poll as soon as an update is injected", async () => {
    const bot = makeBot(emu);
    bot.on("message:text", (ctx) => ctx.reply("ok"));
    running = await run(bot, { timeout: 30 });
    await sleep(300); // let the 30 s poll be in flight
    const t0 = Date.now();
    emu.injectText({ chatId: ALICE, fromId: ALICE, text: "ping" });
    await emu.waitForMessages(ALICE, 1);
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it("delivers an injected duplicate update_id twice", async () => {
    const bot = makeBot(emu);
    const ids = seen(bot);
    running = await run(bot);
    const first = emu.injectText({ chatId: ALICE, fromId: ALICE, text: "một" });
    await emu.waitFor(() => ids.length === 1);
    emu.redeliver(first.updateId ?? -1); // after confirmation, like a Telegram-side redelivery
    const raw = emu.injectRaw({ message: first.message }, { times: 2 });
    await emu.waitFor(() => ids.length === 4);
    expect(ids).toEqual([first.updateId, first.updateId, raw, raw]);
  });
});

describe("getUpdates semantics over raw HTTP", () => {
  it("confirms with offset, limits and waits for the timeout", async () => {
    const ids = [1, 2, 3].map((n) => emu.injectText({ chatId: ALICE, fromId: ALICE, text: `m${n}` }).updateId ?? 0);
    await sleep(5);
    const all = await api<Update[]>("getUpdates");
    expect(all.body.result.map((u) => u.update_id)).toEqual(ids);
    const again = await api<Update[]>("getUpdates", { limit: 1 });
    expect(again.body.result.map((u) => u.update_id)).toEqual(ids.slice(0, 1)); // not confirmed yet
    const rest = await api<Update[]>("getUpdates", { offset: ids[1] ?? 0 });
    expect(rest.body.result.map((u) => u.update_id)).toEqual(ids.slice(1));
    const last = await api<Update[]>("getUpdates", { offset: -1 });
    expect(last.body.result.map((u) => u.update_id)).toEqual(ids.slice(2));
    const t0 = Date.now();
    const empty = await api<Update[]>("getUpdates", { offset: (ids[2] ?? 0) + 1, timeout: 1 });
    expect(empty.body.result).toEqual([]);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
  });

  it("ends a held poll with 409 when a second poller arrives", async () => {
    const first = api("getUpdates", { timeout: 5 });
    await sleep(100);
    const second = api("getUpdates", { timeout: 0 });
    expect((await second).status).toBe(200);
    await sleep(100);
    const third = api("getUpdates", { timeout: 1 });
    expect((await first).status).toBe(409);
    expect((await third).status).toBe(200);
  });

  it("refuses an unknown token with 401 and an unknown method with 404", async () => {
    const bad = await fetch(`${emu.url}/bot999:WRONG/getMe`);
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ ok: false, error_code: 401, description: "Unauthorized" });
    expect((await api("noSuchMethod")).status).toBe(404);
  });

  it("records setWebhook and refuses getUpdates while it is set", async () => {
    await api("setWebhook", { url: "https://example.invalid/hook" });
    expect(emu.webhookUrl()).toBe("https://example.invalid/hook");
    expect((await api("getUpdates")).status).toBe(409);
    await api("deleteWebhook", { drop_pending_updates: true });
    expect((await api("getUpdates")).status).toBe(200);
  });
});
