/**
 * The update guard: one update is handled once, even when it is delivered again — a webhook
 * retry, a poll by another instance before the first confirmed it — and an update whose
 * handler died with its process (a failover between instances) is taken over once instead of
 * being lost. The guard must never drop a *new* update, so a remembered id is a duplicate only
 * when all of these hold:
 * - same bot: update ids are counted per bot, and a database may outlive a token;
 * - same update: the id is not a serial number forever. Telegram starts from a random id after
 *   a week without updates, and an emulator started afresh counts from its first id again. A
 *   redelivery carries the very update Telegram stored (same message id, same date), so a
 *   different fingerprint means a new update;
 * - recent: Telegram keeps an update at most 24 hours, so an older row cannot be a redelivery.
 * Rows older than the window are pruned, on the first update after start and then hourly.
 */
import { createHash } from "node:crypto";
import type { Middleware } from "grammy";
import type { Update } from "grammy/types";
import { claimUpdate, finishUpdate, pruneProcessedUpdates } from "../db/repos/processedUpdates.js";
import type { AppDeps } from "../services/context.js";
import type { BotContext } from "./context.js";

/**
 * How long a handled update is remembered. Bot API, getUpdates: updates "will not be kept longer
 * than 24 hours"; twice that so that instances whose clocks disagree still agree on a redelivery.
 */
export const DEDUP_WINDOW_MS = 48 * 3_600_000;
/** A "processing" mark older than this belongs to a process that died mid-update. */
export const STALE_UPDATE_MS = 60_000;
export const PRUNE_EVERY_MS = 3_600_000;

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (typeof v !== "object" || v === null) return v;
  return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, x]) => [k, canonical(x)]));
}

/** The update without its id, hashed; key order does not matter. */
export function updateFingerprint(update: Update): string {
  const { update_id: _id, ...content } = update;
  return createHash("sha256").update(JSON.stringify(canonical(content))).digest("hex").slice(0, 32);
}

export function createUpdateGuard(): Middleware<BotContext> {
  let prunedAt: number | undefined;
  const pruneIfDue = async (deps: AppDeps, now: Date): Promise<void> => {
    if (prunedAt !== undefined && Math.abs(now.getTime() - prunedAt) < PRUNE_EVERY_MS) return;
    prunedAt = now.getTime();
    try {
      const pruned = await pruneProcessedUpdates(deps.prisma, new Date(now.getTime() - DEDUP_WINDOW_MS));
      if (pruned > 0) deps.logger.debug({ pruned }, "processed updates pruned");
    } catch (e) {
      deps.logger.warn({ err: e }, "pruning processed updates failed");
    }
  };

  const handleOnce: Middleware<BotContext> = async (ctx, next) => {
    const { prisma, logger, clock } = ctx.deps;
    const key = { botId: BigInt(ctx.me.id), updateId: BigInt(ctx.update.update_id), fingerprint: updateFingerprint(ctx.update) };
    const now = clock.now();
    const claim = await claimUpdate(prisma, {
      ...key, now, forgetBefore: new Date(now.getTime() - DEDUP_WINDOW_MS), staleBefore: new Date(now.getTime() - STALE_UPDATE_MS),
    });
    const log = { updateId: ctx.update.update_id };
    if (claim === "duplicate") {
      logger.info(log, "duplicate update ignored");
      return;
    }
    if (claim === "reused") logger.info(log, "update id seen before for another update (the Bot API restarted its count); handling it");
    if (claim === "takenOver") logger.warn(log, "update left unfinished by a stopped instance; handling it now");
    try {
      await next();
    } finally {
      await finishUpdate(prisma, key);
    }
  };

  // The prune runs beside the update rather than after it: the answer does not wait for it,
  // and the update's work still ends with its own last statement.
  return async (ctx, next) => {
    const pruning = pruneIfDue(ctx.deps, ctx.deps.clock.now());
    try {
      await handleOnce(ctx, next);
    } finally {
      await pruning;
    }
  };
}
