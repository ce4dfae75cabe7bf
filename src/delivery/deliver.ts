/**
 * Delivers one claimed outbox row and applies what Telegram answered (docs/SCHEDULES.md):
 * 429 → pause and requeue (a chat's pause written to the row as notBefore, so every instance
 * waits it out); 403 → chat inactive, its queue dropped, admins told once;
 * 400 + migrate_to_chat_id → rebind and send at the new id; other 400 → failed, no retry;
 * 5xx/network → backoff (or, when Telegram is down for everyone, a bot-wide pause: outage.ts,
 * shared with the other instances: sharedOutage.ts) for as long as the message is useful;
 * past that, expiry.ts gives it up.
 *
 * The double-send window is between Telegram accepting the message and `markSent` committing:
 * nothing else (file_id caching, logging, callbacks) runs in between. A failed markSent is
 * retried as a write, not a send (bookkeeping.ts). A crash there leaves the row "sending";
 * once its lease expires it is sent again — at-least-once, as Telegram offers no idempotency key.
 */
import type { Logger } from "pino";
import type { OutboxMessage } from "../db/generated/client.js";
import { ADMIN_ALERT_KIND, alertTexts } from "./alerts.js";
import { recordSent } from "./bookkeeping.js";
import { leaseLeftMs, retryLater } from "./retry.js";
import { deactivateChat, rebindChat } from "./chats.js";
import { classifyFailure, describeError } from "./failures.js";
import { parseRequest, type OutboxRequest } from "./payload.js";
import { dropPendingForChat, markFinal, RECLAIMED_NOTE, release, renewLease } from "./rows.js";
import { forgetFileIds, rememberFileIds, sendRequest, type SendOutcome } from "./send.js";
import type { DeliverDeps, LaneAction } from "./deliverDeps.js";

export type { DeliverDeps, DeliveryStats, LaneAction } from "./deliverDeps.js";

