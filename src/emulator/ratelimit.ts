import { tooManyRequests, type ApiError } from "./errors.js";

/**
 * Optional enforcement of Telegram's broadcast limits (core.telegram.org/bots/faq, "My bot is
 * hitting limits"): about 30 messages per second overall, and at most 20 messages per minute
 * in one group. Sliding windows; a refused send answers 429 with the seconds until enough of
 * the window has expired, which is what @grammyjs/auto-retry and our outbox must honour.
 */
export interface RateLimitOptions {
  perSecond?: number;
  perGroupPerMinute?: number;
}

export class RateLimiter {
  private enabled = false;
  private perSecond = 30;
  private perGroupPerMinute = 20;
  private global: number[] = [];
  private readonly groups = new Map<number, number[]>();

  constructor(private readonly now: () => number) {}

  configure(opts: RateLimitOptions | false): void {
    this.enabled = opts !== false;
    if (opts === false) return;
    this.perSecond = opts.perSecond ?? 30;
    this.perGroupPerMinute = opts.perGroupPerMinute ?? 20;
    this.global = [];
    this.groups.clear();
  }

  isEnabled(): boolean {
    return this.enabled;
  }

  /** Admits `count` messages to the chat now, or returns the 429 to answer with. */
  admit(chatId: number, isGroup: boolean, count: number): ApiError | undefined {
    if (!this.enabled) return undefined;
    const t = this.now();
    this.global = this.global.filter((x) => x > t - 1000);
    const group = isGroup ? (this.groups.get(chatId) ?? []).filter((x) => x > t - 60_000) : [];
    const waits = [wait(this.global, count, this.perSecond, 1000, t)];
    if (isGroup) waits.push(wait(group, count, this.perGroupPerMinute, 60_000, t));
    const ms = Math.max(...waits);
    if (ms > 0) return tooManyRequests(Math.max(1, Math.ceil(ms / 1000)));
    for (let i = 0; i < count; i++) {
      this.global.push(t);
      group.push(t);
    }
    if (isGroup) this.groups.set(chatId, group);
    return undefined;
  }

  /** Gives back the slots of an admitted send that then failed (a refused call is not a message). */
  refund(chatId: number, isGroup: boolean, count: number): void {
    if (!this.enabled) return;
    this.global.splice(-count, count);
    if (isGroup) this.groups.get(chatId)?.splice(-count, count);
  }
}

/** Milliseconds until `count` more fit in a window holding `stamps` (sorted ascending). */
function wait(stamps: number[], count: number, limit: number, windowMs: number, t: number): number {
  const excess = stamps.length + count - limit;
  if (excess <= 0) return 0;
  if (count > limit) return windowMs;
  const oldestToExpire = stamps[excess - 1] ?? t;
  return oldestToExpire + windowMs - t;
}
