/**
 * JobRun rows: one per job and fire time (issue #4 §3). The unique `key` is the guarantee
 * that a restart, a second instance or a clock jump never runs the same fire time twice —
 * whoever inserts the row runs the job; everyone else gets a unique violation.
 * A run whose process died mid-way stays "running"; once it is older than `staleAfterMs` the
 * next claim (a restart's catch-up, another instance) takes it over atomically and runs it
 * again. That is safe because job bodies are sweeps that enqueue with dedup keys: what the
 * dead run already queued is not queued twice, what it had not reached still goes.
 */
import type { Db } from "../db/client.js";
import { isUniqueViolation } from "../db/errors.js";
import type { JobRun } from "../db/generated/client.js";

export const runKey = (name: string, fireTime: Date): string => `${name}@${fireTime.toISOString()}`;

export interface ClaimRunOptions {
  owner?: string;
  /** When the run starts (the injected clock); default the system time. */
  now?: Date;
  /** A "running" row older than this is presumed dead and may be taken over. Default 10 min. */
  staleAfterMs?: number;
}

export const DEFAULT_STALE_RUN_MS = 10 * 60_000;

/** Inserts the run; undefined when this fire time was already claimed by anyone. */
export async function claimRun(
  prisma: Db, job: { name: string }, fireTime: Date, opts: ClaimRunOptions = {},
): Promise<JobRun | undefined> {
  try {
    return await prisma.jobRun.create({
      data: {
        key: runKey(job.name, fireTime),
        job: job.name,
        fireTime,
        owner: opts.owner ?? null,
        ...(opts.now ? { startedAt: opts.now } : {}),
      },
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return takeOverStale(prisma, runKey(job.name, fireTime), opts);
  }
}

async function takeOverStale(prisma: Db, key: string, opts: ClaimRunOptions): Promise<JobRun | undefined> {
  const now = opts.now ?? new Date();
  const staleBefore = new Date(now.getTime() - (opts.staleAfterMs ?? DEFAULT_STALE_RUN_MS));
  // Conditional update = compare-and-set: of several instances, exactly one sees count 1.
  const taken = await prisma.jobRun.updateMany({
    where: { key, status: "running", startedAt: { lt: staleBefore } },
    data: { owner: opts.owner ?? null, startedAt: now, detail: "taken over from a run that did not finish" },
  });
  return taken.count === 1 ? (await prisma.jobRun.findUnique({ where: { key } })) ?? undefined : undefined;
}

const MAX_DETAIL = 2_000;

function toDetail(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const text = typeof value === "string" ? value : JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text;
}

export async function finishRun(prisma: Db, runId: number, now: Date, detail?: unknown): Promise<void> {
  await prisma.jobRun.update({ where: { id: runId }, data: { status: "finished", finishedAt: now, detail: toDetail(detail) } });
}

export async function failRun(prisma: Db, runId: number, now: Date, error: string): Promise<void> {
  await prisma.jobRun.update({ where: { id: runId }, data: { status: "failed", finishedAt: now, detail: toDetail(error) } });
}

/**
 * Gives back a fire time whose run was cancelled by a stop: the row goes, so the next start
 * (or another instance) claims it again if it is still within its catch-up window.
 */
export async function releaseRun(prisma: Db, runId: number): Promise<void> {
  await prisma.jobRun.deleteMany({ where: { id: runId, status: "running" } });
}
