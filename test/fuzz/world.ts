/**
 * The fuzz run's world: the real bot with every feature (src/bot/extraFeatures.ts), the
 * emulator, the real delivery worker, all in this process, and a logger whose every line is
 * kept so the test can read what would reach the operator's log.
 */
import { readFileSync } from "node:fs";
import { createBot } from "../../src/bot/createBot.js";
import { extraFeatures } from "../../src/bot/extraFeatures.js";
import { bindChat, touchChat, type ChatKind } from "../../src/db/repos/chats.js";
import { createDeliveryWorker } from "../../src/delivery/worker.js";
import { startEmulator } from "../../src/emulator/index.js";
import { createLogger } from "../../src/logger.js";
import { createCatalogHolder } from "../../src/services/catalogHolder.js";
import type { AppDeps } from "../../src/services/context.js";
import { createAppServices } from "../../src/services/useCases.js";
import { installText } from "../../src/services/directives/install.js";
import { createTestDb } from "../helpers/db.js";
import { ADMIN_ID, TestClock, TOKEN } from "../helpers/harness.js";

export const USERS = [ADMIN_ID, 501, 502, 601, 701, 777] as const;
export const GROUPS: readonly { id: number; title: string; kind: ChatKind | null; unit: string | null }[] = [
  { id: -100101, title: "Phường Đức Xuân - Một cửa", kind: "unit", unit: "TN-X1" },
  { id: -100102, title: "Xã Nông Thượng", kind: "unit", unit: "TN-X2" },
  { id: -100201, title: "Chủ tịch phường Đức Xuân", kind: "head", unit: "TN-X1" },
  { id: -100301, title: "Lãnh đạo huyện Đông Anh", kind: "leaders", unit: "TN-H1" },
  { id: -100401, title: "Nhóm chưa đăng ký", kind: null, unit: null },
];
const FIXTURES = [
  "test/fixtures/province.units.yaml",
  "test/fixtures/province.directive.yaml",
  "test/jobs/fixtures/tasks.directive.yaml",
];

export type FuzzWorld = Awaited<ReturnType<typeof startFuzzWorld>>;

export async function startFuzzWorld(now: string) {
  const db = await createTestDb();
  const clock = new TestClock(new Date(now));
  const emu = await startEmulator({ token: TOKEN, botUsername: "dondoc_test_bot", clock: () => clock.now().getTime() });
  for (const f of FIXTURES) {
    const r = await installText(db.prisma, readFileSync(f, "utf8"), "yaml");
    if (!r.ok) throw new Error(`fixture ${f}: ${JSON.stringify(r.problems)}`);
  }
  const logLines: string[] = [];
  const logger = createLogger("debug", [TOKEN], { write: (line: string) => void logLines.push(line) });
  let kick = () => {};
  const deps: AppDeps = {
    prisma: db.prisma,
    catalog: await createCatalogHolder(db.prisma),
    clock,
    logger,
    adminIds: [BigInt(ADMIN_ID)],
    kickDelivery: () => kick(),
  };
  const bot = createBot(createAppServices(deps), { token: TOKEN, apiRoot: emu.url, extraFeatures: extraFeatures() });
  const worker = createDeliveryWorker({
    prisma: db.prisma,
    dialect: db.dialect,
    api: bot.api,
    logger,
    clock,
    instanceId: "fuzz",
    onAdminAlert: () => undefined,
    idlePollMs: 100,
  });
  kick = () => worker.kick();
  worker.start();
  for (const id of USERS) {
    emu.addUser({ id, firstName: `Người ${id}`, ...(id % 2 ? { username: `u${id}` } : {}) });
    emu.addChat({ id, type: "private", firstName: `Người ${id}` });
  }
  for (const g of GROUPS) {
    emu.addChat({ id: g.id, type: "supergroup", title: g.title });
    if (g.kind && g.unit) {
      await touchChat(db.prisma, { chatId: BigInt(g.id), type: "supergroup", title: g.title });
      await bindChat(db.prisma, BigInt(g.id), g.kind, g.unit);
    }
  }
  await bot.init();
  void bot.start({ drop_pending_updates: false, timeout: 1 });
  await emu.waitFor(() => emu.calls("getUpdates") > 0, { timeoutMs: 5000 });
  return {
    db,
    emu,
    bot,
    deps,
    clock,
    logLines,
    /** Every update queued so far was taken and confirmed: the bot finished handling it. */
    async idle(timeoutMs = 30_000): Promise<void> {
      await emu.waitFor(() => emu.pendingUpdates() === 0, { timeoutMs, label: "bot idle" });
    },
    async stop() {
      await bot.stop();
      await worker.stop();
      await emu.stop();
      await db.cleanup();
    },
  };
}
