/**
 * The Mini App's routes (src/webapp/server.ts): 401 with one sentence and nothing else for every bad
 * initData, 403 outside the scope, 200 with what the page made for a valid one; headers, limits,
 * and no token or initData in a log line.
 */
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchParamOf } from "../../src/domain/dashboardScope.js";
import { createLogger } from "../../src/logger.js";
import { initDataFields, signInitData } from "../../src/webapp/initData.js";
import { startWebappServer, type WebappServer } from "../../src/webapp/server.js";
import { fakePage, type FakePage } from "./fakePage.js";
import { CHATS, NOW, PEOPLE, startWorld, TOKEN, type World } from "./world.js";

const OTHER_TOKEN = "987654321:OTHER-token-BBBBBBBBBBBBBBBBBBBBBBBBBBB";
/** Where the server's log lines go: the test reads them for the token and the initData. */
const sink = () =>
  new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk));
      done();
    },
  });
let w: World;
let server: WebappServer;
let page: FakePage;
const logLines: string[] = [];

beforeAll(async () => {
  w = await startWorld();
  page = fakePage();
  server = await startWebappServer({
    port: 0,
    services: w.services,
    page,
    botToken: TOKEN,
    members: w.members,
    frameAncestors: ["http://localhost:*"],
    logger: createLogger("info", [TOKEN], sink()),
  });
});
afterAll(async () => {
  await server?.stop();
  await w?.cleanup();
});

const user = (id: number) => ({ id, first_name: "Người dùng" });
function initData(o: { id?: number; chat?: bigint; at?: Date; token?: string; drop?: string } = {}): string {
  const f = initDataFields({
    user: user(o.id ?? PEOPLE.leaderA),
    at: o.at ?? NOW,
    ...(o.chat === undefined ? {} : { startParam: launchParamOf(o.chat), chatType: "supergroup", chatInstance: "1" }),
  });
  if (o.drop) delete f[o.drop];
  return signInitData(f, o.token ?? TOKEN);
}

