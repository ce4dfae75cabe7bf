/**
 * The delivery worker (issue #4 §2): the only code that sends pushes to Telegram. It claims
 * due outbox rows under a lease, paces them through the Pacer (≈29 msg/s overall, ≤ 20/min per
 * group, ~1/s per private chat), keeps each chat's messages in order and one at a time, and
 * lets `deliverRow` apply Telegram's answer. Several instances may run: claims are atomic and
 * a row is sent only by the holder of its lease. Pacing is per process, though — with N
 * senders on one bot token, give all but one `start()` nothing to do, or lower `limits`.
 */
import type { Api } from "grammy";
import type { Logger } from "pino";
import type { Clock } from "../clock.js";
import type { Db } from "../db/client.js";
import type { OutboxMessage } from "../db/generated/client.js";
import { AlertGate } from "./alerts.js";
import { deliverRow, type DeliverDeps, type DeliveryStats, type LaneAction } from "./deliver.js";
import { DEFAULT_RETRY, describeError, type RetryPolicy } from "./failures.js";
import { Pacer, TELEGRAM_LIMITS, type PacingLimits } from "./pacer.js";
import { claimDue, dropForInactiveChats, release, type Dialect } from "./rows.js";
import { runBatch } from "./batch.js";
import { Waker } from "./waker.js";

export interface DeliveryWorkerOptions {
  prisma: Db;
  api: Api;
  logger: Logger;
  clock: Clock;
  /** Unique per running process: it is the lease holder's name. */
  instanceId: string;
  onAdminAlert(text: string): void | Promise<void>;
  onChatMigrated?(from: bigint, to: bigint): void | Promise<void>;
  onChatBlocked?(chatId: bigint, reason: string): void | Promise<void>;
  dialect?: Dialect;
  limits?: PacingLimits;
  retry?: Partial<RetryPolicy>;
  /** How long a claim holds a row (renewed right before sending). Default 60 s. */
  leaseMs?: number;
  batchSize?: number;
  /** Requests in flight at once (each to a different chat). Default 4. */
  concurrency?: number;
  /** Without a kick, look for due rows this often (other instances, notBefore passing). Default 2 s. */
  idlePollMs?: number;
}

export interface DeliveryWorker {
  start(): void;
  /** Stops claiming, lets in-flight sends finish and be recorded, releases unsent claims. */
  stop(): Promise<void>;
  /** Sends everything due now, waiting out short pauses (429, backoff); for tests and the CLI. */
  drainOnce(): Promise<DeliveryStats>;
  /** Something was enqueued: look now instead of at the next poll. */
  kick(): void;
  stats(): DeliveryStats;
}

/** Rows of a chat that cannot send within this long are given back rather than held. */
const HOLD_MS = 5_000;
/** SQLite's bound-parameter budget is large, but a claim should stay a small statement. */
const MAX_EXCLUDED = 500;

export function createDeliveryWorker(o: DeliveryWorkerOptions): DeliveryWorker {
  const stats: DeliveryStats = { sent: 0, failed: 0, dropped: 0, retried: 0, rateLimited: 0, migrated: 0 };
  const pacer = new Pacer(o.limits ?? TELEGRAM_LIMITS);
  const waker = new Waker();
  const deps: DeliverDeps = {
    ...o,
    pacer,
    stats,
    retry: { ...DEFAULT_RETRY, ...o.retry },
    leaseMs: o.leaseMs ?? 60_000,
    gate: new AlertGate(),
  };
  const log = o.logger.child({ component: "delivery", instanceId: o.instanceId });
  let stopping = false;
  let loop: Promise<void> | undefined;

  const claim = async (): Promise<OutboxMessage[]> => {
    const now = o.clock.now();
    const dropped = await dropForInactiveChats(o.prisma, now);
    if (dropped > 0) log.info({ dropped }, "dropped messages queued for inactive chats");
    stats.dropped += dropped;
    return claimDue(o.prisma, {
      instanceId: o.instanceId, now, leaseMs: deps.leaseMs, limit: o.batchSize ?? 60,
      excludeChatIds: pacer.blockedChats(HOLD_MS).slice(0, MAX_EXCLUDED), dialect: o.dialect ?? "sqlite",
    });
  };

  /**
   * Telegram's answers are handled in deliverRow; a throw is the database failing around a send.
   * That row keeps its lease (it may have been sent) and is retried when the lease expires; the
   * rest of its chat's lane is given back.
   */
  const deliverSafely = async (row: OutboxMessage): Promise<LaneAction> => {
    try {
      return await deliverRow(deps, row);
    } catch (err) {
      log.error({ outboxId: row.id, kind: row.kind, err: describeError(err) }, "delivery bookkeeping failed; row left to its lease");
      return "requeue_chat";
    }
  };

  /** Due rows this process is holding back (paused/paced chats): drainOnce waits for them. */
  const heldBack = async (): Promise<boolean> => {
    const blocked = pacer.blockedChats(0);
    if (blocked.length === 0 && pacer.globalWaitMs() === 0) return false;
    const now = o.clock.now();
    const n = await o.prisma.outboxMessage.count({
      where: { status: { in: ["pending", "sending"] }, notBefore: { lte: now }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    });
    return n > 0;
  };

  const drain = async (untilSettled: boolean): Promise<void> => {
    while (!stopping) {
      const globalWait = pacer.globalWaitMs();
      if (globalWait > HOLD_MS / 10) {
        await waker.sleep(globalWait);
        continue;
      }
      const rows = await claim();
      if (rows.length > 0) {
        await runBatch({ rows, pacer, holdMs: HOLD_MS, concurrency: o.concurrency ?? 4, waker,
          stopping: () => stopping, deliver: (row) => deliverSafely(row),
          release: (row) => release(o.prisma, row.id, o.instanceId) });
        continue;
      }
      if (!untilSettled || !(await heldBack())) return;
      await waker.sleep(100);
    }
  };

  const run = async (): Promise<void> => {
    while (!stopping) {
      try {
        await drain(false);
      } catch (err) {
        log.error({ err: describeError(err) }, "delivery loop error; retrying");
      }
      if (!stopping) await waker.sleep(o.idlePollMs ?? 2_000, true);
    }
  };

  return {
    start() {
      if (loop) return;
      stopping = false;
      loop = run();
    },
    async stop() {
      stopping = true;
      waker.wakeAll();
      await loop;
      loop = undefined;
    },
    async drainOnce() {
      if (!loop) stopping = false;
      await drain(true);
      return { ...stats };
    },
    kick: () => waker.kick(),
    stats: () => ({ ...stats }),
  };
}
