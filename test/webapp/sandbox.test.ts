/**
 * The dashboard in the sandbox (docs/WEBAPP.md, docs/SANDBOX.md): the session serves it on a free
 * port, the leaders' chat's button is a Main Mini App link, and pressing it gives the page URL whose
 * hash carries initData signed with the session's bot token for the chosen person — which the
 * dashboard's own server then accepts, scoped to that chat.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { DEMO_IDS } from "../../src/sandbox/world.js";
import { verifyInitData } from "../../src/webapp/initData.js";
import { fakePage } from "./fakePage.js";

let dir: string;
let sandbox: Sandbox;

async function call(route: string, body: unknown) {
  const res = await fetch(`${sandbox.url}${route}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "dondoc-sandbox-webapp-"));
  const config = parseConfig({
    DATABASE_URL: `file:${path.join(dir, "sandbox.db")}`,
    SANDBOX_PORT: "0",
    LOG_LEVEL: "silent",
  });
  sandbox = await startSandbox({
    config,
    logger: createLogger("silent"),
    print: () => undefined,
    dashboardPage: () => fakePage(),
  });
});
afterAll(async () => {
  await sandbox?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the dashboard in the sandbox", () => {
  it("opens from the leaders' chat for the leader, signed as Telegram would sign it", async () => {
    const s = await sandbox.runtime.session();
    const leaders = s.world.chats.find((c) => c.kind === "leaders");
    if (!leaders || !s.app.dashboard) throw new Error("no leaders' chat or no dashboard");
    // The sandbox page may frame it (its CSP names loopback origins), and it frames nothing else.
    const shell = await fetch(`${s.app.dashboard.server.url}/app`);
    expect(shell.headers.get("content-security-policy")).toContain(
      "frame-ancestors 'self' https://web.telegram.org http://localhost:*",
    );
    const page = await fetch(`${sandbox.url}/`);
    expect(page.headers.get("content-security-policy")).toContain("frame-src http://127.0.0.1:*");

    s.emulator.injectText({ chatId: leaders.id, fromId: DEMO_IDS.leader, text: "/bangdieukhien" });
    const answer = (await s.emulator.waitForMessages(leaders.id, s.emulator.botMessages(leaders.id).length + 1)).at(-1);
    const button = answer?.reply_markup?.inline_keyboard.flat()[0];
    const link = button && "url" in button ? button.url : "";
    expect(link).toBe(`https://t.me/${s.app.bot.botInfo.username}?startapp=c${leaders.id}`);

    const opened = await call("/api/webapp/open", { chatId: leaders.id, fromId: DEMO_IDS.leader, link });
    expect(opened.status).toBe(200);
    const url = new URL(String(opened.json.url));
    expect(`${url.origin}${url.pathname}`).toBe(`${s.app.dashboard.server.url}/app`);
    const hash = new URLSearchParams(url.hash.slice(1));
    expect([...hash.keys()]).toEqual(["tgWebAppData", "tgWebAppVersion", "tgWebAppPlatform", "tgWebAppThemeParams"]);
    const initData = hash.get("tgWebAppData") ?? "";
    const verified = verifyInitData(initData, s.config.BOT_TOKEN ?? "", s.clock.now());
    expect(verified).toMatchObject({
      ok: true,
      data: { userId: BigInt(DEMO_IDS.leader), startParam: `c${leaders.id}` },
    });

    const view = await fetch(`${s.app.dashboard.server.url}/app/api/view`, {
      method: "POST",
      body: JSON.stringify({ initData, filters: {} }),
    });
    expect(view.status).toBe(200);
    const body = (await view.json()) as { charts: { scope: { kind: string; rootUnitIds: string[] } } };
    expect(body.charts.scope).toMatchObject({ kind: "leader", rootUnitIds: [leaders.unitCode] });
  });

  it("refuses a link that is not the dashboard's, and a sender who is not in the demo", async () => {
    const s = await sandbox.runtime.session();
    const leaders = s.world.chats.find((c) => c.kind === "leaders");
    expect(
      (await call("/api/webapp/open", { chatId: leaders?.id, fromId: DEMO_IDS.leader, link: "https://example.com/" }))
        .status,
    ).toBe(400);
    expect((await call("/api/webapp/open", { chatId: leaders?.id, fromId: 1, link: "x" })).status).toBe(400);
  });
});
