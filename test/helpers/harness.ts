/**
 * End-to-end harness: a fresh database, the project's Bot API emulator, and the real bot
 * long-polling it — exactly the path production takes, with Telegram swapped for the emulator.
 */
import { readFileSync } from "node:fs";
import type { Bot } from "grammy";
import { createBot, type BotOptions } from "../../src/bot/createBot.js";
import { drainDetached } from "../../src/bot/detached.js";
import type { BotContext } from "../../src/bot/context.js";
import type { Clock } from "../../src/clock.js";
import { createLogger } from "../../src/logger.js";
import { createCatalogHolder } from "../../src/services/catalogHolder.js";
import type { AppDeps } from "../../src/services/context.js";
import { createAppServices } from "../../src/services/useCases.js";
import { installText } from "../../src/services/directives/install.js";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { createHash } from "node:crypto";
import { createTestDb, type TestDb } from "./db.js";
import type { Seed } from "./templates.js";
import { waitIdle } from "./idle.js";
import { createDeliveryWorker, type DeliveryWorker } from "../../src/delivery/worker.js";
import type { Api } from "grammy";

export const TOKEN = "123456789:TEST-token-AAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
export const ADMIN_ID = 9001;

export class TestClock implements Clock {
  constructor(private t: Date) {}
  now(): Date {
    return new Date(this.t);
  }
  set(iso: string): void {
    this.t = new Date(iso);
  }
  advance(ms: number): void {
    this.t = new Date(this.t.getTime() + ms);
  }
}

/** The fixture files installed through the application, as an administrator would send them. */
function fixtureSeed(files: readonly string[]): Seed {
  const texts = files.map((f) => [f, readFileSync(f, "utf8")] as const);
  return {
    key: createHash("sha256").update(JSON.stringify(texts)).digest("hex"),
    async install(prisma) {
      for (const [f, text] of texts) {
        const r = await installText(prisma, text, "yaml");
        if (!r.ok) throw new Error(`fixture ${f}: ${JSON.stringify(r.problems)}`);
      }
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;

export async function startHarness(
  opts: {
    now?: string;
    files?: string[];
    extraFeatures?: BotOptions["extraFeatures"];
    drain?: (deps: AppDeps, emu: Emulator, dialect: TestDb["dialect"]) => { kick(): void; stop(): Promise<void> };
  } = {},
) {
  const seed = fixtureSeed(
    opts.files ?? ["test/fixtures/province.units.yaml", "test/fixtures/province.directive.yaml"],
  );
  const db = await createTestDb({ seed });
  if (!db.seeded) await seed.install(db.prisma);
  const clock = new TestClock(new Date(opts.now ?? "2026-11-20T09:00:00+07:00"));
  const emu = await startEmulator({ token: TOKEN, botUsername: "dondoc_test_bot", clock: () => clock.now().getTime() });
  const catalog = await createCatalogHolder(db.prisma);
  let kick = () => {};
  const deps: AppDeps = {
    prisma: db.prisma,
    catalog,
    clock,
    logger: createLogger("silent"),
    adminIds: [BigInt(ADMIN_ID)],
    kickDelivery: () => kick(),
  };
  // What the bot and the jobs get, as in src/app.ts; `deps` stays for tests that call a service.
  const services = createAppServices(deps);
  const bot: Bot<BotContext> = createBot(services, {
    token: TOKEN,
    apiRoot: emu.url,
    extraFeatures: opts.extraFeatures,
  });
  const alerts: string[] = [];
  // The real worker is kept apart too: idle() waits for it to send what is due.
  let worker: DeliveryWorker | undefined;
  const drain = opts.drain?.(deps, emu, db.dialect) ?? (worker = realWorker(deps, db.dialect, bot.api, alerts));
  kick = () => drain.kick();
  await bot.init();
  // Kept so that stop() waits for the batch being handled: closing the database under an update's
  // last write made PostgreSQL runs fail at random.
  const polling = bot.start({ drop_pending_updates: false, timeout: 1 });
  // Stopping before grammY's first poll leaves an "Aborted delay" rejection behind: wait for it.
  await emu.waitFor(() => emu.calls("getUpdates") > 0, { timeoutMs: 5000 });
  emu.addUser({ id: ADMIN_ID, firstName: "Quản trị" });
  return {
    db,
    emu,
    deps,
    services,
    bot,
    clock,
    alerts,
    /** See {@link waitIdle}: what a "nothing was sent" assertion waits for instead of a sleep. */
    idle: (timeoutMs?: number) => waitIdle({ db, emu, bot, clock, drain: worker }, timeoutMs),
    async stop() {
      await bot.stop();
      await polling;
      await drainDetached(bot);
      await drain?.stop();
      await emu.stop();
      await db.cleanup();
    },
  };
}

/** The real delivery worker, so pushes reach the emulator exactly as in production. */
function realWorker(deps: AppDeps, dialect: TestDb["dialect"], api: Api, alerts: string[]) {
  const worker = createDeliveryWorker({
    prisma: deps.prisma,
    dialect,
    api,
    logger: deps.logger,
    clock: deps.clock,
    instanceId: "test",
    onAdminAlert: (text) => void alerts.push(text),
    idlePollMs: 100,
  });
  worker.start();
  return worker;
}
