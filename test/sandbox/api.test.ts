/**
 * The sandbox server without a browser (docs/SANDBOX.md): the seeded province, input validation,
 * the forward-only clock, the event stream, loopback-only access and "Đặt lại demo".
 */
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { DEMO_IDS } from "../../src/sandbox/world.js";

let dir: string;
let sandbox: Sandbox;
type State = {
  session: string;
  clock: { iso: string; label: string; jumps: Record<string, string> };
  chats: { id: number; kind: string; members: number[] }[];
  messages: Record<string, { text: string; from: { isBot: boolean } }[]>;
};

async function call(route: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(
    `${sandbox.url}${route}`,
    body === undefined
      ? {}
      : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
  );
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}
const state = async () => (await call("/api/state")).json as unknown as State;
const unitChat = async () => (await state()).chats.find((c) => c.kind === "unit") ?? { id: 0, members: [0] };

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "dondoc-sandbox-api-"));
  const config = parseConfig({
    DATABASE_URL: `file:${path.join(dir, "sandbox.db")}`,
    SANDBOX_PORT: "0",
    LOG_LEVEL: "silent",
  });
  sandbox = await startSandbox({ config, logger: createLogger("silent"), print: () => undefined });
});
afterAll(async () => {
  await sandbox?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("sandbox server", () => {
  it("seeds the province: bound chats, roles, figures and the demo administrator", async () => {
    const s = await sandbox.runtime.session();
    const prisma = s.app.db.prisma;
    const chats = await prisma.chat.findMany({ orderBy: { chatId: "asc" } });
    // The directive of today (Bắc Ninh, Kế hoạch 144/KH-UBND, 11/2025) with the national programme.
    const unitCodes = chats.filter((c) => c.kind === "unit").map((c) => c.unitCode ?? "");
    expect(unitCodes).toHaveLength(4);
    for (const code of unitCodes) expect(code).toMatch(/^BN25-/);
    expect(chats.find((c) => c.kind === "leaders")?.unitCode).toBe("BN25-UBND");
    expect(unitCodes).toContain(chats.find((c) => c.kind === "head")?.unitCode);
    expect(await prisma.person.findUnique({ where: { telegramId: BigInt(DEMO_IDS.leader) } })).toMatchObject({
      role: "leader",
    });
    expect(s.app.deps.adminIds).toContain(BigInt(DEMO_IDS.admin));
    expect(await prisma.figure.count()).toBeGreaterThan(20);
  });

  it("the page's \"/\" menu is the bot's menu for that chat and sender: leader commands absent from unit groups", async () => {
    const s = await state();
    const leaders = s.chats.find((c) => c.kind === "leaders") ?? { id: 0 };
    const menu = async (chatId: number, fromId: number, own: string) => {
      // The menus are set beside the first updates (src/app.ts): wait for the chat's own.
      const s2 = await sandbox.runtime.session();
      const set = () => s2.emulator.menuFor(chatId, fromId).some((c) => c.command === own);
      await s2.emulator.waitFor(set, { timeoutMs: 10_000, label: `menu with /${own}` });
      const r = await call("/api/menu", { chatId, fromId });
      return (r.json as unknown as { command: string }[]).map((c) => c.command);
    };
    const unit = await unitChat();
    const inUnit = await menu(unit.id, DEMO_IDS.officerA, "nop");
    expect(inUnit).not.toContain("bieudo");
    expect(inUnit).not.toContain("capquyen");
    expect(await menu(leaders.id, DEMO_IDS.leader, "bieudo")).not.toContain("nop");
    expect(await menu(DEMO_IDS.admin, DEMO_IDS.admin, "capquyen")).toContain("quyen");
    expect((await call("/api/menu", { chatId: unit.id, fromId: 42 })).status).toBe(400);
  });

  it("the tour's sample list goes only to a unit's group; refused elsewhere with nothing sent", async () => {
    const s = await state();
    const leaders = s.chats.find((c) => c.kind === "leaders") ?? { id: 0 };
    const before = (s.messages[String(leaders.id)] ?? []).length;
    const refused = await call("/api/tour/dossiers", { chatId: leaders.id, fromId: DEMO_IDS.leader });
    expect(refused.status).toBe(400);
    expect(refused.json.error).toBe("Tệp mẫu chỉ gửi được trong nhóm của một đơn vị");
    expect(((await state()).messages[String(leaders.id)] ?? []).length).toBe(before);
    expect((await call("/api/tour/dossiers", { chatId: leaders.id, fromId: DEMO_IDS.leader, extra: 1 })).status).toBe(
      400,
    );
  });

  it("rejects bad input with a message the page can show", async () => {
    const chat = await unitChat();
    expect((await call("/api/send", { chatId: chat.id, fromId: DEMO_IDS.officerA, text: "  " })).json.error).toContain(
      "Tin nhắn trống",
    );
    expect((await call("/api/send", { chatId: 42, fromId: DEMO_IDS.officerA, text: "hi" })).status).toBe(400);
    expect(
      (await call("/api/send", { chatId: DEMO_IDS.admin, fromId: DEMO_IDS.leader, text: "/start" })).json.error,
    ).toContain("chính chủ");
    expect((await call("/api/send", { chatId: chat.id, fromId: DEMO_IDS.officerA, text: "x", extra: 1 })).status).toBe(
      400,
    );
    expect(
      (await call("/api/press", { chatId: chat.id, messageId: 999, fromId: DEMO_IDS.officerA, data: "undo:1" })).json
        .error,
    ).toMatch(/not found/);
    expect(
      (await call("/api/upload", { chatId: chat.id, fromId: DEMO_IDS.officerA, fileName: "../x.csv", base64: "" }))
        .status,
    ).toBe(400);
    expect((await call("/api/nothing", {})).status).toBe(404);
    expect((await fetch(`${sandbox.url}/api/files/nope`)).status).toBe(404);
  });

  it("streams the bot's reply over Server-Sent Events", async () => {
    const chat = await unitChat();
    const controller = new AbortController();
    const res = await fetch(`${sandbox.url}/api/events`, { signal: controller.signal });
    const reader = (res.body ?? new ReadableStream()).getReader();
    await call("/api/send", { chatId: chat.id, fromId: DEMO_IDS.officerA, text: "/nop 200 150" });
    let seen = "";
    while (!seen.includes("75%")) {
      const { value, done } = await reader.read();
      if (done) break;
      seen += new TextDecoder().decode(value);
    }
    controller.abort();
    expect(seen).toMatch(/event: chat\ndata: .*"type":"message"/);
    expect(seen).toContain("75%");
  });

  it("moves the clock forward only", async () => {
    const before = Date.parse((await state()).clock.iso);
    const back = await call("/api/clock", { to: "date", date: "2020-01-01" });
    expect(back.status).toBe(400);
    expect(back.json.error).toContain("chỉ tiến lên");
    // The buttons' labels follow the configured crons (defaults here), with the clock.
    expect((await state()).clock.jumps).toEqual({
      "next-0800": "Tới 08:00 kế tiếp",
      "next-monday-0800": "Tới thứ Hai 08:00",
    });
    const next = await call("/api/clock", { to: "next-0800" });
    const clock = next.json.clock as { iso: string; label: string; jumps: Record<string, string> };
    expect(clock.label).toMatch(/08:00$/);
    expect(clock.jumps["next-0800"]).toBe("Tới 08:00 kế tiếp");
    // What the scheduler ran for the jump, as it reported it (the page turns it into a toast).
    expect(Array.isArray(next.json.ran)).toBe(true);
    expect(Date.parse(clock.iso)).toBeGreaterThan(before);
    expect((await call("/api/clock", { to: "date", date: "2099-02-30" })).status).toBe(400);
    const inAMonth = new Date(Date.parse(clock.iso) + 30 * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
    const later = await call("/api/clock", { to: "date", date: inAMonth, time: "09:15" });
    expect((later.json.clock as { label: string }).label).toContain(`${inAMonth.split("-").reverse().join("/")} 09:15`);
  });

  it("answers only requests addressed to localhost", async () => {
    const port = new URL(sandbox.url).port;
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: "127.0.0.1", port, path: "/api/state", headers: { host: "evil.example:80" } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it("restores the seeded state on reset", async () => {
    const old = await state();
    expect(Object.values(old.messages).flat().length).toBeGreaterThan(0);
    const reset = await call("/api/reset", {});
    expect(reset.json.session).not.toBe(old.session);
    const fresh = await state();
    expect(Object.values(fresh.messages).flat()).toEqual([]);
    expect(fresh.chats).toEqual(old.chats);
    const prisma = (await sandbox.runtime.session()).app.db.prisma;
    expect(await prisma.figureRevision.count({ where: { source: "chat" } })).toBe(0);
    expect(Date.parse(fresh.clock.iso)).toBeLessThan(Date.parse(old.clock.iso)); // a new demo starts at the real now
  });
});
