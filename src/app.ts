/**
 * Composition root (STYLE.md): config → logger → db → catalog → bot → delivery → scheduler.
 * `startApp` returns a handle whose `stop()` stops all of them in reverse order. It returns as
 * soon as the bot takes updates: the scheduler's catch-up of runs missed while the bot was down
 * goes on in the background (`app.scheduler.catchUp`), so a restart on Monday morning answers
 * /nop while the digest renders.
 */
import { randomUUID } from "node:crypto";
import type { Bot } from "grammy";
import { startAbandonedSweep, updatesInHand } from "./bot/abandonedUpdates.js";
import { createBot } from "./bot/createBot.js";
import { drainDetached } from "./bot/detached.js";
import type { BotContext } from "./bot/context.js";
import type { Clock } from "./clock.js";
import type { Config } from "./config.js";
import { openDatabase, type OpenedDb } from "./db/client.js";
import { adminIds } from "./db/repos/people.js";
import { ADMIN_ALERT_KIND } from "./delivery/alerts.js";
import { createDeliveryWorker, type DeliveryWorker } from "./delivery/worker.js";
import { createJobs, type JobFactory } from "./jobs/index.js";
import { startScheduler } from "./jobs/scheduler.js";
import type { Logger } from "./logger.js";
import { createMenuPublisher } from "./services/menus/publish.js";
import { publishAllMenus } from "./services/menus/sweep.js";
import { createCatalogHolder } from "./services/catalogHolder.js";
import type { AppDeps } from "./services/context.js";
import { createAppServices, type AppServices } from "./services/useCases.js";
import { runStore } from "./db/repos/runs.js";
import { pushText } from "./services/notify.js";
import { extraFeatures } from "./bot/extraFeatures.js";
import { startUpdateSource, type UpdateSource } from "./instance/updates.js";
import { shareOfLimits } from "./instance/share.js";
import { TELEGRAM_LIMITS } from "./delivery/pacer.js";
import type { DashboardLink } from "./render/dashboardButton.js";
import { startDashboard, type DashboardPageFactory, type StartedDashboard } from "./webapp/start.js";

export type AppOptions = {
  config: Config;
  logger: Logger;
  clock: Clock;
  token: string;
  apiRoot?: string;
  /**
   * Runs before the bot starts polling (the sandbox seeds its demo here). The scheduler's
   * catch-up is already under way: await `app.scheduler.catchUp` first to not race it.
   */
  beforeStart?: (app: Omit<App, "stop" | "dashboard">) => Promise<void>;
  /**
   * "cron" (default): node-cron wakes the scheduler at wall-clock fire times. "none": only
   * `scheduler.fireDue` runs jobs — the sandbox, whose manual clock is not the wall clock.
   */
  schedulerTimers?: "cron" | "none";
  /** The job registry; default every job (src/jobs/index.ts). Tests pass their own. */
  jobs?: JobFactory;
  /** The dashboard Mini App's page (src/webapp/page/); served when WEBAPP_PORT is set (docs/WEBAPP.md). */
  dashboardPage?: DashboardPageFactory;
  /** Origins besides Telegram Web that may frame the dashboard (the sandbox's page). */
  dashboardFrameAncestors?: readonly string[];
};

export type App = {
  db: OpenedDb;
  deps: AppDeps;
  /** What the bot and the jobs get: the use-cases, never the database client. */
  services: AppServices;
  bot: Bot<BotContext>;
  worker: DeliveryWorker;
  scheduler: Awaited<ReturnType<typeof startScheduler>>;
  /** The dashboard Mini App's server and link, when it runs. */
  dashboard: StartedDashboard | null;
  stop(): Promise<void>;
};

