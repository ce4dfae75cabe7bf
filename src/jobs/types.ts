/** The job registry's shapes (src/jobs/scheduler.ts runs them; src/jobs/execute.ts runs one). */

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
