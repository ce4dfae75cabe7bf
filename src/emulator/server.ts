import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { parseRequest, readBody, type ParsedRequest } from "./body.js";
import type { Core } from "./core.js";
import { ApiError, notFound, redact, unauthorized } from "./errors.js";
import { dispatch } from "./router.js";

export type ControlHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

export interface ServerDeps {
  core: Core;
  maxBodyBytes: number;
  control: ControlHandler;
}

const BOT_ROUTE = /^\/bot([^/]+)\/([A-Za-z0-9_]+)\/?$/;
const FILE_ROUTE = /^\/file\/bot([^/]+)\/(.+)$/;

/** Routes: `/bot<token>/<method>`, `/file/bot<token>/<path>`, `/__emulator/...`. */
export function createHttpServer(deps: ServerDeps): Server {
  return createServer((req, res) => {
    void route(deps, req, res).catch((err: unknown) => {
      deps.core.log(`emulator: ${redact(err instanceof Error ? err.message : String(err), deps.core.token)}`);
      if (!res.headersSent) sendJson(res, 500, new ApiError(500, "Internal Server Error").toJSON());
      else res.destroy();
    });
  });
}

async function route(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://emulator.local");
  const path = url.pathname;
  if (path.startsWith("/__emulator/") || path === "/__emulator") return deps.control(req, res, url);
  const file = FILE_ROUTE.exec(path);
  if (file) return serveFile(deps.core, res, file[1] ?? "", decodeURIComponent(file[2] ?? ""));
  const bot = BOT_ROUTE.exec(path);
  if (!bot) return sendJson(res, 404, notFound().toJSON());
  return serveMethod(deps, req, res, url, bot[1] ?? "", bot[2] ?? "");
}

async function serveMethod(
  deps: ServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  token: string,
  method: string,
): Promise<void> {
  const { core } = deps;
  const started = Date.now();
  const finish = (status: number, chatId?: number): void => {
    const ms = Date.now() - started;
    core.log(`${method} ${status} ${ms}ms`);
    core.events.emit("request", { method, status, ms, ...(chatId !== undefined ? { chatId } : {}) });
  };
  // Telegram answers 404 for malformed tokens and 401 for unknown ones; one answer suffices here.
  if (decodeURIComponent(token) !== core.token) {
    sendJson(res, 401, unauthorized().toJSON());
    return finish(401);
  }
  const aborter = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) aborter.abort();
  });
  let parsed: ParsedRequest;
  try {
    parsed = parseRequest(url, req.headers["content-type"], await readBody(req, deps.maxBodyBytes));
  } catch (err) {
    const apiErr = err instanceof ApiError ? err : new ApiError(400, "Bad Request: unreadable request body");
    sendJson(res, apiErr.errorCode, apiErr.toJSON());
    return finish(apiErr.errorCode);
  }
  const outcome = await dispatch(core, method, parsed, aborter.signal);
  if (outcome.kind === "drop") {
    req.socket.destroy();
    return finish(0, outcome.chatId);
  }
  if (!res.destroyed) sendJson(res, outcome.status, outcome.body);
  finish(outcome.status, outcome.chatId);
}

function serveFile(core: Core, res: ServerResponse, token: string, filePath: string): void {
  if (decodeURIComponent(token) !== core.token) return sendJson(res, 401, unauthorized().toJSON());
  const file = core.store.fileByPath(filePath);
  if (!file) return sendJson(res, 404, notFound().toJSON());
  res.writeHead(200, {
    "content-type": file.mimeType ?? "application/octet-stream",
    "content-length": String(file.bytes.length),
  });
  res.end(file.bytes);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": String(Buffer.byteLength(text)) });
  res.end(text);
}
