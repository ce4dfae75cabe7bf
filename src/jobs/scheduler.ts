/**
 * Fires the job registry (docs/SCHEDULES.md). node-cron 4 wakes us at each fire time (timezone
 * Asia/Ho_Chi_Minh); every run is claimed first (RunStore `claim`), so a fire time runs once across
 * restarts and instances. On start — and on every `fireDue(now)` after the sandbox jumps its
 * clock — the latest fire time ≤ now of each job runs if it was not claimed and is still
 * within the job's `catchUpWithinMs` (08:00 reminder missed until 08:40 with a 4 h window:
 * sent; missed until the next day: not).
 *
 * The start-up catch-up runs in the background (`catchUp`): a restart on Monday morning must
 * not render the whole digest before the bot answers anyone. `stop()` aborts the runs' signal
 * and waits; a run that stops early gives its fire time back (`releaseRun`) for the next start.
 *
 * A run keeps a heartbeat on its row (src/jobs/execute.ts). A process killed mid-run leaves
 * its row "running" with a heartbeat that stops; the start-up catch-up may come too early to
 * call it dead (a restart 2 minutes after the kill), so every `staleCheckEveryMs` the scheduler
 * looks again (`resumeStale`): the latest fire time of each job, still within its window, whose
 * row is gone or "running" with a stale heartbeat, is claimed and run — the dead run's sweep
 * resumes, its dedup keys keeping what was already queued from going twice.
 */
import cron, { type ScheduledTask } from "node-cron";
import type { Logger } from "pino";
import type { Clock } from "../clock.js";
import { describeError } from "../delivery/failures.js";
import {
  assertCron,
  HEARTBEAT_MS as DEFAULT_HEARTBEAT_MS,
  isWithinCatchUp,
  latestFireAtOrBefore,
  SCHEDULE_TIMEZONE,
  STALE_RUN_MS as DEFAULT_STALE_RUN_MS,
} from "../domain/schedule/index.js";
import { executeRun } from "./execute.js";
import type { JobDefinition, RunReport, RunStore } from "./types.js";

export type { JobContext, JobDefinition, RunClaim, RunOutcome, RunReport, RunStore } from "./types.js";

export interface SchedulerOptions {
  jobs: JobDefinition[];
  /** Where runs are claimed and recorded: `runStore(db)` of src/db/repos/runs.ts. */
  runs: RunStore;
  clock: Clock;
  logger: Logger;
  instanceId?: string;
  /** "cron" (default) lets node-cron wake us; "none" leaves it to fireDue (sandbox, tests). */
  timers?: "cron" | "none";
  /** How often a live run refreshes its heartbeat (real time). Default 1 min. */
  heartbeatEveryMs?: number;
  /** A "running" row whose heartbeat is older than this (by `clock`) is dead. Default 10 min. */
  staleAfterMs?: number;
  /** How often (real time) to look for dead runs to take over; 0: never. Default 1 min. */
  staleCheckEveryMs?: number;
}

export interface Scheduler {
  /** Runs each job's latest fire time in (last check, now] that is within its catch-up window. */
  fireDue(now?: Date): Promise<RunReport[]>;
  /**
   * Takes over, and runs, each job's latest fire time within its window whose row is gone or
   * whose heartbeat is stale (its process died). Also runs on its own every `staleCheckEveryMs`.
   */
  resumeStale(now?: Date): Promise<RunReport[]>;
  /** Resolves when no run is in progress. */
  idle(): Promise<void>;
  /**
   * Resolves once a periodic stale-run check that starts after this call has finished, so a
   * test can assert that a check took nothing over without sleeping and hoping one ran.
   * Rejects when there is no periodic check, or the scheduler stops first.
   */
  nextStaleCheck(): Promise<void>;
  /** No new run starts; running ones are signalled to stop and awaited (catch-up included). */
  stop(): Promise<void>;
  /**
   * The start-up catch-up of runs missed while the bot was down, already under way when
   * startScheduler resolves. Never rejects: each run's failure is logged and recorded.
   */
  readonly catchUp: Promise<RunReport[]>;
}

/** A cron tick this far from our clock means the clock is not the wall clock (sandbox). */
const TICK_TOLERANCE_MS = 5_000;

