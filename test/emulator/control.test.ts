import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GrammyError } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../src/emulator/index.js";
import { BOT_USERNAME, makeBot, run, startWorld, TOKEN, type Running } from "./harness.js";

let emu: Emulator;
let running: Running;

beforeEach(async () => {
  emu = await startWorld();
  const bot = makeBot(emu);
  bot.command("start", (ctx) => ctx.reply("Chào mừng đến với dondoc"));
  running = await run(bot);
});
afterEach(async () => {
  await running.stop();
  await emu.stop();
});

async function control<T>(
  method: string,
  path: string,
  body?: unknown,
  base = emu.url,
): Promise<{ status: number; json: T }> {
  const res = await fetch(`${base}/__emulator/${path}`, {
    method,
    headers: { "content-type": "application/json" },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, json: (await res.json()) as T };
}

describe("HTTP control API", () => {
  it("registers a user, injects /start, waits for the reply and reads the transcript", async () => {
    await control("POST", "users", { id: 900, firstName: "Hà" });
    await control("POST", "chats", { id: 900, type: "private" });
    const injected = await control<{ delivered: boolean }>("POST", "messages", {
      chatId: 900,
      fromId: 900,
      text: "/start",
    });
    expect(injected.json.delivered).toBe(true);
    const waited = await control<{ messages: { text: string }[] }>("POST", "wait", { chatId: 900, count: 1 });
    expect(waited.json.messages.map((m) => m.text)).toEqual(["Chào mừng đến với dondoc"]);
    const transcript = await control<{ kind: string; direction: string }[]>("GET", "transcript?chatId=900");
    expect(transcript.json.map((e) => e.direction)).toEqual(["user", "bot"]);
  });

  it("scripts faults and reports bad input with 400", async () => {
    await control("POST", "faults", { method: "sendMessage", chatId: 501, fault: { kind: "blocked" } });
    const err = await running.bot.api.sendMessage(501, "x").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GrammyError);
    const bad = await control<{ error: string }>("POST", "messages", { chatId: 12345, fromId: 501, text: "hi" });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatch(/chat 12345 is not registered/);
    expect((await control("GET", "nope")).status).toBe(404);
  });

  it("streams transcript entries over server-sent events", async () => {
    const aborter = new AbortController();
    const res = await fetch(`${emu.url}/__emulator/events`, { signal: aborter.signal });
    const reader = res.body?.getReader();
    await control("POST", "messages", { chatId: 501, fromId: 501, text: "/start" });
    let text = "";
    while (!text.includes("Chào mừng")) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      text += Buffer.from(chunk.value).toString("utf8");
    }
    aborter.abort();
    expect(text).toContain("event: transcript");
    expect(text).toContain("Chào mừng đến với dondoc");
  });
});

describe("CLI", () => {
  it("starts standalone, prints its URL, loads a seed and never prints the token", async () => {
    const dir = mkdtempSync(join(tmpdir(), "emu-"));
    const seed = join(dir, "world.json");
    writeFileSync(seed, JSON.stringify({ users: [{ id: 7, firstName: "Tú" }], chats: [{ id: 7, type: "private" }] }));
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "src/emulator/cli.ts",
        "--port",
        "0",
        "--token",
        TOKEN,
        "--username",
        BOT_USERNAME,
        "--seed",
        seed,
      ],
      {
        cwd: join(import.meta.dirname, "../.."),
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    child.stdout.on("data", (d: Buffer) => void (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => void (out += d.toString()));
    try {
      const deadline = Date.now() + 15_000;
      while (!/listening on (http:\/\/\S+)/.test(out) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1] ?? "";
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const state = await control<{ users: { id: number }[] }>("GET", "state", undefined, url);
      expect(state.json.users.map((u) => u.id)).toEqual([7]);
      await control("POST", "messages", { chatId: 7, fromId: 7, text: "/start" }, url);
      const poll = await fetch(`${url}/bot${TOKEN}/getUpdates`);
      expect(((await poll.json()) as { result: unknown[] }).result).toHaveLength(1);
      // The request's log line is the one that would carry the token: wait for it, not a while.
      const logged = Date.now() + 5_000;
      while (!out.includes("getUpdates 200") && Date.now() < logged) await new Promise((r) => setTimeout(r, 10));
      expect(out).toContain("getUpdates 200");
      expect(out).not.toContain(TOKEN);
    } finally {
      if (child.pid) process.kill(child.pid, "SIGTERM");
    }
  });
});
