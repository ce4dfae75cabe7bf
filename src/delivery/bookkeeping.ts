/**
 * Recording a send Telegram accepted. Once Telegram has the message, the only thing left to
 * get right is the row: a failed `markSent` (SQLITE_BUSY under a long write lock, a dropped
 * PostgreSQL connection) is retried as a write, never as a send — sending again would put
 * the message in the chat twice.
 *
 * The retries run while this worker's lease is safely ours (nobody else can claim the row).
 * Past that, the send is remembered here (row id → message id) and recorded before the next
 * claim; a row of ours that comes back from a claim meanwhile is recorded, not sent. Only a
 * process that dies with such a memory, or another instance reclaiming the row after the
 * lease, can still send it twice (the at-least-once window documented in deliver.ts).
 */
import type { Logger } from "pino";
import type { Db } from "../db/client.js";
import { backoffMs, describeError, type RetryPolicy } from "./failures.js";
import { markSent } from "./rows.js";

interface Accepted {
  messageId: number;
  sentAt: Date;
}

export class UnrecordedSends {
  private readonly sends = new Map<number, Accepted>();

  get(id: number): Accepted | undefined {
    return this.sends.get(id);
  }

  remember(id: number, accepted: Accepted): void {
    this.sends.set(id, accepted);
  }

  forget(id: number): void {
    this.sends.delete(id);
  }

  entries(): [number, Accepted][] {
    return [...this.sends];
  }

  get size(): number {
    return this.sends.size;
  }
}

export class BookkeepingError extends Error {}

export interface RecordDeps {
  prisma: Db;
  retry: RetryPolicy;
  unrecorded: UnrecordedSends;
  logger: Logger;
  sleep?: (ms: number) => Promise<void>;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * markSent, retried with backoff for up to `forMs` (real time). Throws BookkeepingError once
 * that is spent: the send is then remembered and the caller leaves the row to its lease.
 */
export async function recordSent(d: RecordDeps, id: number, accepted: Accepted, forMs: number): Promise<void> {
  const giveUpAt = performance.now() + forMs;
  for (let attempt = 1; ; attempt++) {
    try {
      await markSent(d.prisma, id, accepted.messageId, accepted.sentAt);
      d.unrecorded.forget(id);
      return;
    } catch (err) {
      const wait = backoffMs({ baseMs: d.retry.bookkeepingBaseMs, maxMs: d.retry.bookkeepingMaxMs }, attempt);
      const reason = describeError(err);
      if (performance.now() + wait >= giveUpAt) {
        d.unrecorded.remember(id, accepted);
        d.logger.error(
          { outboxId: id, attempt, err: reason },
          "sent, but not recorded yet; will record before the next claim",
        );
        throw new BookkeepingError(`outbox ${id}: đã gửi nhưng chưa ghi được: ${reason}`);
      }
      d.logger.warn(
        { outboxId: id, attempt, retryInMs: wait, err: reason },
        "sent; recording it failed, retrying the write",
      );
      await (d.sleep ?? pause)(wait);
    }
  }
}

/** Records what earlier attempts could not (before a claim); returns how many got recorded. */
export async function flushUnrecorded(d: RecordDeps): Promise<number> {
  let done = 0;
  for (const [id, accepted] of d.unrecorded.entries()) {
    try {
      await markSent(d.prisma, id, accepted.messageId, accepted.sentAt);
      d.unrecorded.forget(id);
      done += 1;
    } catch (err) {
      d.logger.warn({ outboxId: id, err: describeError(err) }, "recording an earlier send failed again");
      return done;
    }
  }
  return done;
}
