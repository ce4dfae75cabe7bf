/**
 * One run of one job: claim the fire time, keep the claim's heartbeat fresh while the job
 * works, record how it ended (src/db/repos/runs.ts). The heartbeat is what lets other instances
 * tell a long run (a digest rendering for 15 minutes) from a dead one: they take over only a
 * run whose heartbeat stopped (docs/SCHEDULES.md).
 */
import type { Logger } from "pino";
import type { Clock } from "../clock.js";
import { describeError } from "../delivery/failures.js";
import type { JobDefinition, RunClaim, RunReport, RunStore } from "./types.js";

export interface ExecuteOptions {
  runs: RunStore;
  clock: Clock;
  log: Logger;
  instanceId?: string;
  /** The scheduler's stop: the run ends early and gives its fire time back. */
  stop: AbortSignal;
  heartbeatEveryMs: number;
  staleAfterMs: number;
}

export async function executeRun(job: JobDefinition, fireTime: Date, o: ExecuteOptions): Promise<RunReport> {
  const base = { job: job.name, fireTime };
  const claimed = await o.runs.claim(job, fireTime, {
    owner: o.instanceId,
    now: o.clock.now(),
    staleAfterMs: o.staleAfterMs,
  });
  if (!claimed) return { ...base, outcome: "already_claimed" };
  const jlog = o.log.child({ job: job.name, fireTime: fireTime.toISOString() });
  jlog.info(claimed.detail ? "job run taken over from a run that did not finish" : "job run started");
  const lost = new AbortController();
  const stopHeartbeat = heartbeat(claimed, o, jlog, () => lost.abort(new Error("run taken over by another instance")));
  try {
    const detail = await job.run({ fireTime, now: o.clock.now(), signal: AbortSignal.any([o.stop, lost.signal]) });
    await stopHeartbeat();
    await o.runs.finish(claimed, o.clock.now(), detail);
    jlog.info({ detail }, "job run finished");
    return { ...base, outcome: "finished" };
  } catch (err) {
    await stopHeartbeat();
    if (lost.signal.aborted) {
      // Someone took it over while we were frozen: the row is theirs, leave it alone.
      jlog.warn("job run stopped: another instance took it over");
      return { ...base, outcome: "superseded" };
    }
    if (o.stop.aborted) {
      // Stopped mid-sweep: what it queued carries dedup keys, so the next start may redo it.
      await o.runs
        .release(claimed)
        .catch((e: unknown) => jlog.error({ reason: describeError(e) }, "could not release the cancelled run"));
      jlog.info("job run cancelled by stop; fire time released");
      return { ...base, outcome: "cancelled" };
    }
    const reason = describeError(err);
    jlog.error({ reason }, "job run failed");
    await o.runs
      .fail(claimed, o.clock.now(), reason)
      .catch((e: unknown) => jlog.error({ reason: describeError(e) }, "could not record the failure"));
    return { ...base, outcome: "failed" };
  } finally {
    await stopHeartbeat();
  }
}

/**
 * Refreshes the claim every `heartbeatEveryMs`, one beat at a time; calls `onLost` once if the
 * row stopped being ours. The returned stop waits for a beat in flight, so no query outlives
 * the run (the app closes the database right after the scheduler stops).
 */
function heartbeat(claim: RunClaim, o: ExecuteOptions, log: Logger, onLost: () => void): () => Promise<void> {
  let over = false;
  let beating: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (beating || over) return;
    beating = o.runs
      .beat(claim, o.clock.now())
      .then(
        (ours) => {
          if (!ours && !over) {
            over = true;
            onLost();
          }
        },
        (e: unknown) => log.warn({ reason: describeError(e) }, "job heartbeat failed; retrying at the next beat"),
      )
      .finally(() => (beating = undefined));
  }, o.heartbeatEveryMs);
  timer.unref();
  return async () => {
    over = true;
    clearInterval(timer);
    await beating;
  };
}
