/**
 * The sandbox page server (docs/SANDBOX.md): node:http on 127.0.0.1, the static page from `public/`,
 * the JSON API, files the bot sent, and the event stream. No framework, no build step.
 */
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { Logger } from "../logger.js";
import { API, clockView, MAX_UPLOAD_BYTES } from "./api.js";
import { createEventHub } from "./events.js";
import { contentDisposition, PageError, readJson, sendJson } from "./http.js";
import type { Runtime } from "./runtime.js";

const PUBLIC_DIR = fileURLToPath(new URL("./public/", import.meta.url));
const STATIC: Record<string, string> = {
  "/": "index.html",
  "/index.html": "index.html",
  "/app.js": "app.js",
  "/render.js": "render.js",
  "/chat.js": "chat.js",
  "/controls.js": "controls.js",
  "/tour.js": "tour.js",
  "/style.css": "style.css",
};
const TYPES: Record<string, string> = { html: "text/html", js: "text/javascript", css: "text/css" };
/** The page runs only what it ships: no inline script, no remote anything. */
const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; " +
    // The dashboard Mini App's pane: its server listens on another loopback port (docs/WEBAPP.md).
    "frame-src http://127.0.0.1:* http://localhost:*",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};
/** A page on another site must not drive the sandbox through the browser (DNS rebinding, CSRF). */
const LOCAL_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

export type PageServer = { url: string; port: number; stop(): Promise<void> };

async function serveStatic(res: ServerResponse, name: string): Promise<void> {
  const body = await readFile(`${PUBLIC_DIR}${name}`);
  const ext = name.split(".").pop() ?? "";
  res.writeHead(200, {
    "content-type": `${TYPES[ext] ?? "application/octet-stream"}; charset=utf-8`,
    "cache-control": "no-store",
    ...SECURITY_HEADERS,
  });
  res.end(body);
}

async function serveFile(runtime: Runtime, res: ServerResponse, fileId: string, download: boolean): Promise<void> {
  const file = (await runtime.session()).emulator.file(fileId);
  if (!file) throw new PageError(404, "Không tìm thấy tệp (có thể bản dùng thử vừa được đặt lại)");
  const name = file.fileName ?? file.filePath.split("/").pop() ?? "tep";
  res.writeHead(200, {
    // Only images are shown inline; anything else is a download, never rendered by the browser.
    "content-type": file.mimeType?.startsWith("image/") && !download ? file.mimeType : "application/octet-stream",
    "content-length": String(file.bytes.length),
    "content-disposition": contentDisposition(name, download || !file.mimeType?.startsWith("image/")),
    "cache-control": "private, max-age=3600",
    ...SECURITY_HEADERS,
  });
  res.end(file.bytes);
}

export async function startPageServer(o: { runtime: Runtime; port: number; logger: Logger }): Promise<PageServer> {
  const hub = createEventHub(o.runtime, await o.runtime.session());
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!LOCAL_HOST.test(req.headers.host ?? "")) throw new PageError(403, "Chỉ mở được từ máy này (localhost)");
    const url = new URL(req.url ?? "/", "http://localhost");
    const method = req.method ?? "GET";
    const staticName = STATIC[url.pathname];
    if (method === "GET" && staticName) return serveStatic(res, staticName);
    if (method === "GET" && url.pathname === "/api/events") return hub.attach(res);
    if (method === "GET" && url.pathname.startsWith("/api/files/")) {
      return serveFile(
        o.runtime,
        res,
        decodeURIComponent(url.pathname.slice("/api/files/".length)),
        url.searchParams.get("download") === "1",
      );
    }
    const handler = API[`${method} ${url.pathname}`];
    if (!handler) throw new PageError(404, `Không có ${method} ${url.pathname}`);
    if (method === "POST" && req.headers.origin && !LOCAL_HOST.test(req.headers.origin.replace(/^https?:\/\//, ""))) {
      throw new PageError(403, "Yêu cầu từ trang khác bị từ chối");
    }
    const body = method === "POST" ? await readJson(req, Math.ceil(MAX_UPLOAD_BYTES * 1.4)) : {};
    const result = await handler(o.runtime, body);
    if (url.pathname === "/api/clock") hub.broadcast("clock", clockView(await o.runtime.session()));
    sendJson(res, 200, result);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const status = e instanceof PageError ? e.status : e instanceof z.ZodError ? 400 : 500;
      const message =
        e instanceof PageError
          ? e.message
          : e instanceof z.ZodError
            ? z.prettifyError(e)
            : "Lỗi trong bản dùng thử (xem nhật ký)";
      if (status === 500) o.logger.error({ err: e, url: req.url }, "sandbox page request failed");
      if (!res.headersSent) sendJson(res, status, { error: message });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    port,
    async stop() {
      hub.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
