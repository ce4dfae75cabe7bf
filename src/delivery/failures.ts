/**
 * Turns what a send threw into what the worker does about it (docs/SCHEDULES.md). Telegram's
 * refusals arrive as grammY `GrammyError` (error_code + parameters), network trouble as
 * `HttpError`; anything else is treated like the network (retried, then failed).
 */
import { GrammyError, HttpError } from "grammy";
import { redactSecrets } from "../logger.js";

export type SendFailure =
  /** 429: wait `retryAfterMs`, then send again; never counts as an attempt. */
  | { kind: "rate_limited"; retryAfterMs: number; reason: string }
  /** 403, or a chat Telegram no longer knows: the chat is gone for the bot; never retried. */
  | { kind: "chat_gone"; reason: string }
  /** 400 + migrate_to_chat_id: the group became a supergroup with a new id. */
  | { kind: "migrated"; toChatId: bigint; reason: string }
  /** 400 about a file_id we cached (e.g. the Bot API server forgot it): upload the bytes again. */
  | { kind: "stale_file"; reason: string }
  /** Any other 400: our request is wrong; retrying cannot help. */
  | { kind: "bad_request"; reason: string }
  /** 5xx, network, timeouts, unexpected: retried with backoff while the message is useful. */
  | { kind: "transient"; reason: string };

// 400s that mean "this chat is gone" rather than "your request is malformed".
const GONE_400 =
  /chat not found|group chat was deactivated|PEER_ID_INVALID|user is deactivated|CHAT_WRITE_FORBIDDEN|need administrator rights/i;
const FILE_400 =
  /wrong file identifier|file reference|wrong remote file|FILE_ID_INVALID|failed to get HTTP URL content/i;

/**
 * What a failure was, in one line, with any bot token removed: it goes into outbox.lastError,
 * JobRun.detail and admin alerts sent over Telegram, so it uses the logger's redaction
 * (one pattern for the whole program).
 */
export function describeError(err: unknown): string {
  if (err instanceof GrammyError) return redactSecrets(`${err.error_code} ${err.description}`);
  if (err instanceof HttpError) return redactSecrets(`${err.message} (${String(err.error)})`);
  if (err instanceof Error) return redactSecrets(`${err.name}: ${err.message}`);
  return redactSecrets(String(err));
}

export function classifyFailure(err: unknown, usedCachedFile: boolean): SendFailure {
  const reason = describeError(err);
  if (!(err instanceof GrammyError)) return { kind: "transient", reason };
  const code = err.error_code;
  if (code === 429) {
    const seconds = err.parameters.retry_after ?? 5;
    return { kind: "rate_limited", retryAfterMs: seconds * 1000, reason };
  }
  if (code === 403) return { kind: "chat_gone", reason };
  if (code === 400) {
    const to = err.parameters.migrate_to_chat_id;
    if (to !== undefined) return { kind: "migrated", toChatId: BigInt(to), reason };
    if (GONE_400.test(err.description)) return { kind: "chat_gone", reason };
    if (usedCachedFile && FILE_400.test(err.description)) return { kind: "stale_file", reason };
    return { kind: "bad_request", reason };
  }
  return { kind: "transient", reason };
}

export interface RetryPolicy {
  /**
   * Network/5xx failures are retried for as long as the message is useful (useful.ts), with
   * this backoff per chat: base, doubling, capped at maxMs.
   */
  baseMs: number;
  maxMs: number;
  /**
   * When failures span several chats with no success between, Telegram itself is down: the
   * whole worker pauses instead, probing at most this far apart, so that the queue goes out
   * within this long after Telegram recovers.
   */
  probeMaxMs: number;
  /**
   * With several instances the one that declared the outage probes for all (sharedOutage.ts);
   * when it has not probed this long after it said it would, it is taken for dead and another
   * instance probes instead.
   */
  outageTakeoverMs: number;
  /** A bookkeeping write (markSent) that failed after Telegram accepted the message: its retry backoff. */
  bookkeepingBaseMs: number;
  bookkeepingMaxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  baseMs: 1_000,
  maxMs: 60_000,
  probeMaxMs: 5_000,
  outageTakeoverMs: 5_000,
  bookkeepingBaseMs: 100,
  bookkeepingMaxMs: 2_000,
};

/** Exponential backoff with "equal jitter": never shorter than half the step, spreads a fan-out's retries. */
export function backoffMs(
  policy: Pick<RetryPolicy, "baseMs" | "maxMs">,
  attempt: number,
  random: () => number = Math.random,
): number {
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(cap / 2 + (random() * cap) / 2);
}
