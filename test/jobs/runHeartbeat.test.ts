/**
 * Run liveness by heartbeat (src/db/repos/runs.ts, src/jobs/execute.ts): a run whose process died is
 * taken over by a periodic check while the bot keeps running, a live run of another instance is
 * never taken over however long it takes, and a run presumed dead that wakes up leaves its
 * successor's row alone.
 */
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createManualClock, type ManualClock } from "../../src/clock.js";
import { claimRun, runKey, runStore } from "../../src/db/repos/runs.js";
import {
  startScheduler,
  type JobDefinition,
  type RunReport,
  type Scheduler,
  type SchedulerOptions,
} from "../../src/jobs/scheduler.js";
import { createTestDb } from "../helpers/db.js";

const MIN = 60_000;
const HOUR = 60 * MIN;
const ict = (s: string): Date => new Date(`${s}+07:00`);
const FIRE = ict("2026-11-23T08:00:00");

let db: Awaited<ReturnType<typeof createTestDb>>;
let clock: ManualClock;
const schedulers: Scheduler[] = [];
beforeEach(async () => {
  db = await createTestDb();
  clock = createManualClock(FIRE);
});
afterEach(async () => {
  for (const s of schedulers.splice(0)) await s.stop();
  await db.cleanup();
});

async function start(jobs: JobDefinition[], o: Partial<SchedulerOptions>): Promise<Scheduler> {
  const s = await startScheduler({
    jobs,
    runs: runStore(db.prisma),
    clock,
    logger: pino({ level: "silent" }),
    timers: "none",
    ...o,
  });
  schedulers.push(s);
  return s;
}

/** A digest-like run that works until the test opens its gate, or stops when signalled. */
function gatedJob() {
  let open = (): void => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const started: string[] = [];
  const def = (who: string): JobDefinition => ({
    name: "weekly-digest",
    cron: "0 8 * * 1",
    catchUpWithinMs: 8 * HOUR,
    async run({ signal }) {
      started.push(who);
      await new Promise<void>((resolve, reject) => {
        void gate.then(resolve);
        signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
      });
      return { by: who };
    },
  });
  return { def, started, open: () => open() };
}

const row = () => db.prisma.jobRun.findUnique({ where: { key: runKey("weekly-digest", FIRE) } });

describe("claimRun by heartbeat", () => {
  it("a run started 30 min ago whose heartbeat is 2 min old is alive: not taken over; 11 min old: taken over once", async () => {
    expect(await claimRun(db.prisma, { name: "weekly-digest" }, FIRE, { now: FIRE, owner: "A" })).toBeDefined();
    await db.prisma.jobRun.updateMany({ data: { heartbeatAt: ict("2026-11-23T08:28:00") } });
    expect(
      await claimRun(db.prisma, { name: "weekly-digest" }, FIRE, { now: ict("2026-11-23T08:30:00"), owner: "B" }),
    ).toBeUndefined();
    expect(await row()).toMatchObject({ owner: "A", status: "running" });
    const later = ict("2026-11-23T08:39:30");
    const takers = await Promise.all(
      ["B", "C", "D"].map((owner) => claimRun(db.prisma, { name: "weekly-digest" }, FIRE, { now: later, owner })),
    );
    expect(takers.filter(Boolean)).toHaveLength(1);
    expect(await row()).toMatchObject({ startedAt: later, heartbeatAt: later });
  });
});

describe("periodic takeover", () => {
  it("a dead run (no heartbeat since 08:00): a restart at 08:05 leaves it, the check at 08:11 takes it over and runs it once", async () => {
    await claimRun(db.prisma, { name: "weekly-digest" }, FIRE, { now: FIRE, owner: "dead" });
    clock.advanceTo(ict("2026-11-23T08:05:00"));
    const g = gatedJob();
    const s = await start([g.def("B")], { instanceId: "B", staleCheckEveryMs: 20 });
    expect(await s.catchUp).toMatchObject([{ outcome: "already_claimed" }]);
    // Two whole periodic checks at 08:05 (the first may have begun before the catch-up ended).
    await s.nextStaleCheck();
    await s.nextStaleCheck();
    expect(g.started).toEqual([]);
    clock.advanceTo(ict("2026-11-23T08:11:00"));
    await expect.poll(() => g.started, { timeout: 5_000 }).toEqual(["B"]);
    g.open();
    await s.idle();
    expect(await row()).toMatchObject({ owner: "B", status: "finished", detail: '{"by":"B"}' });
    await s.nextStaleCheck();
    expect(g.started).toEqual(["B"]); // finished: a later check never runs it again
  });

  it("a live run of another instance, 30 min long with its heartbeat going, is never taken over", async () => {
    const g = gatedJob();
    const a = await start([g.def("A")], { instanceId: "A", heartbeatEveryMs: 10 });
    await expect.poll(() => g.started).toEqual(["A"]);
    const b = await start([g.def("B")], { instanceId: "B", staleCheckEveryMs: 15 });
    expect(await b.catchUp).toMatchObject([{ outcome: "already_claimed" }]);
    // Time passes as it does: a minute at a time. Each minute a whole periodic check of B looks
    // at the row, A's heartbeat a beat behind at most, then the heartbeat catches up.
    for (let i = 0; i < 30; i += 1) {
      clock.advanceBy(MIN);
      await b.nextStaleCheck();
      const now = clock.now().getTime();
      await expect.poll(async () => (await row())?.heartbeatAt?.getTime(), { interval: 5 }).toBe(now);
    }
    expect(g.started).toEqual(["A"]);
    // An instance (re)starting now, 30 min after A claimed the run, leaves it to A as well.
    const c = await start([g.def("C")], { instanceId: "C", staleCheckEveryMs: 0 });
    expect(await c.catchUp).toMatchObject([{ outcome: "already_claimed" }]);
    expect((await row())?.heartbeatAt?.getTime()).toBeGreaterThan(clock.now().getTime() - 10 * MIN);
    g.open();
    await a.idle();
    expect(await row()).toMatchObject({ owner: "A", status: "finished" });
  });

  it("a run given back by a stopping instance is picked up by the other one's check", async () => {
    const g = gatedJob();
    const a = await start([g.def("A")], { instanceId: "A" });
    await expect.poll(() => g.started).toEqual(["A"]);
    const b = await start([g.def("B")], { instanceId: "B", staleCheckEveryMs: 20 });
    await a.stop();
    await expect.poll(() => g.started, { timeout: 5_000 }).toEqual(["A", "B"]);
    g.open();
    await b.idle();
    expect(await row()).toMatchObject({ owner: "B", status: "finished" });
  });

  it("a run presumed dead that wakes up stops, and leaves its successor's row alone", async () => {
    const g = gatedJob();
    const a = await start([g.def("A")], { instanceId: "A", heartbeatEveryMs: 20 });
    await expect.poll(() => g.started).toEqual(["A"]);
    // What a successor's takeover writes (its own claim time).
    await db.prisma.jobRun.updateMany({
      data: { owner: "B", startedAt: ict("2026-11-23T08:20:00"), heartbeatAt: ict("2026-11-23T08:20:00") },
    });
    const reports: RunReport[] = await a.catchUp;
    expect(reports).toMatchObject([{ outcome: "superseded" }]);
    expect(await row()).toMatchObject({ owner: "B", status: "running", finishedAt: null });
  });
});
