/**
 * The bot's own HTTP client for Bot API calls (src/bot/botApiFetch.ts) must answer grammY as
 * node-fetch did: Telegram's refusals as GrammyError, the network as HttpError, uploads as
 * multipart, keep-alive connections, an abort that ends the request, compressed answers decoded.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { Bot, GrammyError, HttpError, InputFile } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { botApiClient, botApiFetch } from "../../src/bot/botApiFetch.js";
import type { Emulator } from "../../src/emulator/index.js";
import { ALICE, GROUP, startWorld, TOKEN } from "../emulator/harness.js";

describe("against the emulator", () => {
  let emu: Emulator;
  let bot: Bot;
  beforeEach(async () => {
    emu = await startWorld();
    bot = new Bot(TOKEN, { client: botApiClient(emu.url) });
  });
  afterEach(async () => {
    await emu.stop();
  });

  it("sends, and Telegram's refusals arrive as GrammyError with their parameters", async () => {
    const sent = await bot.api.sendMessage(GROUP, "<b>Đã ghi</b> số liệu", { parse_mode: "HTML" });
    expect(sent.text).toBe("Đã ghi số liệu");
    emu.faults.add({ method: "sendMessage", fault: { kind: "retry_after", retryAfter: 7 } });
    const err = await bot.api.sendMessage(GROUP, "x").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GrammyError);
    expect(err).toMatchObject({ error_code: 429, parameters: { retry_after: 7 } });
  });

  it("a dropped connection is an HttpError, before or after Telegram acted", async () => {
    emu.faults.add({ method: "sendMessage", fault: { kind: "network" } });
    await expect(bot.api.sendMessage(ALICE, "a")).rejects.toBeInstanceOf(HttpError);
    emu.faults.add({ method: "sendMessage", fault: { kind: "lost_response" } });
    await expect(bot.api.sendMessage(ALICE, "b")).rejects.toBeInstanceOf(HttpError);
    expect(emu.botMessages(ALICE).map((m) => m.text)).toEqual(["b"]);
  });

  it("uploads a file as multipart", async () => {
    const bytes = Buffer.from("Số liệu tháng 11/2026\n".repeat(2_000));
    const msg = await bot.api.sendDocument(GROUP, new InputFile(bytes, "so-lieu.txt"), { caption: "Báo cáo" });
    expect(msg.document?.file_name).toBe("so-lieu.txt");
    expect(msg.document?.file_size).toBe(bytes.length);
    expect(msg.caption).toBe("Báo cáo");
  });

  it("an abort ends a long poll at once", async () => {
    const abort = new AbortController();
    const started = Date.now();
    const poll = bot.api.getUpdates({ timeout: 30 }, abort.signal as never);
    setTimeout(() => abort.abort(), 50);
    await expect(poll).rejects.toBeInstanceOf(HttpError);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe("against a plain HTTP server", () => {
  let server: Server;
  let root: string;
  let connections: number;
  let handler: (req: IncomingMessage, res: ServerResponse) => void;
  beforeEach(async () => {
    connections = 0;
    server = createServer((req, res) => handler(req, res));
    server.on("connection", () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const ok = (res: ServerResponse, body: string) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(body);
  };

  it("reuses one keep-alive connection for calls made one after another", async () => {
    handler = (req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString("utf8")));
      req.on("end", () => ok(res, JSON.stringify({ ok: true, result: JSON.parse(body) })));
    };
    const bot = new Bot(TOKEN, { client: botApiClient(root) });
    for (let i = 0; i < 5; i++) await bot.api.raw.sendChatAction({ chat_id: i, action: "typing" });
    expect(connections).toBe(1);
  });

  it("a body that is not JSON (a proxy's error page) is an HttpError", async () => {
    handler = (_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html>Bad Gateway</html>");
    };
    const bot = new Bot(TOKEN, { client: botApiClient(root) });
    await expect(bot.api.getMe()).rejects.toBeInstanceOf(HttpError);
  });

  it("asks for compression when told to and decodes a gzip answer", async () => {
    let asked: string | undefined;
    handler = (req, res) => {
      asked = req.headers["accept-encoding"];
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      res.end(gzipSync(JSON.stringify({ ok: true, result: "nén" })));
    };
    const res = await botApiFetch(`${root}/botX/getMe`, { method: "POST", body: "{}", compress: true });
    expect(await res.json()).toEqual({ ok: true, result: "nén" });
    expect(asked).toMatch(/gzip/);
  });

  it("an abort ends a request the server never answers, with an AbortError", async () => {
    handler = () => undefined;
    const abort = new AbortController();
    const call = botApiFetch(`${root}/botX/getUpdates`, { method: "POST", body: "{}", signal: abort.signal });
    setTimeout(() => abort.abort(), 30);
    await expect(call).rejects.toMatchObject({ name: "AbortError" });
    const again = new AbortController();
    again.abort();
    await expect(botApiFetch(`${root}/botX/getMe`, { signal: again.signal })).rejects.toMatchObject({
      name: "AbortError",
    });
  });

  it("an answer cut off mid-body rejects", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      res.write('{"ok":true,');
      setTimeout(() => res.destroy(), 20);
    };
    await expect(botApiFetch(`${root}/botX/getMe`, { method: "POST", body: "{}" })).rejects.toBeInstanceOf(Error);
  });
});
