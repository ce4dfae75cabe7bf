/**
 * The delivery worker (docs/SCHEDULES.md): the only code that sends pushes to Telegram. It claims
 * due outbox rows under a lease, paces them through the Pacer (≈29 msg/s overall, ≤ 20/min per
 * group, ~1/s per private chat), keeps each chat's messages in order and one at a time, and
 * lets `deliverRow` apply Telegram's answer. Several instances may run: claims are atomic and
 * a row is sent only by the holder of its lease. Pacing is per process, though — with N
 * senders on one bot token, give all but one `start()` nothing to do, or lower `limits`.
 *
 * A chat that cannot send for a while (429 retry_after, retry backoff, a group's minute spent)
 * has its rows written back with notBefore = when it may send again (ChatHolds keeps that
 * instant monotonic per chat), so claims skip them in the database — in every instance, for
 * any number of paused chats — and the idle loop sets its timer for the earliest. Those
 * instants are in the injected clock's time, like every notBefore and lease.
 */
import type { Api } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Logger } from "pino";
import type { Clock } from "../clock.js";
import type { Db } from "../db/client.js";
import type { OutboxMessage } from "../db/generated/client.js";
import { AlertGate } from "./alerts.js";
import { flushUnrecorded, UnrecordedSends } from "./bookkeeping.js";
import { closeExpired } from "./expiry.js";
import { OutageTracker } from "./outage.js";
import { SharedOutage } from "./sharedOutage.js";
import { deliverRow, type DeliverDeps, type DeliveryStats, type LaneAction } from "./deliver.js";
import { DEFAULT_RETRY, describeError, type RetryPolicy } from "./failures.js";
import { ChatHolds } from "./holds.js";
import { Pacer, TELEGRAM_LIMITS, type PacingLimits } from "./pacer.js";
import { claimDue, countClaimable, deferChat, dropForInactiveChats, releaseClaims, type Dialect } from "./rows.js";
import { runBatch } from "./batch.js";
import { FileIdCache } from "./send.js";
import { realTimeline, type Timeline } from "./timeline.js";
import { Waker } from "./waker.js";

export interface DeliveryWorkerOptions {
  prisma: Db;
  api: Api;
  logger: Logger;
  clock: Clock;
  /** Unique per running process: it is the lease holder's name. */
  instanceId: string;
  /** `keyboard`: the loss summary's resend buttons (src/bot/features/resend.ts answers them). */
  onAdminAlert(text: string, keyboard?: InlineKeyboardMarkup): void | Promise<void>;
  onChatMigrated?(from: bigint, to: bigint): void | Promise<void>;
  onChatBlocked?(chatId: bigint, reason: string): void | Promise<void>;
  /**
   * The database's dialect, with no default: on PostgreSQL a claim must skip rows another claim has
   * locked (rows.ts claimDue), or two drains of one worker (its loop and a drainOnce) send a row twice.
   */
  dialect: Dialect;
  limits?: PacingLimits;
  retry?: Partial<RetryPolicy>;
  /** How long a claim holds a row (renewed right before sending). Default 60 s. */
  leaseMs?: number;
  batchSize?: number;
  /** Requests in flight at once (each to a different chat). Default 4. */
  concurrency?: number;
  /** Without a kick, look for due rows this often (other instances, notBefore passing). Default 2 s. */
  idlePollMs?: number;
  /** Real time for pacing, holds and wake-ups; default performance.now() and setTimeout (timeline.ts). */
  timeline?: Timeline;
}

export interface DeliveryWorker {
  start(): void;
  /** Stops claiming, lets in-flight sends finish and be recorded, releases unsent claims. */
  stop(): Promise<void>;
  /** Sends everything due now, waiting out short pauses (429, backoff); for tests and the CLI. */
  drainOnce(): Promise<DeliveryStats>;
  /** Something was enqueued: look now instead of at the next poll. */
  kick(): void;
  /**
   * Resolves at the end of the next look for due rows, begun after this call, that sends
   * nothing: none was due, or another instance's outage pause holds this one. "Nothing more
   * goes out" as an event, for tests that would otherwise sleep and hope. Rejects on stop.
   */
  whenIdle(): Promise<void>;
  stats(): DeliveryStats;
}

