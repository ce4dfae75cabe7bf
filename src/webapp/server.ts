/**
 * The dashboard Mini App's server (docs/WEBAPP.md): node:http, no framework, like the sandbox's.
 * GET /app the page's shell, GET /app/assets/<name> its files, POST /app/api/view and
 * POST /app/api/export with `{ initData, filters }`. Every API request is authenticated afresh
 * by Telegram's `initData` (initData.ts) and scoped (scope.ts); a failure answers 401 or 403 with
 * one short sentence and nothing else. The page (src/webapp/page/) never sees `initData`.
 * POST /app/api/export-link (same body, same checks) signs a short-lived link that
 * GET /app/export/<token> answers with the .xlsx: Telegram's download takes a GET URL (exportLink.ts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { LEVELS } from "../domain/evaluation/types.js";
import type { Logger } from "../logger.js";
import { contentDisposition } from "../render/contentDisposition.js";
import type { AppServices } from "../services/useCases.js";
import type { DashboardFilters, DashboardPage, DashboardScope } from "./contract.js";
import { exportLinkKey, signExportLink, verifyExportLink } from "./exportLink.js";
import { HttpError, readJsonBody, securityHeaders, send, sendJson } from "./http.js";
import { INIT_DATA_MAX_LENGTH, verifyInitData } from "./initData.js";
import type { ChatMembers } from "./membership.js";
import { filtersInScope, scopeOf } from "./scope.js";

export type WebappServerOptions = {
  /** 0 = any free port. */
  port: number;
  /** Default 127.0.0.1; behind a reverse proxy on another host, 0.0.0.0. */
  host?: string;
  /** WEBAPP_URL: the public base; undefined = this server's own http://127.0.0.1:<port>. */
  publicUrl?: string;
  services: AppServices;
  page: DashboardPage;
  /** Only to verify `initData`: never logged, never sent. */
  botToken: string;
  members: ChatMembers;
  /** Origins besides Telegram Web allowed to frame the page (the sandbox's). */
  frameAncestors?: readonly string[];
  logger: Logger;
};

export type WebappServer = { url: string; port: number; stop(): Promise<void> };

const TEXT = {
  unauthorized: "Không xác thực được. Mở lại bảng điều khiển từ nút trong Telegram.",
  forbidden: "Bạn không có quyền xem phần này. Mở bảng điều khiển từ nút trong nhóm của đơn vị bạn theo dõi.",
  notFound: "Không có trang này.",
  badFilters: "Bộ lọc không hợp lệ. Tải lại trang rồi chọn lại bộ lọc.",
  failed: "Lỗi máy chủ, thử lại sau.",
};

const text = z.string().min(1).max(100);
/** The page's filters; unknown keys are refused so a typo never silently widens a view. */
const filtersSchema = z.strictObject({
  directive: text.optional(),
  indicator: text.optional(),
  tier: text.optional(),
  level: z.enum(LEVELS as [string, ...string[]]).optional(),
  unit: text.optional(),
});
const ASSET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The request's initData and filters; the initData is checked before the filters are looked at. */
async function authenticate(
  o: WebappServerOptions,
  body: unknown,
): Promise<{ scope: DashboardScope; filters: DashboardFilters }> {
  const raw = z.object({ initData: z.string().max(INIT_DATA_MAX_LENGTH) }).safeParse(body);
  const verified = verifyInitData(raw.success ? raw.data.initData : "", o.botToken, o.services.clock.now());
  if (!verified.ok) {
    o.logger.info({ reason: verified.reason }, "dashboard: initData refused");
    throw new HttpError(401, TEXT.unauthorized);
  }
  const scoped = await scopeOf(o.services, o.members, verified.data);
  if (!scoped.ok) {
    o.logger.info({ reason: scoped.reason, userId: String(verified.data.userId) }, "dashboard: no scope");
    throw new HttpError(403, TEXT.forbidden);
  }
  const filters = filtersSchema.safeParse((body as { filters?: unknown }).filters ?? {});
  if (!filters.success) throw new HttpError(400, TEXT.badFilters);
  const parsed = filters.data as DashboardFilters;
  if (!filtersInScope(o.services, scoped.scope, parsed)) throw new HttpError(403, TEXT.forbidden);
  return { scope: scoped.scope, filters: parsed };
}

