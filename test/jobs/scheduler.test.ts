import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createManualClock, type ManualClock } from "../../src/clock.js";
import { claimRun } from "../../src/jobs/runs.js";
import { startScheduler, type JobContext, type JobDefinition, type Scheduler } from "../../src/jobs/scheduler.js";
import { createTestDb } from "../helpers/db.js";

const HOUR = 3_600_000;
const ict = (s: string): Date => new Date(`${s}+07:00`);
const logger = pino({ level: "silent" });

let db: Awaited<ReturnType<typeof createTestDb>>;
let clock: ManualClock;
const schedulers: Scheduler[] = [];
beforeEach(async () => {
  db = await createTestDb();
});
afterEach(async () => {
  for (const s of schedulers.splice(0)) await s.stop();
  await db.cleanup();
});

function job(name: string, cron: string, catchUpWithinMs: number, runs: JobContext[], fail = false): JobDefinition {
  return {
    name, cron, catchUpWithinMs,
    run(ctx) {
      runs.push(ctx);
      if (fail) throw new Error("sweep exploded");
      return { enqueued: 3 };
    },
  };
}

async function start(jobs: JobDefinition[]): Promise<Scheduler> {
  const s = await startScheduler({ jobs, prisma: db.prisma, clock, logger, timers: "none" });
  schedulers.push(s);
  return s;
}

describe("claimRun", () => {
  it("the same job and fire time is claimed once, even concurrently", async () => {
    const t = ict("2026-11-23T08:00:00");
    const claims = await Promise.all(Array.from({ length: 6 }, () => claimRun(db.prisma, { name: "daily" }, t)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimRun(db.prisma, { name: "daily" }, t)).toBeUndefined();
    expect(await db.prisma.jobRun.findMany()).toMatchObject([{ key: "daily@2026-11-23T01:00:00.000Z", status: "running" }]);
  });

  it("a run whose process died is taken over once after 10 minutes; a finished one never", async () => {
    const t = ict("2026-11-23T08:00:00");
    expect(await claimRun(db.prisma, { name: "daily" }, t, { now: t, owner: "dead" })).toBeDefined();
    expect(await claimRun(db.prisma, { name: "daily" }, t, { now: ict("2026-11-23T08:05:00") })).toBeUndefined();
    const later = ict("2026-11-23T08:11:00");
    const takers = await Promise.all(Array.from({ length: 4 }, (_, i) => claimRun(db.prisma, { name: "daily" }, t, { now: later, owner: `i${i}` })));
    expect(takers.filter(Boolean)).toHaveLength(1);
    await db.prisma.jobRun.updateMany({ data: { status: "finished" } });
    expect(await claimRun(db.prisma, { name: "daily" }, t, { now: ict("2026-11-23T09:00:00") })).toBeUndefined();
  });
});

describe("catch-up on start", () => {
  it("an 08:00 run missed until 08:40 runs once with a 4 h window; a restart does not repeat it", async () => {
    clock = createManualClock(ict("2026-11-23T08:40:00"));
    const runs: JobContext[] = [];
    const s = await start([job("daily-reminder", "0 8 * * *", 4 * HOUR, runs)]);
    expect(s.startup).toMatchObject([{ job: "daily-reminder", outcome: "finished" }]);
    expect(runs).toEqual([{ fireTime: ict("2026-11-23T08:00:00"), now: ict("2026-11-23T08:40:00") }]);
    const again = await start([job("daily-reminder", "0 8 * * *", 4 * HOUR, runs)]);
    expect(again.startup).toMatchObject([{ outcome: "already_claimed" }]);
    expect(runs).toHaveLength(1);
    expect(await db.prisma.jobRun.findFirst()).toMatchObject({ status: "finished", detail: '{"enqueued":3}' });
  });

  it("a run missed until the next day is not caught up", async () => {
    clock = createManualClock(ict("2026-11-24T07:30:00"));
    const runs: JobContext[] = [];
    const s = await start([job("daily-reminder", "0 8 * * *", 4 * HOUR, runs)]);
    expect(s.startup).toEqual([]);
    expect(runs).toEqual([]);
    expect(await db.prisma.jobRun.count()).toBe(0);
  });

  it("two instances starting together run a due fire time once", async () => {
    clock = createManualClock(ict("2026-11-23T08:05:00"));
    const runs: JobContext[] = [];
    const defs = [job("daily-reminder", "0 8 * * *", HOUR, runs)];
    await Promise.all([start(defs), start(defs)]);
    expect(runs).toHaveLength(1);
  });
});

describe("fireDue after the clock jumps", () => {
  it("runs what fell due between checks — at most the latest fire time per job", async () => {
    clock = createManualClock(ict("2026-11-23T07:00:00")); // a Monday
    const daily: JobContext[] = [];
    const weekly: JobContext[] = [];
    const s = await start([
      job("daily", "0 8 * * *", 4 * HOUR, daily),
      job("weekly-digest", "0 8 * * 1", 24 * HOUR, weekly),
    ]);
    expect(s.startup).toEqual([]);

    clock.advanceTo(ict("2026-11-23T08:00:30"));
    expect(await s.fireDue(clock.now())).toHaveLength(2);
    expect(await s.fireDue(clock.now())).toEqual([]); // nothing new fell due
    expect(daily.map((r) => r.fireTime)).toEqual([ict("2026-11-23T08:00:00")]);

    clock.advanceTo(ict("2026-11-26T09:00:00")); // three days later: only Thursday's 08:00
    expect(await s.fireDue(clock.now())).toMatchObject([{ job: "daily", outcome: "finished" }]);
    expect(daily.map((r) => r.fireTime)).toEqual([ict("2026-11-23T08:00:00"), ict("2026-11-26T08:00:00")]);
    expect(weekly).toHaveLength(1); // Monday's digest is outside its window now
  });

  it("a failing run is recorded as failed and not retried", async () => {
    clock = createManualClock(ict("2026-11-23T07:59:00"));
    const runs: JobContext[] = [];
    const s = await start([job("boom", "0 8 * * *", HOUR, runs, true)]);
    clock.advanceBy(2 * 60_000);
    expect(await s.fireDue()).toMatchObject([{ outcome: "failed" }]);
    expect(await db.prisma.jobRun.findFirst()).toMatchObject({ status: "failed", detail: "Error: sweep exploded" });
    clock.advanceBy(60_000);
    expect(await s.fireDue()).toEqual([]);
    expect(runs).toHaveLength(1);
  });

  it("refuses a 6-field or malformed cron at start", async () => {
    clock = createManualClock(ict("2026-11-23T07:00:00"));
    await expect(start([job("x", "0 0 8 * * *", HOUR, [])])).rejects.toThrow(/5 trường/);
    await expect(start([job("x", "0 25 * * *", HOUR, [])])).rejects.toThrow();
  });
});
