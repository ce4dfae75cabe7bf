/** The job registry's shapes (src/jobs/scheduler.ts runs them; src/jobs/execute.ts runs one). */

/** A claimed fire time: its row, and the start that marks this claim (not a successor's). */
export interface RunClaim {
  id: number;
  startedAt: Date;
  /** Set when the claim took over a run whose process died. */
  detail: string | null;
}

/**
 * Where runs are claimed, kept alive and recorded (src/db/repos/runs.ts `runStore` is the database
 * one): the scheduler's only tie to storage, so that jobs/ holds no database client.
 */
export interface RunStore {
  /** Undefined when this fire time is already claimed by a live or finished run. */
  claim(
    job: { name: string },
    fireTime: Date,
    opts: { owner?: string; now: Date; staleAfterMs: number },
  ): Promise<RunClaim | undefined>;
  /** Never claimed (or given back), or "running" with a heartbeat older than `staleAfterMs`. */
  isClaimable(job: string, fireTime: Date, now: Date, staleAfterMs: number): Promise<boolean>;
  /** False when the row is no longer this claim's (taken over, released). */
  beat(claim: RunClaim, now: Date): Promise<boolean>;
  finish(claim: RunClaim, now: Date, detail?: unknown): Promise<void>;
  fail(claim: RunClaim, now: Date, error: string): Promise<void>;
  /** Gives the fire time back, for the next start to claim again. */
  release(claim: RunClaim): Promise<void>;
}

export interface JobContext {
  /** The scheduled instant this run stands for (also its key): derive "today", "this week" from it. */
  fireTime: Date;
  now: Date;
  /** Aborted when the scheduler stops: a long sweep checks it between items and stops early. */
  signal?: AbortSignal;
}

export interface JobDefinition {
  name: string;
  /** 5-field cron in Asia/Ho_Chi_Minh, e.g. "0 8 * * 1-5". */
  cron: string;
  /** A fire time missed by up to this much (bot down, clock jumped) still runs, once. */
  catchUpWithinMs: number;
  /** A sweep; what it returns (counts…) is stored as the run's detail. */
  run(ctx: JobContext): Promise<unknown> | unknown;
}

/**
 * "cancelled": the scheduler stopped before or during the run; the fire time stays unclaimed.
 * "busy": the job's previous run outlasted this fire time's catch-up window; not claimed.
 * "superseded": the run's heartbeat found its row taken over (this process looked dead); stopped.
 */
export type RunOutcome = "finished" | "failed" | "already_claimed" | "busy" | "cancelled" | "superseded";

export interface RunReport {
  job: string;
  fireTime: Date;
  outcome: RunOutcome;
}