/** The .xlsx as an attachment; never cached (it is one person's scoped view). */
async function sendXlsx(
  o: WebappServerOptions,
  res: ServerResponse,
  headers: Record<string, string>,
  scope: DashboardScope,
  filters: DashboardFilters,
): Promise<void> {
  const file = await o.page.exportXlsx(scope, filters);
  const h = { ...headers, "content-type": XLSX, "cache-control": "no-store" };
  send(res, 200, { ...h, "content-disposition": contentDisposition(file.fileName, true) }, file.body);
}

const EXPORT_PATH = "/app/export/";

export async function startWebappServer(o: WebappServerOptions): Promise<WebappServer> {
  const headers = securityHeaders(o.frameAncestors ?? []);
  const linkKey = exportLinkKey(o.botToken);
  let baseUrl = o.publicUrl ?? "";
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const method = req.method ?? "GET";
    if (method === "GET" && (path === "/app" || path === "/app/")) {
      return send(
        res,
        200,
        { ...headers, "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
        o.page.shell(),
      );
    }
    if (method === "GET" && path.startsWith("/app/assets/")) {
      const name = path.slice("/app/assets/".length);
      const asset = ASSET_NAME.test(name) ? await o.page.asset(name) : undefined;
      if (!asset) throw new HttpError(404, TEXT.notFound);
      return send(res, 200, { ...headers, "content-type": asset.contentType, "cache-control": "no-cache" }, asset.body);
    }
    if (method === "POST" && path.startsWith("/app/api/")) {
      const route = path.slice("/app/api/".length);
      if (route !== "view" && route !== "export" && route !== "export-link") throw new HttpError(404, TEXT.notFound);
      const { scope, filters } = await authenticate(o, await readJsonBody(req));
      if (route === "view") return sendJson(res, 200, headers, await o.page.view(scope, filters));
      if (route === "export") return sendXlsx(o, res, headers, scope, filters);
      // The file is built once here only for its name (Telegram shows it); the GET builds it again.
      const { fileName } = await o.page.exportXlsx(scope, filters);
      const token = signExportLink(linkKey, scope, filters, o.services.clock.now());
      return sendJson(res, 200, headers, { url: `${baseUrl}${EXPORT_PATH}${token}`, fileName });
    }
    // HEAD too: a downloader may ask for the size and type first (node sends no body for HEAD).
    if ((method === "GET" || method === "HEAD") && path.startsWith(EXPORT_PATH)) {
      const link = verifyExportLink(linkKey, path.slice(EXPORT_PATH.length), o.services.clock.now());
      const filters = link.ok ? filtersSchema.safeParse(link.filters) : undefined;
      if (!link.ok || !filters?.success) {
        // The reason only: the token is a credential for its two minutes.
        o.logger.info({ reason: link.ok ? "bad-filters" : link.reason }, "dashboard: export link refused");
        throw new HttpError(401, TEXT.unauthorized);
      }
      return sendXlsx(o, res, headers, link.scope, filters.data as DashboardFilters);
    }
    throw new HttpError(404, TEXT.notFound);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      // The error object, not the request: a body holds initData (a credential for an hour).
      // The path without an export link's token, which is a credential.
      const logged = req.url?.split("?")[0]?.replace(/^\/app\/export\/.*/, `${EXPORT_PATH}…`);
      if (status === 500) o.logger.error({ err: e, path: logged }, "dashboard request failed");
      if (res.headersSent) return void res.end();
      sendJson(res, status, headers, { error: e instanceof HttpError ? e.message : TEXT.failed });
      // An unread body (a 401 before it was read, a 413) must not keep the socket waiting.
      if (!req.complete) req.resume();
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, o.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = o.publicUrl ?? `http://127.0.0.1:${port}`;
  return {
    url: baseUrl,
    port,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
