import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createManualClock, type ManualClock } from "../../src/clock.js";
import { claimRun, runStore } from "../../src/db/repos/runs.js";
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
    name,
    cron,
    catchUpWithinMs,
    run({ fireTime, now }) {
      runs.push({ fireTime, now });
      if (fail) throw new Error("sweep exploded");
      return { enqueued: 3 };
    },
  };
}

async function start(jobs: JobDefinition[]): Promise<Scheduler> {
  const s = await startScheduler({ jobs, runs: runStore(db.prisma), clock, logger, timers: "none" });
  schedulers.push(s);
  return s;
}

describe("claimRun", () => {
  it("the same job and fire time is claimed once, even concurrently", async () => {
    const t = ict("2026-11-23T08:00:00");
    const claims = await Promise.all(Array.from({ length: 6 }, () => claimRun(db.prisma, { name: "daily" }, t)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimRun(db.prisma, { name: "daily" }, t)).toBeUndefined();
    expect(await db.prisma.jobRun.findMany()).toMatchObject([
      { key: "daily@2026-11-23T01:00:00.000Z", status: "running" },
    ]);
  });

  it("a run whose process died is taken over once after 10 minutes; a finished one never", async () => {
    const t = ict("2026-11-23T08:00:00");
    expect(await claimRun(db.prisma, { name: "daily" }, t, { now: t, owner: "dead" })).toBeDefined();
    expect(await claimRun(db.prisma, { name: "daily" }, t, { now: ict("2026-11-23T08:05:00") })).toBeUndefined();
    const later = ict("2026-11-23T08:11:00");
    const takers = await Promise.all(
      Array.from({ length: 4 }, (_, i) => claimRun(db.prisma, { name: "daily" }, t, { now: later, owner: `i${i}` })),
    );
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
    expect(await s.catchUp).toMatchObject([{ job: "daily-reminder", outcome: "finished" }]);
    expect(runs).toEqual([{ fireTime: ict("2026-11-23T08:00:00"), now: ict("2026-11-23T08:40:00") }]);
    const again = await start([job("daily-reminder", "0 8 * * *", 4 * HOUR, runs)]);
    expect(await again.catchUp).toMatchObject([{ outcome: "already_claimed" }]);
    expect(runs).toHaveLength(1);
    expect(await db.prisma.jobRun.findFirst()).toMatchObject({ status: "finished", detail: '{"enqueued":3}' });
  });

  it("a run missed until the next day is not caught up", async () => {
    clock = createManualClock(ict("2026-11-24T07:30:00"));
    const runs: JobContext[] = [];
    const s = await start([job("daily-reminder", "0 8 * * *", 4 * HOUR, runs)]);
    expect(await s.catchUp).toEqual([]);
    expect(runs).toEqual([]);
    expect(await db.prisma.jobRun.count()).toBe(0);
  });

  it("two instances starting together run a due fire time once", async () => {
    clock = createManualClock(ict("2026-11-23T08:05:00"));
    const runs: JobContext[] = [];
    const defs = [job("daily-reminder", "0 8 * * *", HOUR, runs)];
    const both = await Promise.all([start(defs), start(defs)]);
    const outcomes = (await Promise.all(both.map((s) => s.catchUp))).flat().map((r) => r.outcome);
    expect(outcomes.sort()).toEqual(["already_claimed", "finished"]);
    expect(runs).toHaveLength(1);
  });
});

/** A run that waits until the test opens its gate, or stops when the scheduler aborts it. */
function gatedJob(name: string, cron: string, catchUpWithinMs: number) {
  let open = (): void => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const started: Date[] = [];
  const def: JobDefinition = {
    name,
    cron,
    catchUpWithinMs,
    async run({ fireTime, signal }) {
      started.push(fireTime);
      await new Promise<void>((resolve, reject) => {
        void gate.then(resolve);
        signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
      });
      return { sent: 1 };
    },
  };
  return { def, started, open: () => open() };
}

describe("catch-up in the background", () => {
  it("startScheduler resolves while a slow catch-up run is still going; the run is claimed, then recorded", async () => {
    clock = createManualClock(ict("2026-11-23T08:40:00"));
    const slow = gatedJob("weekly-digest", "0 8 * * 1", 8 * HOUR);
    const s = await start([slow.def]);
    let settled = false;
    void s.catchUp.then(() => (settled = true));
    await expect.poll(() => slow.started.length).toBe(1);
    expect(settled).toBe(false);
    expect(await db.prisma.jobRun.findMany()).toMatchObject([{ job: "weekly-digest", status: "running" }]);
    // The sandbox's 30 s fireDue meanwhile finds nothing new: the run under way is not started again.
    clock.advanceBy(60_000);
    expect(await s.fireDue()).toEqual([]);
    slow.open();
    expect(await s.catchUp).toMatchObject([
      { job: "weekly-digest", fireTime: ict("2026-11-23T08:00:00"), outcome: "finished" },
    ]);
    expect(settled).toBe(true);
    expect(await db.prisma.jobRun.findMany()).toMatchObject([{ status: "finished", detail: '{"sent":1}' }]);
  });

  it("stop() during the catch-up cancels the run and gives its fire time back: the next start, still in the window, runs it once", async () => {
    clock = createManualClock(ict("2026-11-23T08:40:00"));
    const first = gatedJob("weekly-digest", "0 8 * * 1", 8 * HOUR);
    const s = await start([first.def]);
    await expect.poll(() => first.started.length).toBe(1);
    await s.stop();
    expect(await s.catchUp).toMatchObject([{ job: "weekly-digest", outcome: "cancelled" }]);
    expect(await db.prisma.jobRun.count()).toBe(0);
    expect(await s.fireDue()).toEqual([]); // a stopped scheduler starts nothing

    clock.advanceTo(ict("2026-11-23T09:00:00"));
    const second = gatedJob("weekly-digest", "0 8 * * 1", 8 * HOUR);
    const again = await start([second.def]);
    second.open();
    expect(await again.catchUp).toMatchObject([{ outcome: "finished", fireTime: ict("2026-11-23T08:00:00") }]);
    expect(await db.prisma.jobRun.findMany()).toMatchObject([{ status: "finished" }]);
  });

  it("a failing catch-up run is recorded as failed; the catch-up itself resolves", async () => {
    clock = createManualClock(ict("2026-11-23T08:05:00"));
    const runs: JobContext[] = [];
    const s = await start([job("boom", "0 8 * * *", HOUR, runs, true), job("daily", "0 8 * * *", HOUR, runs)]);
    expect(await s.catchUp).toMatchObject([
      { job: "boom", outcome: "failed" },
      { job: "daily", outcome: "finished" },
    ]);
    expect(await db.prisma.jobRun.findMany({ orderBy: { job: "asc" } })).toMatchObject([
      { job: "boom", status: "failed", detail: "Error: sweep exploded" },
      { job: "daily", status: "finished" },
    ]);
  });
});

/** A daily job whose Monday 08:00 run has started and waits for `slow.open()`. */
async function mondayRunGoing(catchUpWithinMs: number) {
  clock = createManualClock(ict("2026-11-23T07:59:00"));
  const slow = gatedJob("daily", "0 8 * * *", catchUpWithinMs);
  const s = await start([slow.def]);
  clock.advanceTo(ict("2026-11-23T08:00:10"));
  const first = s.fireDue();
  await expect.poll(() => slow.started.length).toBe(1);
  return { slow, s, first };
}

describe("fireDue after the clock jumps", () => {
  it("runs what fell due between checks — at most the latest fire time per job", async () => {
    clock = createManualClock(ict("2026-11-23T07:00:00")); // a Monday
    const daily: JobContext[] = [];
    const weekly: JobContext[] = [];
    const s = await start([
      job("daily", "0 8 * * *", 4 * HOUR, daily),
      job("weekly-digest", "0 8 * * 1", 24 * HOUR, weekly),
    ]);
    expect(await s.catchUp).toEqual([]);

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

  it("a fire time that comes while the job's previous run is still going runs after it, once", async () => {
    const { slow, s, first } = await mondayRunGoing(4 * HOUR);
    // The next day's 08:00 arrives (a sandbox jump) while Monday's run is still going.
    clock.advanceTo(ict("2026-11-24T08:00:05"));
    const second = s.fireDue();
    expect(slow.started).toHaveLength(1); // one run of a job at a time
    slow.open();
    expect(await first).toMatchObject([{ outcome: "finished", fireTime: ict("2026-11-23T08:00:00") }]);
    expect(await second).toMatchObject([{ outcome: "finished", fireTime: ict("2026-11-24T08:00:00") }]);
    expect(slow.started).toEqual([ict("2026-11-23T08:00:00"), ict("2026-11-24T08:00:00")]);
    expect(await db.prisma.jobRun.count({ where: { status: "finished" } })).toBe(2);
  });

  it("one whose catch-up window ends before the previous run does is skipped as busy, not claimed", async () => {
    const { slow, s, first } = await mondayRunGoing(HOUR);
    clock.advanceTo(ict("2026-11-24T08:30:00"));
    const second = s.fireDue();
    clock.advanceTo(ict("2026-11-24T09:30:00")); // the previous run ends after the 1 h window
    slow.open();
    await first;
    expect(await second).toMatchObject([{ outcome: "busy", fireTime: ict("2026-11-24T08:00:00") }]);
    expect(slow.started).toHaveLength(1);
    expect(await db.prisma.jobRun.count()).toBe(1);
  });

  it("stop() while a fire time waits for the previous run: neither is left running, the waiting one is not claimed", async () => {
    const { s, first } = await mondayRunGoing(4 * HOUR);
    clock.advanceTo(ict("2026-11-24T08:00:05"));
    const second = s.fireDue();
    await s.stop();
    expect(await first).toMatchObject([{ outcome: "cancelled" }]);
    expect(await second).toMatchObject([{ outcome: "cancelled", fireTime: ict("2026-11-24T08:00:00") }]);
    expect(await db.prisma.jobRun.count()).toBe(0);
  });

  it("refuses a 6-field or malformed cron at start", async () => {
    clock = createManualClock(ict("2026-11-23T07:00:00"));
    await expect(start([job("x", "0 0 8 * * *", HOUR, [])])).rejects.toThrow(/5 trường/);
    await expect(start([job("x", "0 25 * * *", HOUR, [])])).rejects.toThrow();
  });
});