export async function startScheduler(o: SchedulerOptions): Promise<Scheduler> {
  for (const job of o.jobs) assertCron(job.cron);
  const names = new Set<string>();
  for (const job of o.jobs) {
    if (names.has(job.name)) throw new Error(`scheduler: two jobs named "${job.name}"`);
    names.add(job.name);
  }
  const log = o.logger.child({ component: "scheduler" });
  const running = new Map<string, Promise<RunReport>>();
  /** Fire times waiting for their job's previous run to end (see fire). */
  const waiting = new Set<Promise<RunReport>>();
  let lastChecked: Date | undefined;
  let stopped = false;
  const abort = new AbortController();

  const staleAfterMs = o.staleAfterMs ?? DEFAULT_STALE_RUN_MS;
  const runOnce = (job: JobDefinition, fireTime: Date): Promise<RunReport> =>
    executeRun(job, fireTime, {
      runs: o.runs,
      clock: o.clock,
      log,
      instanceId: o.instanceId,
      stop: abort.signal,
      heartbeatEveryMs: o.heartbeatEveryMs ?? DEFAULT_HEARTBEAT_MS,
      staleAfterMs,
    });

  /**
   * One run of a job at a time. A fire time that comes while the job's previous run is still
   * going waits for it and then runs, if it is still within its catch-up window (a sandbox jump
   * that lands while the 30 s check is running a job must not lose that job's new fire time);
   * otherwise it is skipped as "busy", not claimed.
   */
  const fire = (job: JobDefinition, fireTime: Date): Promise<RunReport> => {
    if (stopped) return Promise.resolve({ job: job.name, fireTime, outcome: "cancelled" });
    const previous = running.get(job.name);
    if (previous) {
      log.info(
        { job: job.name, fireTime: fireTime.toISOString() },
        "previous run still going; this fire time runs after it",
      );
      const later: Promise<RunReport> = previous
        .then((): Promise<RunReport> | RunReport => {
          if (isWithinCatchUp(fireTime, o.clock.now(), job.catchUpWithinMs)) return fire(job, fireTime);
          log.warn(
            { job: job.name, fireTime: fireTime.toISOString() },
            "previous run outlasted this fire time's catch-up window; skipped",
          );
          return { job: job.name, fireTime, outcome: "busy" };
        })
        .finally(() => waiting.delete(later));
      waiting.add(later);
      return later;
    }
    const p = runOnce(job, fireTime)
      .catch((err: unknown): RunReport => {
        log.error({ job: job.name, reason: describeError(err) }, "could not claim job run");
        return { job: job.name, fireTime, outcome: "failed" };
      })
      .finally(() => running.delete(job.name));
    running.set(job.name, p);
    return p;
  };

  const dueFireTime = (job: JobDefinition, now: Date, after: Date | undefined): Date | undefined => {
    const t = latestFireAtOrBefore(job.cron, now);
    if (!t) return undefined;
    if (after && t.getTime() <= after.getTime()) return undefined;
    if (!isWithinCatchUp(t, now, job.catchUpWithinMs)) {
      log.info(
        { job: job.name, fireTime: t.toISOString() },
        "skipped as planned: the bot was off at this fire time and its catch-up window has passed",
      );
      return undefined;
    }
    return t;
  };

  const fireDue = async (now: Date = o.clock.now()): Promise<RunReport[]> => {
    if (stopped) return [];
    const after = lastChecked;
    if (!lastChecked || now > lastChecked) lastChecked = now;
    const started: Promise<RunReport>[] = [];
    for (const job of o.jobs) {
      const t = dueFireTime(job, now, after);
      if (t) started.push(fire(job, t));
    }
    return Promise.all(started);
  };

  const resumeStale = async (now: Date = o.clock.now()): Promise<RunReport[]> => {
    const started: Promise<RunReport>[] = [];
    for (const job of o.jobs) {
      // Our own run (or one queued behind it) is alive by definition.
      if (stopped || running.has(job.name)) continue;
      const t = latestFireAtOrBefore(job.cron, now);
      if (!t || !isWithinCatchUp(t, now, job.catchUpWithinMs)) continue;
      if (!(await o.runs.isClaimable(job.name, t, now, staleAfterMs))) continue;
      if (stopped || running.has(job.name)) continue;
      log.warn(
        { job: job.name, fireTime: t.toISOString() },
        "fire time unclaimed, or its run's heartbeat stopped (process died): claiming it",
      );
      started.push(fire(job, t));
    }
    return Promise.all(started);
  };
  let checking: Promise<unknown> | undefined;
  const checkWaiters: { resolve(): void; reject(err: Error): void }[] = [];
  const checkEvery = o.staleCheckEveryMs ?? DEFAULT_HEARTBEAT_MS;
  const staleTimer =
    checkEvery > 0
      ? setInterval(() => {
          if (checking || stopped) return;
          const waiters = checkWaiters.splice(0);
          checking = resumeStale()
            .catch((err: unknown) => log.error({ reason: describeError(err) }, "stale run check failed"))
            .finally(() => {
              checking = undefined;
              for (const w of waiters) w.resolve();
            });
        }, checkEvery)
      : undefined;
  staleTimer?.unref();

  const tasks: ScheduledTask[] = [];
  if ((o.timers ?? "cron") === "cron") {
    for (const job of o.jobs) {
      const task = cron.createTask(
        job.cron,
        (ctx) => {
          // The tick only says "look now". Its own date rules when it matches our clock (so a
          // tick a hair early still finds 08:00); a manual clock elsewhere in time wins otherwise.
          const now = o.clock.now();
          const near = Math.abs(ctx.date.getTime() - now.getTime()) <= TICK_TOLERANCE_MS;
          const at = near && ctx.date > now ? ctx.date : now;
          const t = latestFireAtOrBefore(job.cron, at);
          if (t && isWithinCatchUp(t, at, job.catchUpWithinMs)) void fire(job, t);
        },
        { timezone: SCHEDULE_TIMEZONE, noOverlap: true, name: job.name },
      );
      await task.start();
      tasks.push(task);
    }
  }

  // Not awaited: the caller starts answering users while missed runs catch up.
  const catchUp = fireDue(o.clock.now()).then(
    (reports) => {
      if (reports.length > 0)
        log.info({ runs: reports.map((r) => ({ job: r.job, outcome: r.outcome })) }, "start-up catch-up done");
      return reports;
    },
    (err: unknown): RunReport[] => {
      log.error({ reason: describeError(err) }, "start-up catch-up failed");
      return [];
    },
  );
  const settled = async (): Promise<void> => {
    while (running.size > 0 || waiting.size > 0) await Promise.all([...running.values(), ...waiting]);
  };
  return {
    fireDue,
    resumeStale,
    catchUp,
    idle: settled,
    nextStaleCheck: () =>
      new Promise<void>((resolve, reject) => {
        if (!staleTimer || stopped) reject(new Error("scheduler: no periodic stale-run check"));
        else checkWaiters.push({ resolve, reject });
      }),
    async stop() {
      stopped = true;
      for (const w of checkWaiters.splice(0)) w.reject(new Error("scheduler stopped before the next stale-run check"));
      abort.abort();
      clearInterval(staleTimer);
      for (const t of tasks) await t.destroy();
      await checking;
      await catchUp;
      await settled();
    },
  };
}
