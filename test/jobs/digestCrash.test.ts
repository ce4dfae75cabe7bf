/**
 * A bot SIGKILLed mid-digest, then restarted: the run it left "running" is taken over by the
 * restarted bot's periodic check once its heartbeat is 10 minutes old, and every leaders' chat
 * ends with its whole digest exactly once (docs/RELIABILITY.md, "Bản tổng hợp khi tiến trình
 * chết giữa chừng"). Before the heartbeat, the restart's one-time catch-up saw the run as
 * claimed and nothing ever looked again.
 */
import { spawn } from "node:child_process";
import pino from "pino";
import { afterEach, beforeEach, expect, it } from "vitest";
import { runStore } from "../../src/db/repos/runs.js";
import { startScheduler, type Scheduler } from "../../src/jobs/scheduler.js";
import { startHoldingProxy, type HoldingProxy } from "../helpers/holdingProxy.js";
import { TOKEN } from "../helpers/harness.js";
import { ict, startWorld, type World } from "./helpers.js";

/** Six leaders' chats over two subtrees; two indicators: a digest is 2 charts, 12 in all. */
const CHATS = [-2001, -2002, -2003, -2004, -2005, -2006];
const ROOTS = ["TN", "TN-H1", "TN", "TN-H1", "TN", "TN-H1"];
const PER_CHAT = 2;
/** The doomed bot's sweep hangs at the 4th chat: chats 1–3 queued (6 charts), 4–6 not. */
const STALL_AT_CHAT = 4;

let w: World;
let proxy: HoldingProxy;
let restarted: Scheduler | undefined;
beforeEach(async () => {
  w = await startWorld({ now: "2026-11-20T07:00:00+07:00" });
  for (const [i, chatId] of CHATS.entries()) await w.bind(chatId, "leaders", ROOTS[i] ?? "TN", `Lãnh đạo ${i + 1}`);
  await w.report("TN-STP", "hs-truc-tuyen", "2026-11", 90, 100, "2026-11-19T09:00");
  await w.report("TN-X1", "hs-truc-tuyen", "2026-11", 65, 100, "2026-11-20T09:00");
  await w.report("TN-X2", "thanh-toan-truc-tuyen", "2026-11", 30, 100, "2026-11-20T09:00");
  proxy = await startHoldingProxy(w.emu.url);
});
afterEach(async () => {
  await restarted?.stop();
  restarted = undefined;
  await proxy.close();
  await w.stop();
});

const photos = (chatId: number): number => w.emu.botMessages(chatId).filter((m) => m.photo !== undefined).length;
const total = (): number => CHATS.reduce((n, c) => n + photos(c), 0);
/** Charts in outbox rows marked sent: one per sendPhoto, one per item of an album. */
async function recordedPhotos(): Promise<number> {
  const rows = await w.db.prisma.outboxMessage.findMany({
    where: { status: "sent" },
    select: { method: true, payload: true },
  });
  return rows.reduce((n, r) => {
    if (r.method === "sendPhoto") return n + 1;
    if (r.method !== "sendMediaGroup") return n;
    const media: unknown = (JSON.parse(r.payload) as { media?: unknown }).media;
    return n + (Array.isArray(media) ? media.length : 0);
  }, 0);
}