export async function deliverRow(d: DeliverDeps, row: OutboxMessage): Promise<LaneAction> {
  const log = d.logger.child({ outboxId: row.id, kind: row.kind, dedupKey: row.dedupKey, chatId: String(row.chatId) });
  let req: OutboxRequest;
  try {
    req = parseRequest(row.method, JSON.parse(row.payload));
  } catch (err) {
    return giveUp(d, row, log, "bad_request", describeError(err), row.attempts);
  }
  // While more than half the lease is left nobody else can have claimed the row (claims need
  // an expired lease; the margin covers clock skew between hosts), so no write is needed.
  const now = d.clock.now();
  const fresh = row.lockedUntil !== null && row.lockedUntil.getTime() - now.getTime() > d.leaseMs / 2;
  if (!fresh && !(await renewLease(d.prisma, row.id, d.instanceId, now, d.leaseMs))) {
    log.warn("outbox row reclaimed by another instance; skipped");
    return "next";
  }
  // Telegram already has it (an earlier markSent failed): only the row is left to write.
  const accepted = d.unrecorded.get(row.id);
  if (accepted) {
    await recordSent(d, row.id, accepted, leaseLeftMs(d, row));
    d.stats.sent += 1;
    return "next";
  }
  if (row.lastError === RECLAIMED_NOTE) log.warn("resending a row whose previous sender died mid-send (may duplicate)");
  let chatId = row.chatId;
  let useCache = true;
  let migrated = false;
  for (let hop = 0; hop < 3; hop++) {
    let out: SendOutcome;
    try {
      out = await sendRequest(d.api, d.prisma, d.fileIds, chatId, req, useCache);
    } catch (err) {
      const f = classifyFailure(err, useCache);
      switch (f.kind) {
        case "stale_file":
          log.warn({ reason: f.reason }, "cached file_id refused; uploading again");
          await forgetFileIds(d.prisma, d.fileIds, req);
          useCache = false;
          continue;
        case "migrated": {
          const r = await rebindChat(d.prisma, chatId, f.toChatId);
          log.warn(
            { to: String(f.toChatId), moved: r.movedMessages, chat: r.chat },
            "group migrated to supergroup; rebound",
          );
          d.stats.migrated += 1;
          await callSafely(log, () => d.onChatMigrated?.(chatId, f.toChatId));
          chatId = f.toChatId;
          migrated = true;
          continue;
        }
        case "rate_limited": {
          d.stats.rateLimited += 1;
          const chatFlood = d.pacer.isChatFlood(chatId);
          if (chatFlood) d.pacer.pauseChat(chatId, f.retryAfterMs);
          else {
            d.pacer.pauseAll(f.retryAfterMs);
            d.pacer.widenGlobal();
          }
          log.warn({ retryAfterMs: f.retryAfterMs, scope: chatFlood ? "chat" : "global" }, "429 from Telegram; paused");
          // A bot-wide pause stays in memory: this process stops claiming, and Telegram tells
          // any other sender on the token the same.
          const notBefore = chatFlood ? d.holds.hold(chatId, f.retryAfterMs) : undefined;
          await release(d.prisma, row.id, d.instanceId, { lastError: f.reason, ...(notBefore ? { notBefore } : {}) });
          return "requeue_chat";
        }
        case "chat_gone":
          return chatGone(d, row, chatId, f.reason, log);
        case "bad_request":
          return giveUp(d, row, log, "bad_request", f.reason, row.attempts + 1);
        case "transient":
          return retryLater(d, row, chatId, f.reason, log);
      }
    }
    // Past this point Telegram has the message: a failure is bookkeeping, never a reason to send again.
    d.outage.succeeded();
    await recordSent(d, row.id, { messageId: out.messageId, sentAt: d.clock.now() }, leaseLeftMs(d, row));
    d.stats.sent += 1;
    d.pacer.narrowGlobal();
    await d.shared.over();
    await rememberFileIds(d.prisma, d.fileIds, out.learnt).catch((err) =>
      log.warn({ err: describeError(err) }, "file_id not cached"),
    );
    return migrated ? "requeue_chat" : "next";
  }
  return giveUp(d, row, log, "failed", "too many migrations/re-uploads in one send", row.attempts + 1);
}

async function chatGone(
  d: DeliverDeps,
  row: OutboxMessage,
  chatId: bigint,
  reason: string,
  log: Logger,
): Promise<LaneAction> {
  await markFinal(d.prisma, row.id, "dropped", reason);
  const flipped = await deactivateChat(d.prisma, chatId);
  const others = await dropPendingForChat(d.prisma, chatId, `chat inactive: ${reason}`);
  d.stats.dropped += 1 + others;
  log.error({ reason, droppedOthers: others }, "bot can no longer post in this chat; marked inactive");
  if (flipped) {
    if (row.kind !== ADMIN_ALERT_KIND)
      await callSafely(log, () => d.onAdminAlert(alertTexts.chatGone(chatId, reason, others)));
    await callSafely(log, () => d.onChatBlocked?.(chatId, reason));
  }
  return "drop_chat";
}

async function giveUp(
  d: DeliverDeps,
  row: OutboxMessage,
  log: Logger,
  why: "failed" | "bad_request",
  reason: string,
  attempts: number,
): Promise<LaneAction> {
  await markFinal(d.prisma, row.id, "failed", reason, attempts);
  d.stats.failed += 1;
  log.error({ reason, attempts }, why === "failed" ? "giving up after retries" : "Telegram rejected the request");
  // An alert about a failed alert would loop: those are only logged.
  if (row.kind === ADMIN_ALERT_KIND) return "next";
  const text = why === "failed" ? alertTexts.failed(row, attempts, reason) : alertTexts.rejected(row, reason);
  const gated = d.gate.pass(why, text);
  if (gated) await callSafely(log, () => d.onAdminAlert(gated));
  return "next";
}

async function callSafely(log: Logger, fn: () => void | Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    log.error({ err: describeError(err) }, "delivery callback threw");
  }
}
