/**
 * The export link Telegram downloads (src/webapp/exportLink.ts, POST /app/api/export-link and
 * GET /app/export/<token>): a token is valid only as signed, for this bot, for its two minutes;
 * the link is issued only for a valid initData and in-scope filters; it answers the real .xlsx;
 * neither the link's token nor the bot token reaches a log line.
 */
import { createHmac } from "node:crypto";
import { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bindChat } from "../../src/db/repos/chats.js";
import { launchParamOf } from "../../src/domain/dashboardScope.js";
import { createLogger } from "../../src/logger.js";
import { createAppServices } from "../../src/services/useCases.js";
import type { DashboardScope } from "../../src/webapp/contract.js";
import { EXPORT_LINK_TTL_S, exportLinkKey, signExportLink, verifyExportLink } from "../../src/webapp/exportLink.js";
import { initDataFields, signInitData } from "../../src/webapp/initData.js";
import { createDashboardPage } from "../../src/webapp/page/index.js";
import { startWebappServer, type WebappServer } from "../../src/webapp/server.js";
import { createTestDb, type TestDb } from "../helpers/db.js";
import { TestClock } from "../helpers/harness.js";
import { loadWorld, NOW } from "./dashboardWorld.js";

const TOKEN = "123456789:TEST-token-AAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
const OTHER_TOKEN = "987654321:OTHER-token-BBBBBBBBBBBBBBBBBBBBBBBBBBB";
const LEADERS_CHAT = -1001n;
const LEADER = 501;
const STRANGER = 507;
const scope: DashboardScope = { userId: 501n, kind: "leader", chatId: -1001n, rootUnitIds: ["P"], subtree: true };

describe("export link tokens", () => {
  const key = exportLinkKey(TOKEN);
  const token = signExportLink(key, scope, { level: "do" }, NOW);
  const [body = "", mac = ""] = token.split(".");
  const later = (s: number) => new Date(NOW.getTime() + s * 1000);
  const forged = Buffer.from(
    Buffer.from(body, "base64url").toString("utf8").replace('"r":["P"]', '"r":["Q"]'),
  ).toString("base64url");
  it("the forged payload differs from the signed one", () => expect(forged).not.toBe(body));
  const flipped = `${mac.slice(0, -2)}${mac.endsWith("AA") ? "AB" : "AA"}`;

  it("the key is derived from the bot token, never the token itself", () => {
    expect(key.toString("utf8")).not.toContain(TOKEN);
    expect(key.equals(exportLinkKey(OTHER_TOKEN))).toBe(false);
    expect(token).not.toContain(TOKEN);
  });

  it.each([
    ["valid, just issued", token, key, NOW, "ok"],
    ["valid, a second before expiry (reusable within its life)", token, key, later(EXPORT_LINK_TTL_S - 1), "ok"],
    ["expired", token, key, later(EXPORT_LINK_TTL_S), "expired"],
    ["tampered payload (another province)", `${forged}.${mac}`, key, NOW, "bad-mac"],
    ["tampered MAC", `${body}.${flipped}`, key, NOW, "bad-mac"],
    ["signed with another bot's secret", token, exportLinkKey(OTHER_TOKEN), NOW, "bad-mac"],
    ["no MAC", body, key, NOW, "malformed"],
    ["empty", "", key, NOW, "malformed"],
    ["path characters", `../${token}`, key, NOW, "malformed"],
  ])("%s", (_case, t, k, at, expected) => {
    const r = verifyExportLink(k, t, at);
    expect(r.ok ? "ok" : r.reason).toBe(expected);
    if (r.ok) expect([r.scope, r.filters]).toEqual([scope, { level: "do" }]);
  });

  it("a well-signed payload of the wrong shape is refused, not trusted", () => {
    const junk = Buffer.from(JSON.stringify({ u: "1", e: 9e9 })).toString("base64url");
    const signed = `${junk}.${createHmac("sha256", key).update(junk).digest("base64url")}`;
    expect(verifyExportLink(key, signed, NOW)).toEqual({ ok: false, reason: "bad-payload" });
  });
});

