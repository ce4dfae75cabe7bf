import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { readBody, safeJson } from "./body.js";
import * as s from "./control-schemas.js";
import type { Emulator } from "./emulator.js";
import type { FaultSpec } from "./faults.js";
import type { RawUpdate } from "./inject.js";
import { sendJson } from "./server.js";

/**
 * `/__emulator/*`: the same test API over HTTP+JSON, for processes that cannot import
 * TypeScript (the acceptance suite, the browser sandbox). Routes are listed in README.md.
 * Errors answer `{ error }` with 400 (bad input / unknown chat), 404 or 408 (wait timeout).
 */
type Handler = (emu: Emulator, body: unknown, url: URL, res: ServerResponse) => unknown;

const strip = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const ROUTES: Record<string, Handler> = {
  "GET state": (emu) => ({
    url: emu.url,
    bot: emu.bot,
    users: emu.users(),
    chats: emu
      .chats()
      .map((chat) => ({ chat, botStatus: chat.type === "private" ? undefined : emu.botStatus(chat.id) })),
    pendingUpdates: emu.pendingUpdates(),
    webhookUrl: emu.webhookUrl(),
    faults: emu.faults.pending(),
    counters: emu.counters(),
  }),
  "POST users": (emu, body) => emu.addUser(strip(s.userBody.parse(body))),
  "POST chats": (emu, body) => {
    const { members, ...rest } = s.chatBody.parse(body);
    return emu.addChat(
      strip({
        ...rest,
        members: members && Object.fromEntries(Object.entries(members).map(([k, v]) => [Number(k), v])),
      }),
    );
  },
  "POST bot-status": (emu, body) => {
    const { chatId, status, ...opts } = s.botStatusBody.parse(body);
    return { updateId: emu.setBotStatus(chatId, status, strip(opts)) ?? null };
  },
  "POST member-status": (emu, body) => {
    const p = s.memberStatusBody.parse(body);
    emu.setMemberStatus(p.chatId, p.userId, p.status);
    return { ok: true };
  },
  "POST blocked": (emu, body) => {
    const p = s.blockedBody.parse(body);
    emu.setBlocked(p.userId, p.blocked);
    return { ok: true };
  },
  "POST migrate": (emu, body) => {
    const { chatId, ...opts } = s.migrateBody.parse(body);
    return { newChatId: emu.migrateGroup(chatId, strip(opts)) };
  },
  "POST messages": (emu, body) => emu.injectText(strip(s.textBody.parse(body))),
  "POST documents": (emu, body) => {
    const { base64, ...rest } = s.documentBody.parse(body);
    return emu.injectDocument(strip({ ...rest, bytes: Buffer.from(base64, "base64") }));
  },
  "POST press": (emu, body) => emu.pressButton(strip(s.pressBody.parse(body))),
  "POST updates": (emu, body) => {
    const p = s.rawUpdateBody.parse(body);
    // Passed through as given: the caller owns the shape of a raw update.
    return { updateId: emu.injectRaw(p.update as RawUpdate, { times: p.times ?? 1 }) };
  },
  "POST redeliver": (emu, body) => {
    emu.redeliver(s.redeliverBody.parse(body).updateId);
    return { ok: true };
  },
  "GET transcript": (emu, _body, url) => emu.transcript(z.coerce.number().int().parse(url.searchParams.get("chatId"))),
  "GET counters": (emu) => emu.counters(),
  "GET faults": (emu) => emu.faults.pending(),
  "POST faults": (emu, body) => {
    const p = s.faultBody.parse(body);
    emu.faults.add(strip({ ...p, fault: strip(p.fault) }) as FaultSpec);
    return emu.faults.pending();
  },
  "DELETE faults": (emu) => {
    emu.faults.clear();
    return [];
  },
  "POST rate-limit": (emu, body) => {
    const { enabled, ...limits } = s.rateLimitBody.parse(body);
    emu.setRateLimit(enabled ? strip(limits) : false);
    return { enabled };
  },
  "POST wait": async (emu, body, _url, res) => {
    const p = s.waitBody.parse(body);
    try {
      return { messages: await emu.waitForMessages(p.chatId, p.count, p.timeoutMs ?? 5000) };
    } catch (err) {
      sendJson(res, 408, { error: err instanceof Error ? err.message : String(err) });
      return undefined;
    }
  },
};

export async function handleControl(emu: Emulator, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const rest = url.pathname.replace(/^\/__emulator\/?/, "");
  if (req.method === "GET" && rest.startsWith("files/")) return serveFile(emu, res, decodeURIComponent(rest.slice(6)));
  if (req.method === "GET" && rest === "events") return streamEvents(emu, res);
  const handler = ROUTES[`${req.method ?? "GET"} ${rest}`];
  if (!handler) return sendJson(res, 404, { error: `no control route ${req.method ?? ""} /__emulator/${rest}` });
  try {
    const raw = await readBody(req, 70 * 1024 * 1024);
    const body = raw.length ? safeJson(raw.toString("utf8")) : {};
    const result = await handler(emu, body, url, res);
    if (!res.headersSent) sendJson(res, 200, result ?? null);
  } catch (err) {
    const message = err instanceof z.ZodError ? z.prettifyError(err) : err instanceof Error ? err.message : String(err);
    if (!res.headersSent) sendJson(res, 400, { error: message });
  }
}

function serveFile(emu: Emulator, res: ServerResponse, fileId: string): void {
  const file = emu.file(fileId);
  if (!file) return sendJson(res, 404, { error: `no file ${fileId}` });
  res.writeHead(200, {
    "content-type": file.mimeType ?? "application/octet-stream",
    "content-length": String(file.bytes.length),
  });
  res.end(file.bytes);
}

/** Server-sent events: every transcript entry and queued update, for the browser sandbox. */
function streamEvents(emu: Emulator, res: ServerResponse): void {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  res.write(": connected\n\n");
  const send = (event: string, data: unknown): void =>
    void res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const offs = [emu.on("transcript", (e) => send("transcript", e)), emu.on("update", (e) => send("update", e))];
  const heartbeat = setInterval(() => res.write(": ping\n\n"), 15_000);
  // res, not req: an IncomingMessage may report "close" as soon as its (empty) body is read.
  res.on("close", () => {
    clearInterval(heartbeat);
    for (const off of offs) off();
  });
}