/** Rows of a chat that cannot send within this long are given back rather than held. */
const HOLD_MS = 5_000;
/**
 * SQLite's bound-parameter budget is large, but a claim should stay a small statement. Only an
 * optimisation: paused chats' rows already carry notBefore; the list spares claiming (and
 * deferring) rows queued for those chats since.
 */
const MAX_EXCLUDED = 500;
/**
 * Claims skip inactive chats and expired rows by themselves; these sweeps only close their
 * books (and tell admins what expired), so they run when a worker starts and then this often
 * — or at the next claim once a send fails past its row's useful-until — not before every claim.
 */
const INACTIVE_SWEEP_MS = 30_000;

export function createDeliveryWorker(o: DeliveryWorkerOptions): DeliveryWorker {
  const stats: DeliveryStats = { sent: 0, failed: 0, dropped: 0, retried: 0, rateLimited: 0, migrated: 0 };
  const time = o.timeline ?? realTimeline;
  const pacer = new Pacer(o.limits ?? TELEGRAM_LIMITS, time.now);
  const holds = new ChatHolds(o.clock, time.now);
  const waker = new Waker(time);
  const retry = { ...DEFAULT_RETRY, ...o.retry };
  const log = o.logger.child({ component: "delivery", instanceId: o.instanceId });
  const shared = new SharedOutage(
    { ...o, logger: log, takeoverMs: retry.outageTakeoverMs, probeMaxMs: retry.probeMaxMs },
    time.now,
  );
  const deps: DeliverDeps = {
    ...o,
    pacer,
    holds,
    fileIds: new FileIdCache(),
    stats,
    retry,
    leaseMs: o.leaseMs ?? 60_000,
    gate: new AlertGate(undefined, time.now),
    outage: new OutageTracker(),
    shared,
    unrecorded: new UnrecordedSends(),
    expired: () => void (sweptAt = undefined),
  };
  let stopping = false;
  let loop: Promise<void> | undefined;
  /** drainOnce calls in progress: stop() waits for them as for the loop. */
  const drains = new Set<Promise<void>>();
  let sweptAt: number | undefined;
  /** whenIdle callers waiting for a look that starts after they asked. */
  let idleWaiters: { resolve(): void; reject(err: Error): void }[] = [];

  const sweep = async (now: Date): Promise<void> => {
    sweptAt = time.now();
    const dropped = await dropForInactiveChats(o.prisma, now);
    if (dropped > 0) log.info({ dropped }, "dropped messages queued for inactive chats");
    stats.dropped += dropped;
    stats.failed += await closeExpired({ ...o, logger: log }, now);
  };

  const claim = async (): Promise<OutboxMessage[]> => {
    // Sends Telegram accepted whose rows could not be written yet go first: they must not be claimed and sent.
    if (deps.unrecorded.size > 0) stats.sent += await flushUnrecorded({ ...deps, logger: log });
    const now = o.clock.now();
    if (sweptAt === undefined || time.now() - sweptAt >= INACTIVE_SWEEP_MS) await sweep(now);
    return claimDue(o.prisma, {
      instanceId: o.instanceId,
      now,
      leaseMs: deps.leaseMs,
      limit: o.batchSize ?? 60,
      excludeChatIds: pacer.blockedChats(HOLD_MS).slice(0, MAX_EXCLUDED),
      dialect: o.dialect,
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
      log.error(
        { outboxId: row.id, kind: row.kind, err: describeError(err) },
        "delivery bookkeeping failed; row left to its lease",
      );
      return "requeue_chat";
    }
  };

  /**
   * A lane handed back. A chat paced beyond the hold time, or one whose rows already wait for
   * a pause or a retry (deliverRow wrote those), gets the instant it may send again; a short
   * wait (a private chat's second, on stop or a bot-wide pause) leaves the rows due at once.
   */
  const giveBack = async (chatId: bigint, rows: OutboxMessage[], waitMs: number): Promise<void> => {
    const ids = rows.map((r) => r.id);
    if (waitMs > HOLD_MS || holds.holding(chatId)) {
      await deferChat(o.prisma, { chatId, ids, instanceId: o.instanceId, until: holds.hold(chatId, waitMs) });
    } else await releaseClaims(o.prisma, ids, o.instanceId);
  };

  /** The idle timer: the poll interval, or sooner when a held chat falls due. */
  const untilNextLook = (pollMs: number): number => Math.min(pollMs, (holds.nextWakeMs() ?? pollMs) + 1);

  /**
   * Paced in memory: a chat's own window or pause, or a bot-wide wait. (A chat paused in memory
   * whose rows wait in the database is the holds' to time.)
   */
  const pacedInMemory = (): boolean =>
    pacer.blockedChats(0).some((chatId) => !holds.holding(chatId)) || pacer.globalWaitMs() > 0;

  /**
   * Rows this process is holding back — paced or paused in memory, or written back with a
   * notBefore whose hold is still running — for drainOnce to wait for: how long to sleep
   * before looking again, or undefined when there are none. Rows scheduled for before a hold
   * ends are waited for too; later ones are not (they are not due). `heldAtClaim`: whether
   * anything was held when the claim that found nothing began; if its hold has ended since (a
   * slow claim on a busy machine), its rows may be due now and were not seen: look again at once.
   */
  const heldBack = async (heldAtClaim: boolean): Promise<number | undefined> => {
    const paced = pacedInMemory();
    const until = holds.waitingUntil();
    if (!paced && !until) return heldAtClaim ? 0 : undefined;
    const now = o.clock.now();
    if ((await countClaimable(o.prisma, now, until && until > now ? until : now)) === 0) return undefined;
    // Only held in the database: the holds' own timers say when to look.
    return untilNextLook(paced ? 100 : 250);
  };

  const drain = async (untilSettled: boolean): Promise<void> => {
    while (!stopping) {
      const asked = idleWaiters;
      idleWaiters = [];
      const idle = (yes: boolean): void => {
        if (!yes) idleWaiters.push(...asked);
        else for (const w of asked) w.resolve();
      };
      // Another instance has found Telegram down and probes for all (sharedOutage.ts).
      const outageWait = await shared.waitMs();
      if (outageWait > 0) {
        idle(true);
        await waker.sleep(outageWait);
        continue;
      }
      const globalWait = pacer.globalWaitMs();
      if (globalWait > HOLD_MS / 10) {
        idle(false);
        await waker.sleep(globalWait);
        continue;
      }
      const heldAtClaim = untilSettled && (pacedInMemory() || holds.waitingUntil() !== undefined);
      const rows = await claim().catch((err: unknown) => {
        idle(false);
        throw err;
      });
      idle(rows.length === 0);
      if (rows.length > 0) {
        await runBatch({
          rows,
          pacer,
          holdMs: HOLD_MS,
          concurrency: o.concurrency ?? 4,
          waker,
          stopping: () => stopping,
          paused: () => shared.paused,
          held: (chatId) => holds.holding(chatId),
          deliver: (row) => deliverSafely(row),
          giveBack,
        });
        continue;
      }
      await shared.nothingToProbe();
      const nap = untilSettled ? await heldBack(heldAtClaim) : undefined;
      if (nap === undefined) return;
      await waker.sleep(nap);
    }
  };

  const run = async (): Promise<void> => {
    while (!stopping) {
      try {
        await drain(false);
      } catch (err) {
        log.error({ err: describeError(err) }, "delivery loop error; retrying");
      }
      if (!stopping) await waker.sleep(untilNextLook(o.idlePollMs ?? 2_000), true);
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
      for (const w of idleWaiters.splice(0)) w.reject(new Error("delivery worker stopped"));
      waker.wakeAll();
      await loop;
      await Promise.allSettled(drains);
      await shared.handOver();
      loop = undefined;
    },
    async drainOnce() {
      if (!loop) stopping = false;
      // "Everything due now" excludes inactive chats' and expired rows: their books are closed
      // first, and once more at the end for rows that expired while others were sent.
      const once = sweep(o.clock.now())
        .then(() => drain(true))
        .then(async () => {
          stats.failed += await closeExpired({ ...o, logger: log }, o.clock.now());
        });
      drains.add(once);
      await once.finally(() => drains.delete(once));
      return { ...stats };
    },
    kick: () => waker.kick(),
    whenIdle: () => new Promise<void>((resolve, reject) => void idleWaiters.push({ resolve, reject })),
    stats: () => ({ ...stats }),
  };
}
