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
 *
 * An update whose process died handling it is never handled again — it may be what killed the
 * process, and a crash loop stops every chat — but reported (abandonedUpdates.ts). A handler
 * keeps its row's heartbeat fresh, so a slow update is not mistaken for a dead one.
 */
import { createHash } from "node:crypto";
import type { Middleware } from "grammy";
import type { Update } from "grammy/types";
import { common } from "../messages/common.js";
import {
  HEARTBEAT_MS,
  STALE_UPDATE_MS,
  SWEEP_EVERY_MS,
  sweepAbandonedUpdates,
  UpdatesInHand,
  updateKind,
} from "./abandonedUpdates.js";
import { markClaimed } from "./concurrency.js";
import type { BotContext } from "./context.js";
import { DetachedWork } from "./detached.js";

export { STALE_UPDATE_MS } from "./abandonedUpdates.js";

/**
 * How long a handled update is remembered. Bot API, getUpdates: updates "will not be kept longer
 * than 24 hours"; twice that so that instances whose clocks disagree still agree on a redelivery.
 */
export const DEDUP_WINDOW_MS = 48 * 3_600_000;
export const PRUNE_EVERY_MS = 3_600_000;

/**
 * JSON with every object's keys sorted — the same text as `JSON.stringify` of a key-sorted deep
 * copy, which is what fingerprints were made of before (rows written then must still match a
 * redelivery), written out directly: the copy was a few per cent of the bot's CPU in a burst.
 * Updates are parsed JSON; like the copy, an object is read by its own enumerable keys.
 */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) {
    let out = "[";
    for (let i = 0; i < v.length; i++) {
      if (i > 0) out += ",";
      const item: unknown = v[i];
      out += item === undefined || typeof item === "function" ? "null" : canonicalJson(item);
    }
    return `${out}]`;
  }
  if (typeof v !== "object" || v === null) return JSON.stringify(v) ?? "null";
  const record = v as Record<string, unknown>;
  let out = "{";
  let first = true;
  for (const key of sortedKeys(record)) {
    const value = record[key];
    if (value === undefined || typeof value === "function" || typeof value === "symbol") continue;
    out += `${first ? "" : ","}${JSON.stringify(key)}:${canonicalJson(value)}`;
    first = false;
  }
  return `${out}}`;
}

/**
 * The copy's key order: its keys were sorted, but an object lists integer-like keys ("9", "10")
 * first in numeric order whatever the insertion order — as Object.keys already gives them.
 */
function sortedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record);
  let integers = 0;
  while (integers < keys.length && isArrayIndex(keys[integers] ?? "")) integers += 1;
  return integers === 0 ? keys.sort() : [...keys.slice(0, integers), ...keys.slice(integers).sort()];
}

const isArrayIndex = (key: string): boolean => /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 4_294_967_295;

/** The update without its id, hashed; key order does not matter. */
export function updateFingerprint(update: Update): string {
  const { update_id: _id, ...content } = update;
  return createHash("sha256").update(canonicalJson(content)).digest("hex").slice(0, 32);
}

export function createUpdateGuard(
  detachedWork = new DetachedWork(),
  inHand = new UpdatesInHand(),
): Middleware<BotContext> {
  let prunedAt: number | undefined;
  let sweptAt: number | undefined;
  const due = (last: number | undefined, now: Date, every: number) =>
    last === undefined || Math.abs(now.getTime() - last) >= every;
  const housekeeping = async (ctx: BotContext, botId: bigint, now: Date): Promise<void> => {
    const { logger } = ctx.deps;
    if (due(sweptAt, now, SWEEP_EVERY_MS)) {
      sweptAt = now.getTime();
      await sweepAbandonedUpdates({ uc: ctx.uc, clock: ctx.deps.clock }, botId, inHand).catch((e: unknown) =>
        logger.warn({ err: e }, "sweep of abandoned updates failed"),
      );
    }
    if (!due(prunedAt, now, PRUNE_EVERY_MS)) return;
    prunedAt = now.getTime();
    try {
      const pruned = await ctx.uc.updates.prune(new Date(now.getTime() - DEDUP_WINDOW_MS));
      if (pruned > 0) logger.debug({ pruned }, "processed updates pruned");
    } catch (e) {
      logger.warn({ err: e }, "pruning processed updates failed");
    }
  };

  const handleOnce: Middleware<BotContext> = async (ctx, next) => {
    const { logger, clock } = ctx.deps;
    const updates = ctx.uc.updates;
    const key = {
      botId: BigInt(ctx.me.id),
      updateId: BigInt(ctx.update.update_id),
      fingerprint: updateFingerprint(ctx.update),
    };
    const origin = { chatId: ctx.chat ? BigInt(ctx.chat.id) : null, kind: updateKind(ctx.update) };
    const now = clock.now();
    const claim = await updates.claim({
      ...key,
      ...origin,
      now,
      forgetBefore: new Date(now.getTime() - DEDUP_WINDOW_MS),
      staleBefore: new Date(now.getTime() - STALE_UPDATE_MS),
    });
    // Marked (or known): the poll loop may confirm it to Telegram now (src/instance/dispatch.ts).
    markClaimed(ctx.update);
    const log = { updateId: ctx.update.update_id };
    if (claim === "duplicate") {
      logger.info(log, "duplicate update ignored");
      return;
    }
    if (claim === "abandoned") return updates.reportAbandoned({ ...key, ...origin, lastSeen: now });
    if (claim === "reused")
      logger.info(log, "update id seen before for another update (the Bot API restarted its count); handling it");
    const letGo = inHand.take(key.updateId);
    const beat = setInterval(() => {
      updates
        .heartbeat({ ...key, now: clock.now() })
        .catch((e: unknown) => logger.warn({ err: e, ...log }, "update heartbeat failed"));
    }, HEARTBEAT_MS);
    beat.unref();
    const finish = async () => {
      clearInterval(beat);
      try {
        await updates.finish(key);
      } finally {
        letGo();
      }
    };
    let detached: Promise<unknown> | undefined;
    ctx.detach = (work) => {
      // Errors end here rather than in bot.catch, which the update has left by then.
      const run = async () =>
        work().catch(async (err: unknown) => {
          logger.error({ err, ...log }, "detached work of an update failed");
          if (ctx.chat) await ctx.reply(common.internalError).catch(() => undefined);
        });
      detached = detached ? detached.then(run) : run();
    };
    try {
      await next();
    } finally {
      if (detached)
        detachedWork.add(
          detached.finally(() =>
            finish().catch((e: unknown) => logger.warn({ err: e, ...log }, "could not mark a detached update done")),
          ),
        );
      else await finish();
    }
  };

  // Housekeeping runs beside the update rather than after it: the answer does not wait for it,
  // and the update's work still ends with its own last statement.
  return async (ctx, next) => {
    const side = housekeeping(ctx, BigInt(ctx.me.id), ctx.deps.clock.now());
    try {
      await handleOnce(ctx, next);
    } finally {
      await side;
    }
  };
}