export async function startApp(o: AppOptions): Promise<App> {
  const { config, logger, clock } = o;
  const db = await openDatabase(config.DATABASE_URL);
  if (db.applied.length > 0) logger.info({ applied: db.applied }, "database migrated");
  const catalog = await createCatalogHolder(db.prisma, logger);
  let worker: DeliveryWorker | undefined;
  // Known once the bot knows its name and the dashboard listens; until then its buttons are left out.
  let dashboardLink: DashboardLink | null = null;
  const deps: AppDeps = {
    prisma: db.prisma,
    catalog,
    clock,
    logger,
    adminIds: config.ADMIN_IDS,
    kickDelivery: () => worker?.kick(),
    dashboardLink: () => dashboardLink,
  };
  const services = createAppServices(deps);
  const bot = createBot(services, { token: o.token, apiRoot: o.apiRoot, extraFeatures: extraFeatures() });
  const instanceId = config.INSTANCE_ID ?? `dondoc-${randomUUID().slice(0, 8)}`;
  let alertSeq = 0;
  worker = createDeliveryWorker({
    prisma: db.prisma,
    api: bot.api,
    logger,
    clock,
    instanceId,
    dialect: db.dialect,
    limits: shareOfLimits(TELEGRAM_LIMITS, config.DELIVERY_INSTANCES),
    leaseMs: config.DELIVERY_LEASE_MS,
    async onAdminAlert(text, keyboard) {
      const at = clock.now().toISOString();
      for (const admin of await adminIds(db.prisma, config.ADMIN_IDS)) {
        await pushText(deps, {
          chatId: admin,
          dedupKey: `alert:${instanceId}:${at}:${alertSeq++}:${admin}`,
          kind: ADMIN_ALERT_KIND,
          text,
          ...(keyboard ? { replyMarkup: keyboard } : {}),
        });
      }
    },
  });
  const scheduler = await startScheduler({
    jobs: (o.jobs ?? createJobs)(services, config),
    runs: runStore(db.prisma),
    clock,
    logger,
    instanceId,
    timers: o.schedulerTimers ?? "cron",
  });
  const partial = { db, deps, services, bot, worker, scheduler };
  let updates: UpdateSource;
  let dashboard: StartedDashboard | null = null;
  const menusStop = new AbortController();
  let menusSet: Promise<unknown> = Promise.resolve();
  try {
    await o.beforeStart?.(partial);
    await bot.init();
    dashboard = await startDashboard({
      config,
      services,
      page: o.dashboardPage,
      token: o.token,
      api: bot.api,
      botUsername: bot.botInfo.username,
      logger,
      ...(o.dashboardFrameAncestors ? { frameAncestors: o.dashboardFrameAncestors } : {}),
    });
    dashboardLink = dashboard?.link ?? null;
    // Beside the updates, not before them: a few hundred chats' menus must not delay the first answer.
    menusSet = publishAllMenus(
      deps,
      createMenuPublisher(bot.api, logger, () => deps.catalog.get().indices.length > 0),
      menusStop.signal,
    ).catch((e: unknown) => logger.warn({ err: e }, "command menus not set"));
    worker.start();
    // Issue #7: several instances poll one at a time through a lease, or all serve the webhook.
    updates = await startUpdateSource({ bot, prisma: db.prisma, logger, instanceId, config });
  } catch (e) {
    // The catch-up is already running against the database: stop it before closing that.
    menusStop.abort();
    await menusSet;
    await dashboard?.server.stop();
    await scheduler.stop();
    await worker.stop();
    await db.close();
    throw e;
  }
  logger.info({ username: bot.botInfo.username, mode: updates.mode, instanceId }, "bot started");
  // Updates a crashed process left half-handled are reported even if no update comes soon.
  const sweep = startAbandonedSweep(services, BigInt(bot.botInfo.id), updatesInHand(bot));
  return {
    ...partial,
    dashboard,
    async stop() {
      await dashboard?.server.stop();
      await updates.stop();
      menusStop.abort();
      await menusSet;
      await drainDetached(bot);
      await sweep.stop();
      await scheduler.stop();
      await worker?.stop();
      await db.close();
    },
  };
}