async function post(path: string, body: unknown, raw?: string) {
  const res = await fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: raw ?? JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

const UNAUTHORIZED = JSON.stringify({ error: "Không xác thực được. Mở lại bảng điều khiển từ nút trong Telegram." });
const FORBIDDEN = JSON.stringify({
  error: "Bạn không có quyền xem phần này. Mở bảng điều khiển từ nút trong nhóm của đơn vị bạn theo dõi.",
});

describe("GET /app and assets", () => {
  it("serves the shell with the CSP that only Telegram Web (and the sandbox) may frame", async () => {
    const res = await fetch(`${server.url}/app`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'self' https://web.telegram.org http://localhost:*");
    expect(csp).not.toContain("unsafe");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await res.text()).toContain("/app/assets/app.js");
  });

  it.each([
    ["/app/assets/app.js", 200],
    ["/app/assets/nope.js", 404],
    ["/app/assets/..%2F..%2Fpackage.json", 404],
    ["/app/assets/.env", 404],
    ["/", 404],
    ["/api/view", 404],
  ])("GET %s → %i", async (path, status) => {
    expect((await fetch(`${server.url}${path}`)).status).toBe(status);
  });
});

describe("POST /app/api/view: 401 and nothing else for a bad initData", () => {
  it.each([
    ["no initData", { filters: {} }],
    ["initData not a string", { initData: 5 }],
    ["empty", { initData: "" }],
    ["tampered hash", { initData: initData().replace(/hash=[0-9a-f]{4}/, "hash=0000") }],
    ["another bot's token", { initData: initData({ token: OTHER_TOKEN }) }],
    ["stale auth_date (2 hours)", { initData: initData({ at: new Date(NOW.getTime() - 2 * 3600_000) }) }],
    ["missing user", { initData: initData({ drop: "user" }) }],
    ["missing hash", { initData: initData().replace(/&?hash=[0-9a-f]+/, "") }],
    ["duplicate keys", { initData: `${initData()}&auth_date=1` }],
  ])("%s", async (_case, body) => {
    const before = page.calls.length;
    const r = await post("/app/api/view", body);
    expect(r.status).toBe(401);
    expect(r.text).toBe(UNAUTHORIZED);
    expect(page.calls.length).toBe(before);
  });

  it("a body that is not JSON is 400, one over the limit 413", async () => {
    expect((await post("/app/api/view", null, "{")).status).toBe(400);
    expect((await post("/app/api/view", { initData: initData(), pad: "x".repeat(20_000) })).status).toBe(413);
  });
});

describe("POST /app/api/view: scope", () => {
  it("200 for a leader of province A from its chat, with the scope the page was given", async () => {
    const r = await post("/app/api/view", { initData: initData({ chat: CHATS.leadersA }), filters: { level: "do" } });
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect(JSON.parse(r.text)).toEqual({
      html: "<p>ok</p>",
      charts: {
        scope: {
          userId: String(PEOPLE.leaderA),
          kind: "leader",
          chatId: String(CHATS.leadersA),
          rootUnitIds: ["PA"],
          subtree: true,
        },
        filters: { level: "do" },
      },
    });
  });

  it.each([
    ["province A's leader opening province B's chat", { chat: CHATS.leadersB }, {}],
    ["province A's leader asking for a unit of province B", { chat: CHATS.leadersA }, { unit: "PB-X1" }],
    ["a unit's member asking for a sibling unit", { id: PEOPLE.officerAX1, chat: CHATS.unitAX1 }, { unit: "PA-X2" }],
    ["a stranger from a private chat", { id: PEOPLE.stranger }, {}],
    ["a stranger in an unregistered group", { id: PEOPLE.stranger, chat: CHATS.loose }, {}],
  ])("403 for %s, the page never called", async (_case, who, filters) => {
    const before = page.calls.length;
    const r = await post("/app/api/view", { initData: initData(who), filters });
    expect(r.status).toBe(403);
    expect(r.text).toBe(FORBIDDEN);
    expect(page.calls.length).toBe(before);
  });

  it("400 for an unknown filter key or level (never a silently wider view)", async () => {
    const i = initData({ chat: CHATS.leadersA });
    expect((await post("/app/api/view", { initData: i, filters: { units: "PB" } })).status).toBe(400);
    expect((await post("/app/api/view", { initData: i, filters: { level: "tim" } })).status).toBe(400);
  });
});

describe("POST /app/api/export", () => {
  it("the .xlsx as an attachment with a Vietnamese file name", async () => {
    const r = await fetch(`${server.url}/app/api/export`, {
      method: "POST",
      body: JSON.stringify({
        initData: initData({ id: PEOPLE.officerAX1, chat: CHATS.unitAX1 }),
        filters: { unit: "PA-X1" },
      }),
    });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(r.headers.get("content-disposition")).toContain("filename*=UTF-8''B%E1%BA%A3ng");
    expect(page.calls.at(-1)?.scope).toMatchObject({ kind: "unitHead", rootUnitIds: ["PA-X1"] });
  });

  it("401 without a valid initData", async () => {
    const r = await post("/app/api/export", { initData: initData({ token: OTHER_TOKEN }) });
    expect([r.status, r.text]).toEqual([401, UNAUTHORIZED]);
  });
});

describe("failures", () => {
  it("a page that throws answers 500 with a sentence, no stack; no log line holds the token or initData", async () => {
    const failing = await startWebappServer({
      port: 0,
      services: w.services,
      page: fakePage({ fail: new Error(`boom at /bot${TOKEN}/getMe`) }),
      botToken: TOKEN,
      members: w.members,
      logger: createLogger("info", [TOKEN], sink()),
    });
    try {
      const body = initData({ chat: CHATS.leadersA });
      const res = await fetch(`${failing.url}/app/api/view`, {
        method: "POST",
        body: JSON.stringify({ initData: body }),
      });
      expect(res.status).toBe(500);
      expect(await res.text()).toBe(JSON.stringify({ error: "Lỗi máy chủ, thử lại sau." }));
      const logs = logLines.join("");
      expect(logs).toContain("dashboard request failed");
      expect(logs).toContain("initData refused");
      expect(logs).not.toContain(TOKEN);
      expect(logs).not.toContain(new URLSearchParams(body).get("hash") ?? "-");
    } finally {
      await failing.stop();
    }
  });
});
