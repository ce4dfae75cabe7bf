/**
 * `npm start` stopped and started again on the same sandbox database (docs/SANDBOX.md): the new
 * session's emulator continues the update ids where the last one stopped, and the first
 * messages after the restart are answered at once, not taken for updates already handled.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { SANDBOX_BOT } from "../../src/sandbox/session.js";
import { DEMO_IDS } from "../../src/sandbox/world.js";

let dir: string;
let sandbox: Sandbox | undefined;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "dondoc-sandbox-restart-"));
});
afterAll(async () => {
  await sandbox?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<Sandbox> {
  const config = parseConfig({
    DATABASE_URL: `file:${path.join(dir, "sandbox.db")}`,
    SANDBOX_PORT: "0",
    LOG_LEVEL: "silent",
  });
  return startSandbox({ config, logger: createLogger("silent"), print: () => undefined });
}

const prismaOf = async (s: Sandbox) => (await s.runtime.session()).app.db.prisma;

/** Sends through the page's API as a person would, and waits briefly for the bot's answer. */
async function nop(s: Sandbox, text: string): Promise<string> {
  const session = await s.runtime.session();
  const chat = session.world.chats.find((c) => c.kind === "unit" && c.members.includes(DEMO_IDS.officerA));
  if (!chat) throw new Error("no unit chat with officer A");
  const before = session.emulator.botMessages(chat.id).length;
  const res = await fetch(`${s.url}/api/send`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ chatId: chat.id, fromId: DEMO_IDS.officerA, text }),
  });
  expect(res.status).toBe(200);
  const sent = await session.emulator.waitForMessages(chat.id, before + 1, 3000);
  return sent.at(-1)?.text ?? "";
}

it("answers /nop at once after the sandbox is restarted on its database", async () => {
  sandbox = await start();
  for (let i = 0; i < 3; i++) expect(await nop(sandbox, "/nop 120 95")).toContain("79,2%");
  const botId = BigInt(SANDBOX_BOT.id);
  const handled = await (await prismaOf(sandbox)).processedUpdate.findMany({
    where: { botId },
    select: { updateId: true },
  });
  expect(handled).toHaveLength(3);
  await sandbox.stop();
  sandbox = undefined;

  sandbox = await start();
  for (let i = 0; i < 3; i++) expect(await nop(sandbox, "/nop 120 95")).toContain("79,2%");
  // Continued, not handed out again: three more ids, each above the previous session's.
  // biome-ignore lint/complexity/useMathMinMax: update ids are bigints, which Math.max does not take
  const last = handled.reduce((m, r) => (r.updateId > m ? r.updateId : m), 0n);
  const now = await (await prismaOf(sandbox)).processedUpdate.findMany({ where: { botId, updateId: { gt: last } } });
  expect(now).toHaveLength(3);
}, 60_000);
