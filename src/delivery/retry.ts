/**
 * What deliverRow does after a 5xx or network error, and how long it may keep retrying a
 * bookkeeping write (docs/RELIABILITY.md).
 */
import type { Logger } from "pino";
import type { OutboxMessage } from "../db/generated/client.js";
import type { DeliverDeps, LaneAction } from "./deliverDeps.js";
import { backoffMs } from "./failures.js";
import { release } from "./rows.js";

/**
 * How long markSent may be retried while nobody else can claim the row: deliverRow renewed the
 * lease to at least half its length before sending; keep a quarter of it as margin for skew.
 */
export function leaseLeftMs(d: DeliverDeps, row: OutboxMessage): number {
  const left = (row.lockedUntil?.getTime() ?? 0) - d.clock.now().getTime();
  return Math.max(d.leaseMs / 4, Math.min(left, d.leaseMs) - d.leaseMs / 4);
}

/**
 * 5xx or network: try again while the message is useful. One chat's trouble backs that chat
 * off; an outage pauses the worker and leaves the row due, so it goes as soon as a probe passes.
 * An outage another instance has declared is waited out without finding it again
 * (sharedOutage.ts): that instance probes for all.
 */
export async function retryLater(
  d: DeliverDeps,
  row: OutboxMessage,
  chatId: bigint,
  reason: string,
  log: Logger,
): Promise<LaneAction> {
  const attempts = row.attempts + 1;
  d.stats.retried += 1;
  if (row.usefulUntil && row.usefulUntil <= d.clock.now()) {
    await release(d.prisma, row.id, d.instanceId, { attempts, lastError: reason });
    d.expired();
    log.warn({ attempts, reason }, "send failed past the message's useful-until; giving it up");
    return "requeue_chat";
  }
  if (await d.shared.followOnFailure()) {
    log.warn({ attempts, reason }, "Telegram down, declared by another instance; waiting for its probes");
    await release(d.prisma, row.id, d.instanceId, { attempts, lastError: reason });
    return "requeue_chat";
  }
  const pauseMs = d.outage.failed(chatId, d.retry);
  if (pauseMs !== undefined) {
    d.pacer.pauseAll(pauseMs);
    await d.shared.declare(pauseMs);
    log.warn({ attempts, probeInMs: pauseMs, reason }, "Telegram failing for several chats; pausing all sends");
    await release(d.prisma, row.id, d.instanceId, { attempts, lastError: reason });
    return "requeue_chat";
  }
  const wait = backoffMs(d.retry, attempts);
  d.pacer.pauseChat(chatId, wait);
  log.warn({ attempts, retryInMs: wait, reason }, "send failed; will retry");
  await release(d.prisma, row.id, d.instanceId, { attempts, lastError: reason, notBefore: d.holds.hold(chatId, wait) });
  return "requeue_chat";
}