describe("POST /app/api/export-link and GET /app/export/<token>", () => {
  let db: TestDb;
  let server: WebappServer;
  let services: ReturnType<typeof createAppServices>;
  const clock = new TestClock(NOW);
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk));
      done();
    },
  });

  beforeAll(async () => {
    db = await createTestDb();
    const deps = await loadWorld(db);
    await bindChat(db.prisma, LEADERS_CHAT, "leaders", "P");
    services = createAppServices({ ...deps, clock });
    server = await startWebappServer({
      port: 0,
      services,
      page: createDashboardPage(services),
      botToken: TOKEN,
      members: { isMember: async (chatId, userId) => chatId === LEADERS_CHAT && userId === BigInt(LEADER) },
      logger: createLogger("info", [TOKEN], sink),
    });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.cleanup();
  });

  const initData = (id = LEADER, token = TOKEN) =>
    signInitData(
      initDataFields({
        user: { id, first_name: "Lãnh đạo" },
        at: NOW,
        startParam: launchParamOf(LEADERS_CHAT),
        chatType: "supergroup",
        chatInstance: "1",
      }),
      token,
    );
  const askLink = (body: unknown) =>
    fetch(`${server.url}/app/api/export-link`, { method: "POST", body: JSON.stringify(body) });
  async function link(filters: object = {}): Promise<{ url: string; fileName: string }> {
    const res = await askLink({ initData: initData(), filters });
    expect(res.status).toBe(200);
    return (await res.json()) as { url: string; fileName: string };
  }

  it.each([
    ["another bot's initData", { initData: initData(LEADER, OTHER_TOKEN) }, 401],
    ["no initData", { filters: {} }, 401],
    ["someone outside the chat", { initData: initData(STRANGER) }, 403],
    ["a unit of another province", { initData: initData(), filters: { unit: "Q-X1" } }, 403],
    ["an unknown filter key", { initData: initData(), filters: { units: "Q" } }, 400],
  ])("no link for %s", async (_case, body, status) => {
    const res = await askLink(body);
    expect(res.status).toBe(status);
    expect(await res.text()).not.toContain("/app/export/");
  });

  it("a valid link answers the .xlsx of the view it was issued for, more than once within its life", async () => {
    const { url, fileName } = await link({ level: "do" });
    expect(url.startsWith(`${server.url}/app/export/`)).toBe(true);
    expect(fileName).toBe("dondoc-tinh-hinh-11-2026.xlsx");
    for (const _ of [1, 2]) {
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      expect(res.headers.get("content-disposition")).toContain("attachment");
      expect(res.headers.get("cache-control")).toBe("no-store");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await res.arrayBuffer());
      const rows: unknown[] = [];
      wb.worksheets[0]?.eachRow((r) => {
        rows.push(Array.isArray(r.values) ? r.values[3] : undefined);
      });
      // Only the red units: the filters travelled in the token.
      expect(rows.slice(2)).toEqual(["P-X2"]);
    }
    const head = await fetch(url, { method: "HEAD" });
    expect([head.status, head.headers.get("content-disposition")?.startsWith("attachment")]).toEqual([200, true]);
  });

  it("an expired or tampered link is 401 and nothing else; no log line holds a token", async () => {
    const { url } = await link();
    const [base = "", mac = ""] = url.split(".").slice(-2);
    const tampered = url.replace(`${base}.${mac}`, `${base}.${mac.slice(0, -2)}${mac.endsWith("AA") ? "AB" : "AA"}`);
    const unauthorized = JSON.stringify({
      error: "Không xác thực được. Mở lại bảng điều khiển từ nút trong Telegram.",
    });
    for (const bad of [tampered, `${server.url}/app/export/x`]) {
      const res = await fetch(bad);
      expect([res.status, await res.text()]).toEqual([401, unauthorized]);
    }
    clock.advance(EXPORT_LINK_TTL_S * 1000);
    try {
      const res = await fetch(url);
      expect([res.status, await res.text()]).toEqual([401, unauthorized]);
    } finally {
      clock.set(NOW.toISOString());
    }
    const logs = logLines.join("");
    expect(logs).toContain("export link refused");
    expect(logs).toContain('"reason":"expired"');
    expect(logs).not.toContain(TOKEN);
    expect(logs).not.toContain(url.slice(url.lastIndexOf("/") + 1));
    expect(logs).not.toContain(mac);
  });

  it("a page that fails on the link's GET: 500, and the log line's path has no token", async () => {
    const failing = await startWebappServer({
      port: 0,
      services,
      page: {
        ...createDashboardPage(services),
        exportXlsx: async () => {
          throw new Error("boom");
        },
      },
      botToken: TOKEN,
      members: { isMember: async () => true },
      logger: createLogger("info", [TOKEN], sink),
    });
    try {
      const token = signExportLink(exportLinkKey(TOKEN), scope, {}, NOW);
      expect((await fetch(`${failing.url}/app/export/${token}`)).status).toBe(500);
      const logs = logLines.join("");
      expect(logs).toContain('"path":"/app/export/…"');
      expect(logs).not.toContain(token.split(".")[1] ?? "-");
    } finally {
      await failing.stop();
    }
  });
});
