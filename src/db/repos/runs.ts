/**
 * JobRun rows: one per job and fire time. The unique `key` is the guarantee
 * that a restart, a second instance or a clock jump never runs the same fire time twice —
 * whoever inserts the row runs the job; everyone else gets a unique violation.
 *
 * Liveness is a heartbeat, not the start time: the owner refreshes `heartbeatAt` while the run
 * works (`beatRun`, every minute from the scheduler). A "running" row whose heartbeat is older
 * than `staleAfterMs` (STALE_RUN_MS) belongs to a process that died (SIGKILL, power loss); the next
 * claim — a restart's catch-up or any instance's periodic check — takes it over atomically and
 * runs it again. A live run of another instance keeps its heartbeat fresh however long it
 * takes, so it is never taken over. Re-running is safe because job bodies are sweeps that
 * enqueue with dedup keys: what the dead run already queued is not queued twice, what it had
 * not reached still goes.
 *
 * A takeover gives the row a new `startedAt`; finish, fail, release and heartbeat all match on
 * it, so a run that was presumed dead (a process frozen for minutes) cannot overwrite or delete
 * the row its successor now owns — its heartbeat finds nothing and tells it to stop.
 */
import { HEARTBEAT_MS, STALE_RUN_MS } from "../../domain/schedule/index.js";
import type { Db } from "../client.js";
import { isUniqueViolation } from "../errors.js";

/** A JobRun row, as plain data. */
export type JobRunRecord = {
  id: number;
  key: string;
  job: string;
  fireTime: Date;
  status: string;
  owner: string | null;
  detail: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  heartbeatAt: Date | null;
};

export const runKey = (name: string, fireTime: Date): string => `${name}@${fireTime.toISOString()}`;

export interface ClaimRunOptions {
  owner?: string;
  /** When the run starts (the injected clock); default the system time. */
  now?: Date;
  /** A "running" row whose heartbeat is older than this is presumed dead. Default 10 min. */
  staleAfterMs?: number;
}

export const DEFAULT_STALE_RUN_MS = STALE_RUN_MS;
export const DEFAULT_HEARTBEAT_MS = HEARTBEAT_MS;

/** The claim a run holds: its row and the `startedAt` that marks this claim (not a successor's). */
export type RunClaim = Pick<JobRunRecord, "id" | "startedAt">;

/** Inserts the run; undefined when this fire time was already claimed by a live or finished run. */
export async function claimRun(
  prisma: Db,
  job: { name: string },
  fireTime: Date,
  opts: ClaimRunOptions = {},
): Promise<JobRunRecord | undefined> {
  const now = opts.now ?? new Date();
  try {
    return await prisma.jobRun.create({
      data: {
        key: runKey(job.name, fireTime),
        job: job.name,
        fireTime,
        owner: opts.owner ?? null,
        startedAt: now,
        heartbeatAt: now,
      },
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return takeOverStale(prisma, runKey(job.name, fireTime), now, opts);
  }
}

/** Rows written before heartbeats existed have none: their start time stands in for it. */
const staleWhere = (staleBefore: Date) => ({
  OR: [{ heartbeatAt: { lt: staleBefore } }, { heartbeatAt: null, startedAt: { lt: staleBefore } }],
});

async function takeOverStale(
  prisma: Db,
  key: string,
  now: Date,
  opts: ClaimRunOptions,
): Promise<JobRunRecord | undefined> {
  const staleBefore = new Date(now.getTime() - (opts.staleAfterMs ?? DEFAULT_STALE_RUN_MS));
  // Conditional update = compare-and-set: of several instances, exactly one sees count 1.
  const taken = await prisma.jobRun.updateMany({
    where: { key, status: "running", ...staleWhere(staleBefore) },
    data: {
      owner: opts.owner ?? null,
      startedAt: now,
      heartbeatAt: now,
      detail: "taken over from a run that did not finish",
    },
  });
  return taken.count === 1 ? ((await prisma.jobRun.findUnique({ where: { key } })) ?? undefined) : undefined;
}

/**
 * Whether this fire time is worth a claim attempt by the periodic check: never claimed (or given
 * back by a stop), or "running" with a stale heartbeat. Finished, failed and live runs are not.
 */
export async function runIsClaimable(
  prisma: Db,
  key: string,
  now: Date,
  staleAfterMs = DEFAULT_STALE_RUN_MS,
): Promise<boolean> {
  const row = await prisma.jobRun.findUnique({
    where: { key },
    select: { status: true, startedAt: true, heartbeatAt: true },
  });
  if (!row) return true;
  const beat = row.heartbeatAt ?? row.startedAt;
  return row.status === "running" && beat.getTime() < now.getTime() - staleAfterMs;
}

/** Refreshes the heartbeat; false when the row is no longer this claim's (taken over, released). */
export async function beatRun(prisma: Db, claim: RunClaim, now: Date): Promise<boolean> {
  const r = await prisma.jobRun.updateMany({
    where: { id: claim.id, startedAt: claim.startedAt, status: "running" },
    data: { heartbeatAt: now },
  });
  return r.count === 1;
}

const MAX_DETAIL = 2_000;

function toDetail(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const text =
    typeof value === "string"
      ? value
      : JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text;
}

/** Both end states match the claim: a successor's row is left alone. */
const mine = (claim: RunClaim) => ({ id: claim.id, startedAt: claim.startedAt, status: "running" });

export async function finishRun(prisma: Db, claim: RunClaim, now: Date, detail?: unknown): Promise<void> {
  await prisma.jobRun.updateMany({
    where: mine(claim),
    data: { status: "finished", finishedAt: now, heartbeatAt: now, detail: toDetail(detail) },
  });
}

export async function failRun(prisma: Db, claim: RunClaim, now: Date, error: string): Promise<void> {
  await prisma.jobRun.updateMany({
    where: mine(claim),
    data: { status: "failed", finishedAt: now, heartbeatAt: now, detail: toDetail(error) },
  });
}

/**
 * Gives back a fire time whose run was cancelled by a stop: the row goes, so the next start
 * (or another instance's periodic check) claims it again if it is still within its catch-up window.
 */
export async function releaseRun(prisma: Db, claim: RunClaim): Promise<void> {
  await prisma.jobRun.deleteMany({ where: mine(claim) });
}

/**
 * How many of `dedupKeys` are in the outbox already (sent or waiting): a re-run of a sweep skips
 * a recipient whose messages a previous run queued. Read-only; the outbox itself is delivery's.
 */
export async function countQueued(prisma: Db, dedupKeys: readonly string[]): Promise<number> {
  if (dedupKeys.length === 0) return 0;
  return prisma.outboxMessage.count({ where: { dedupKey: { in: [...dedupKeys] } } });
}

/**
 * The scheduler's RunStore (src/jobs/types.ts) on this database: jobs/ gets this object, never the
 * client. Declared by shape here (db/ does not import jobs/); the scheduler's option type checks it.
 */
export function runStore(prisma: Db) {
  return {
    claim: (job: { name: string }, fireTime: Date, opts: ClaimRunOptions) => claimRun(prisma, job, fireTime, opts),
    isClaimable: (job: string, fireTime: Date, now: Date, staleAfterMs: number) =>
      runIsClaimable(prisma, runKey(job, fireTime), now, staleAfterMs),
    beat: (claim: RunClaim, now: Date) => beatRun(prisma, claim, now),
    finish: (claim: RunClaim, now: Date, detail?: unknown) => finishRun(prisma, claim, now, detail),
    fail: (claim: RunClaim, now: Date, error: string) => failRun(prisma, claim, now, error),
    release: (claim: RunClaim) => releaseRun(prisma, claim),
  };
}
