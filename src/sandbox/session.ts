/**
 * One sandbox session (docs/SANDBOX.md): a manual ticking clock, the Bot API emulator on loopback and
 * the real app wired to it — the same composition root production runs, with Telegram swapped
 * for the emulator. "Đặt lại demo" stops a session and starts a fresh one.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { startApp, type App } from "../app.js";
import { createManualClock, type ManualClock } from "../clock.js";
import type { Config } from "../config.js";
import { openDatabase } from "../db/client.js";
import { lastRecordedInstant } from "../db/repos/lastActivity.js";
import { lastUpdateId } from "../db/repos/processedUpdates.js";
import { sqlitePath } from "../db/sqlite.js";
import { startEmulator, type Emulator } from "../emulator/index.js";
import type { RunReport } from "../jobs/scheduler.js";
import type { Logger } from "../logger.js";
import type { DashboardPageFactory } from "../webapp/start.js";
import { seedDemo } from "./seed.js";
import { DEMO_IDS, type DemoWorld } from "./world.js";

export const SANDBOX_BOT = { id: 8000000001, username: "dondoc_sandbox_bot", firstName: "Dondoc" } as const;
/** Natural time passing (nobody pressing the clock buttons) still runs what falls due. */
const FIRE_DUE_EVERY_MS = 30_000;

export type Session = {
  id: string;
  clock: ManualClock;
  emulator: Emulator;
  app: App;
  world: DemoWorld;
  /** The configuration the app runs with (the clock buttons jump to its cron times). */
  config: Config;
  /** Moves the clock, runs the jobs that fell due and wakes the delivery worker. */
  advanceTo(target: Date): Promise<RunReport[]>;
  stop(): Promise<void>;
};

export type SessionOptions = {
  config: Config;
  logger: Logger;
  databaseUrl: string;
  /** The dashboard Mini App's page: with it the session serves the dashboard on a free port (docs/WEBAPP.md). */
  dashboardPage?: DashboardPageFactory;
};

/** The sandbox's own page (any loopback port) frames the dashboard, as Telegram Web does. */
export const SANDBOX_FRAME_ANCESTORS = ["http://localhost:*", "http://127.0.0.1:*"] as const;

type ResumePoint = { instant: Date; firstUpdateId?: number };

/**
 * Where a reopened database left off: runs already claimed and figures already written stay
 * in the past, so a restarted sandbox never starts its clock before them; and the emulator
 * continues the update ids after the last one the bot handled, as Telegram's own counter would
 * (the bot would also take a reused id for a new update, see src/bot/updateGuard.ts, but the
 * demo need not lean on that).
 */
async function resumePoint(databaseUrl: string): Promise<ResumePoint> {
  const now = new Date();
  if (!databaseUrl.startsWith("file:") || !existsSync(sqlitePath(databaseUrl))) return { instant: now };
  const db = await openDatabase(databaseUrl);
  try {
    const latest = (await lastRecordedInstant(db.prisma))?.getTime() ?? 0;
    const lastId = await lastUpdateId(db.prisma, BigInt(SANDBOX_BOT.id));
    return {
      instant: latest >= now.getTime() ? new Date(latest + 60_000) : now,
      ...(lastId === undefined ? {} : { firstUpdateId: Number(lastId) + 1 }),
    };
  } finally {
    await db.close();
  }
}

export async function startSession(o: SessionOptions): Promise<Session> {
  const resume = await resumePoint(o.databaseUrl);
  const clock = createManualClock(resume.instant, { ticking: true });
  // A fresh fake token per session: it never leaves this process and matches the config's format.
  const token = `${SANDBOX_BOT.id}:${randomBytes(27).toString("base64url")}`;
  const emulator = await startEmulator({
    token,
    botUsername: SANDBOX_BOT.username,
    botFirstName: SANDBOX_BOT.firstName,
    host: "127.0.0.1",
    port: 0,
    clock: () => clock.now().getTime(),
    firstUpdateId: resume.firstUpdateId,
  });
  let world: DemoWorld | undefined;
  let app: App;
  const config: Config = {
    ...o.config,
    DATABASE_URL: o.databaseUrl,
    BOT_TOKEN: token,
    TELEGRAM_API_ROOT: emulator.url,
    ADMIN_IDS: [...new Set([...o.config.ADMIN_IDS, BigInt(DEMO_IDS.admin)])],
    // The dashboard on any free loopback port, whatever the deployment's own setting.
    WEBAPP_PORT: o.dashboardPage ? 0 : undefined,
    WEBAPP_URL: undefined,
  };
  try {
    app = await startApp({
      config,
      logger: o.logger,
      clock,
      token,
      apiRoot: emulator.url,
      // The manual clock is not the wall clock: jobs run only through fireDue below.
      schedulerTimers: "none",
      ...(o.dashboardPage ? { dashboardPage: o.dashboardPage, dashboardFrameAncestors: SANDBOX_FRAME_ANCESTORS } : {}),
      beforeStart: async (parts) => {
        const seeded = await seedDemo(parts, emulator, { directivesDir: o.config.DIRECTIVES_DIR });
        world = seeded.world;
        o.logger.info(
          { preset: seeded.preset, figures: seeded.figures, units: seeded.world.units.map((u) => u.code) },
          "sandbox seeded",
        );
      },
    });
  } catch (e) {
    await emulator.stop();
    throw e;
  }
  if (!world) throw new Error("sandbox: the demo world was not built");
  const running = app;
  const fireDue = async (): Promise<RunReport[]> => {
    const reports = await running.scheduler.fireDue(clock.now());
    running.worker.kick();
    return reports;
  };
  const timer = setInterval(
    () => void fireDue().catch((e: unknown) => o.logger.error({ err: e }, "sandbox fireDue failed")),
    FIRE_DUE_EVERY_MS,
  );
  timer.unref();
  return {
    id: randomBytes(6).toString("hex"),
    clock,
    emulator,
    app: running,
    world,
    config,
    async advanceTo(target) {
      clock.advanceTo(target);
      return fireDue();
    },
    async stop() {
      clearInterval(timer);
      await running.stop();
      await emulator.stop();
    },
  };
}
