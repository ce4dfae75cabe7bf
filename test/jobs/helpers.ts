/**
 * Schedules through the emulator: the harness (real bot, real outbox), a delivery worker that
 * the test drains explicitly after each run, and the jobs of the registry (src/jobs/index.ts) run at a
 * given Vietnamese local time.
 */
import { Api } from "grammy";
import { digestFeature } from "../../src/bot/features/digest.js";
import { tasksFeature } from "../../src/bot/features/tasks.js";
import { bindChat, touchChat, type ChatKind } from "../../src/db/repos/chats.js";
import { writeFigures } from "../../src/db/repos/figures.js";
import { TELEGRAM_LIMITS } from "../../src/delivery/pacer.js";
import { createDeliveryWorker, type DeliveryWorker } from "../../src/delivery/worker.js";
import type { Message } from "../../src/emulator/index.js";
import type { JobDefinition } from "../../src/jobs/scheduler.js";
import { parseConfig } from "../../src/config.js";
import { createJobs } from "../../src/jobs/index.js";
import { startHarness, TOKEN, type Harness } from "../helpers/harness.js";

/** `2026-11-23T08:00` in Asia/Ho_Chi_Minh. */
export const ict = (local: string): Date => new Date(`${local}${local.length === 16 ? ":00" : ""}+07:00`);

export const CRON = { DAILY_REMINDER_CRON: "0 8 * * *", WEEKLY_DIGEST_CRON: "0 8 * * 1" };

export type World = Harness & {
  worker: DeliveryWorker;
  jobs: JobDefinition[];
  job(name: string): JobDefinition;
  /** Runs a job for the fire time `local` (clock set there first), then delivers the outbox. */
  runAt(name: string, local: string): Promise<unknown>;
  bind(chatId: number, kind: ChatKind, unitCode: string, title?: string): Promise<void>;
  report(
    unitCode: string,
    indicatorCode: string,
    period: string,
    numerator: number,
    denominator: number,
    local: string,
  ): Promise<void>;
  texts(chatId: number): string[];
};

export async function startWorld(opts: { now?: string; files?: string[] } = {}): Promise<World> {
  let worker: DeliveryWorker | undefined;
  const h = await startHarness({
    now: opts.now ?? "2026-11-20T07:00:00+07:00",
    ...(opts.files ? { files: opts.files } : {}),
    extraFeatures: [tasksFeature, digestFeature],
    drain: (deps, emu, dialect) => {
      worker = createDeliveryWorker({
        prisma: deps.prisma,
        dialect,
        api: new Api(TOKEN, { apiRoot: emu.url }),
        logger: deps.logger,
        clock: deps.clock,
        instanceId: "jobs-test",
        onAdminAlert: () => undefined,
        // Simulated days pass in milliseconds here; Telegram's per-group minute is real time.
        limits: { ...TELEGRAM_LIMITS, group: 1_000, groupWindowMs: 1_000 },
      });
      return worker;
    },
  });
  if (!worker) throw new Error("drain was not wired");
  // The harness starts polling in the background; a test that never talks to the bot could
  // stop the emulator under grammY's start-up call (an unhandled "Aborted delay" rejection).
  await h.emu.waitFor(() => h.emu.calls("getUpdates") > 0, { label: "bot polling" });
  const w = worker;
  const jobs = createJobs(h.services, parseConfig(CRON));
  const job = (name: string) => {
    const found = jobs.find((j) => j.name === name);
    if (!found) throw new Error(`no job ${name}`);
    return found;
  };
  return {
    ...h,
    worker: w,
    jobs,
    job,
    async runAt(name, local) {
      const fireTime = ict(local);
      if (h.clock.now() < fireTime) h.clock.set(fireTime.toISOString());
      const detail = await job(name).run({ fireTime, now: h.clock.now() });
      await w.drainOnce();
      return detail;
    },
    async bind(chatId, kind, unitCode, title) {
      h.emu.addChat({ id: chatId, type: "supergroup", title: title ?? `Nhóm ${unitCode}` });
      await touchChat(h.db.prisma, { chatId: BigInt(chatId), type: "supergroup", title: title ?? null });
      await bindChat(h.db.prisma, BigInt(chatId), kind, unitCode);
    },
    async report(unitCode, indicatorCode, period, numerator, denominator, local) {
      await writeFigures(h.db.prisma, [{ unitCode, indicatorCode, period, numerator, denominator }], {
        byUser: 1n,
        chatId: null,
        source: "test",
        at: ict(local),
      });
    },
    texts: (chatId) => h.emu.botMessages(chatId).map((m: Message) => m.text ?? m.caption ?? ""),
  };
}
