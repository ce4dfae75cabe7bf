/**
 * The composition root (src/app.ts) against the emulator: the start-up catch-up of runs missed
 * while the bot was down goes on in the background — a restart on Monday morning answers /nop
 * while the digest is still being drawn — and `stop()` cancels it cleanly.
 */
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, expect, it } from "vitest";
import { startApp, type App } from "../src/app.js";
import { createManualClock } from "../src/clock.js";
import { parseConfig } from "../src/config.js";
import { bindChat, touchChat } from "../src/db/repos/chats.js";
import { startEmulator, type Emulator } from "../src/emulator/index.js";
import type { JobDefinition } from "../src/jobs/scheduler.js";
import { createLogger } from "../src/logger.js";
import { reliabilityTexts } from "../src/messages/reliability.js";
import { installText } from "../src/services/directives/install.js";
import type { AppServices } from "../src/services/useCases.js";
import { createTestDb, type TestDb } from "./helpers/db.js";
import { TOKEN } from "./helpers/harness.js";

const GROUP = -100101;
const OFFICER = 501;
/** Monday 08:40 in Hà Nội: the 08:00 runs were missed while the bot was down. */
const RESTART = new Date("2026-11-23T08:40:00+07:00");
const HOUR = 3_600_000;

let db: TestDb;
let emu: Emulator;
let app: App | undefined;

beforeEach(async () => {
  db = await createTestDb();
  for (const f of ["test/fixtures/province.units.yaml", "test/fixtures/province.directive.yaml"]) {
    const r = await installText(db.prisma, readFileSync(f, "utf8"), "yaml");
    if (!r.ok) throw new Error(`fixture ${f}: ${JSON.stringify(r.problems)}`);
  }
  await touchChat(db.prisma, { chatId: BigInt(GROUP), type: "supergroup", title: "Phường Đức Xuân - Một cửa" });
  await bindChat(db.prisma, BigInt(GROUP), "unit", "TN-X1");
  emu = await startEmulator({ token: TOKEN, botUsername: "dondoc_test_bot", clock: () => RESTART.getTime() });
  emu.addUser({ id: OFFICER, firstName: "Lan" });
  emu.addChat({ id: GROUP, type: "supergroup", title: "Phường Đức Xuân - Một cửa" });
});
afterEach(async () => {
  await app?.stop();
  app = undefined;
  await emu.stop();
  await db.cleanup();
});

/** Stands for the Monday digest: blocks until the test opens the gate or the app stops. */
function slowDigest() {
  let open = (): void => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  let started = 0;
  const def: JobDefinition = {
    name: "slow-digest",
    cron: "0 8 * * 1",
    catchUpWithinMs: 8 * HOUR,
    async run({ signal }) {
      started += 1;
      await new Promise<void>((resolve, reject) => {
        void gate.then(resolve);
        signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
      });
      return { charts: 6 };
    },
  };
  return { def, open: () => open(), started: () => started };
}

/** A quick missed run that pushes through the outbox: proves the delivery worker is running. */
const morningReminder = ({ uc }: AppServices): JobDefinition => ({
  name: "morning-reminder",
  cron: "0 8 * * *",
  catchUpWithinMs: 4 * HOUR,
  async run({ fireTime }) {
    await uc.outbox.pushText({
      chatId: BigInt(GROUP),
      dedupKey: `test-reminder:${fireTime.toISOString()}`,
      kind: "reminder",
      text: "Nhắc báo cáo số liệu",
    });
    return { enqueued: 1 };
  },
});

async function start(slow: ReturnType<typeof slowDigest>): Promise<App> {
  const config = parseConfig({
    DATABASE_URL: db.url,
    BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: emu.url,
    LOG_LEVEL: "silent",
  });
  app = await startApp({
    config,
    logger: createLogger("silent"),
    clock: createManualClock(RESTART),
    token: TOKEN,
    apiRoot: emu.url,
    jobs: (services) => [morningReminder(services), slow.def],
  });
  return app;
}

it("answers /nop and delivers pushes while a slow start-up catch-up is still running", async () => {
  const slow = slowDigest();
  const running = await start(slow);
  let caughtUp = false;
  void running.scheduler.catchUp.then(() => (caughtUp = true));
  await expect.poll(() => slow.started()).toBe(1);

  emu.injectText({ chatId: GROUP, fromId: OFFICER, text: "/nop 120 95" });
  await expect
    .poll(() => emu.botMessages(GROUP).map((m) => m.text ?? ""), { timeout: 10_000 })
    .toEqual(expect.arrayContaining([expect.stringContaining("79,2%"), "Nhắc báo cáo số liệu"]));
  expect(caughtUp).toBe(false);
  expect(await db.prisma.jobRun.findMany({ orderBy: { job: "asc" }, select: { job: true, status: true } })).toEqual([
    { job: "morning-reminder", status: "finished" },
    { job: "slow-digest", status: "running" },
  ]);

  slow.open();
  expect(await running.scheduler.catchUp).toMatchObject([
    { job: "morning-reminder", outcome: "finished" },
    { job: "slow-digest", fireTime: new Date("2026-11-23T08:00:00+07:00"), outcome: "finished" },
  ]);
  expect(await db.prisma.jobRun.findUnique({ where: { key: "slow-digest@2026-11-23T01:00:00.000Z" } })).toMatchObject({
    status: "finished",
    detail: '{"charts":6}',
  });
});

it("stop() during the catch-up cancels the slow run and releases its fire time; the next start runs it once", async () => {
  const first = slowDigest();
  const running = await start(first);
  await expect.poll(() => first.started()).toBe(1);
  await running.stop();
  app = undefined;
  expect(await running.scheduler.catchUp).toMatchObject([
    { job: "morning-reminder", outcome: "finished" },
    { job: "slow-digest", outcome: "cancelled" },
  ]);
  expect(await db.prisma.jobRun.findMany({ select: { job: true } })).toEqual([{ job: "morning-reminder" }]);

  const second = slowDigest();
  const again = await start(second);
  second.open();
  expect(await again.scheduler.catchUp).toMatchObject([
    { job: "morning-reminder", outcome: "already_claimed" },
    { job: "slow-digest", outcome: "finished" },
  ]);
  // The reminder queued by the first start goes out once, whichever start's worker sends it (the
  // first may be stopped before it has): wait until nothing is left to send, then count.
  const reminders = () => emu.botMessages(GROUP).filter((m) => m.text === "Nhắc báo cáo số liệu");
  await expect.poll(() => reminders().length, { timeout: 10_000 }).toBe(1);
  await expect
    .poll(() => db.prisma.outboxMessage.count({ where: { status: { in: ["pending", "sending"] } } }), {
      timeout: 10_000,
    })
    .toBe(0);
  expect(reminders()).toHaveLength(1);
});

it("on start, an update the previous process died handling is reported at once, with no new update needed", async () => {
  const botId = BigInt(TOKEN.split(":")[0] ?? "");
  await db.prisma.processedUpdate.create({
    data: {
      botId,
      updateId: 4_242n,
      fingerprint: "f",
      status: "processing",
      createdAt: new Date(RESTART.getTime() - 5 * 60_000),
      chatId: BigInt(GROUP),
      kind: "file",
    },
  });
  await start(slowDigest());
  await expect
    .poll(() => emu.botMessages(GROUP).map((m) => m.text), { timeout: 10_000 })
    .toContain(reliabilityTexts.abandoned("file"));
  expect(
    await db.prisma.processedUpdate.findUnique({ where: { botId_updateId: { botId, updateId: 4_242n } } }),
  ).toMatchObject({ status: "failed" });
});
