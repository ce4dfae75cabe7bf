/** The node-cron path: the tick at 08:00 Asia/Ho_Chi_Minh claims and runs that fire time. */
import pino from "pino";
import { afterEach, expect, it, vi } from "vitest";
import { runStore } from "../../src/db/repos/runs.js";
import { startScheduler, type JobContext } from "../../src/jobs/scheduler.js";
import { createTestDb } from "../helpers/db.js";

afterEach(() => {
  vi.useRealTimers();
});

it("node-cron fires the job at its time; the run is claimed under its fire time", async () => {
  const db = await createTestDb();
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"] });
  vi.setSystemTime(new Date("2026-11-23T07:59:58+07:00"));
  const runs: JobContext[] = [];
  const s = await startScheduler({
    jobs: [{ name: "daily", cron: "0 8 * * *", catchUpWithinMs: 3_600_000, run: (ctx) => void runs.push(ctx) }],
    runs: runStore(db.prisma),
    clock: { now: () => new Date() },
    logger: pino({ level: "silent" }),
  });
  expect(await s.catchUp).toEqual([]);
  await vi.advanceTimersByTimeAsync(5_000);
  vi.useRealTimers();
  await s.idle();
  await s.stop();
  expect(runs.map((r) => r.fireTime.toISOString())).toEqual(["2026-11-23T01:00:00.000Z"]);
  expect(await db.prisma.jobRun.count()).toBe(1);
  await db.cleanup();
});