it("SIGKILL mid-digest, restart: the dead run is taken over once its heartbeat is 10 min old and every leaders' chat gets its digest exactly once", {
  timeout: 90_000,
}, async () => {
  const fireTime = ict("2026-11-23T08:00");
  const child = spawn(process.execPath, ["--import", "tsx", "test/jobs/fixtures/digestBot.ts"], {
    env: {
      ...process.env,
      DIGEST_DB_URL: w.db.url,
      DIGEST_API_ROOT: proxy.url,
      DIGEST_TOKEN: TOKEN,
      DIGEST_START: fireTime.toISOString(),
      DIGEST_STALL_AT_CHAT: String(STALL_AT_CHAT),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  let exitedEarly = false;
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      exitedEarly = true;
      resolve();
    }),
  );
  // Some charts out, then Telegram stops answering the doomed bot (held, never delivered) and it dies.
  await w.emu.waitFor(() => exitedEarly || total() >= 3, { timeoutMs: 45_000, label: "first charts sent" });
  expect(exitedEarly).toBe(false);
  // The doomed sweep has queued chats 1–3 and hangs at the 4th (what "skipped" counts below).
  const queuedChats = async (): Promise<number> =>
    (await w.db.prisma.outboxMessage.findMany({ distinct: ["chatId"], select: { chatId: true } })).length;
  await expect.poll(queuedChats, { timeout: 20_000, interval: 20 }).toBe(STALL_AT_CHAT - 1);
  proxy.hold();
  // Answers already on their way reach the doomed bot and are recorded: every chart Telegram
  // accepted is in a row marked sent (else a row sent but "sending" would go twice).
  await proxy.settled();
  await expect.poll(recordedPhotos, { timeout: 10_000, interval: 20 }).toBe(total());
  child.kill("SIGKILL");
  await exited;

  const sentBeforeKill = CHATS.map(photos);
  expect(sentBeforeKill.slice(STALL_AT_CHAT - 1)).toEqual([0, 0, 0]); // never queued
  expect(total()).toBeLessThan(CHATS.length * PER_CHAT);
  expect(await w.db.prisma.jobRun.findMany()).toMatchObject([
    { job: "weekly-digest", status: "running", owner: "doomed" },
  ]);

  // The restarted bot, 3 minutes after the fire time: the dead run's heartbeat is still fresh.
  w.clock.set(ict("2026-11-23T08:03").toISOString());
  restarted = await startScheduler({
    jobs: [w.job("weekly-digest")],
    runs: runStore(w.db.prisma),
    clock: w.clock,
    logger: pino({ level: "silent" }),
    instanceId: "restarted",
    timers: "none",
    staleCheckEveryMs: 50,
  });
  expect(await restarted.catchUp).toMatchObject([{ job: "weekly-digest", outcome: "already_claimed" }]);
  // Two whole periodic checks at 08:03 (the first may have begun before the catch-up ended): still not stale.
  await restarted.nextStaleCheck();
  await restarted.nextStaleCheck();
  expect(await w.db.prisma.jobRun.findFirst()).toMatchObject({ status: "running", owner: "doomed" });

  // At 08:12 the doomed bot's last heartbeat (08:00, or 08:01 had it lived a minute) is over
  // 10 minutes old: the periodic check takes the run over, with no further restart.
  const started = Date.now();
  w.clock.set(ict("2026-11-23T08:12").toISOString());
  await expect
    .poll(async () => (await w.db.prisma.jobRun.findFirst())?.status, { timeout: 30_000, interval: 50 })
    .toBe("finished");
  const tookMs = Date.now() - started;
  const run = await w.db.prisma.jobRun.findFirst();
  expect(run).toMatchObject({ owner: "restarted", startedAt: ict("2026-11-23T08:12") });
  expect(JSON.parse(run?.detail ?? "{}")).toMatchObject({ chats: 6, skipped: STALL_AT_CHAT - 1, failed: 0 });

  await w.worker.drainOnce(); // the dead bot's claims on held rows expired long ago (lease 60 s)
  expect(CHATS.map(photos)).toEqual(CHATS.map(() => PER_CHAT));
  for (const chatId of CHATS) {
    const titles = w.emu.botMessages(chatId).map((m) => (m.caption ?? "").split("\n")[0]);
    expect(new Set(titles).size).toBe(PER_CHAT); // each indicator once, none twice
  }
  expect(await w.db.prisma.outboxMessage.count({ where: { status: { not: "sent" } } })).toBe(0);
  console.info(
    `digest crash: sent before the kill ${sentBeforeKill.join("/")}; after the restart ${CHATS.map(photos).join("/")}; takeover and re-run took ${tookMs} ms`,
  );
});
