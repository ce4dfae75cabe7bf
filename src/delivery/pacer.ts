/**
 * Client-side pacing so the bot stays inside Telegram's broadcast limits without being told
 * (docs/SCHEDULES.md; core.telegram.org/bots/faq "My bot is hitting limits"): ~30 messages/s
 * overall, ≤ 20 messages/min in one group, ~1 message/s in one private chat. Plus the pauses
 * that a 429 `retry_after` imposes on one chat or on everything.
 *
 * Real (monotonic) time on purpose: the limits are Telegram's wall-clock limits, and the
 * sandbox's manual clock may be frozen or jump.
 */
export interface PacingLimits {
  /** Messages per `globalWindowMs` for the whole bot. */
  global: number;
  /**
   * Slightly longer than Telegram's 1 s so jitter between our dispatch and Telegram's arrival
   * timestamps cannot put 31 messages into one second: 30 per 1,040 ms ≈ 28.8 msg/s.
   */
  globalWindowMs: number;
  group: number;
  groupWindowMs: number;
  private: number;
  privateWindowMs: number;
}

export const TELEGRAM_LIMITS: PacingLimits = {
  global: 30,
  globalWindowMs: 1_040,
  group: 20,
  groupWindowMs: 61_000,
  private: 1,
  privateWindowMs: 1_050,
};

type Now = () => number;

/**
 * A sliding-window log (at most `limit` stamps in any `windowMs`) plus, when `burst` > 0, even
 * spacing of windowMs/limit with a small burst allowance (GCRA): 30 requests do not leave in
 * one lump, yet a late timer or a slow query is caught up instead of lost.
 */
class Window {
  private stamps: number[] = [];
  /** GCRA's theoretical arrival time of the next message. */
  private tat = 0;
  constructor(
    readonly limit: number,
    public windowMs: number,
    readonly burst: number,
  ) {}

  waitMs(t: number, count: number): number {
    this.stamps = this.stamps.filter((s) => s > t - this.windowMs);
    let wait = 0;
    // An album larger than the limit (10 photos to a private chat) goes alone into an empty window.
    const excess = this.stamps.length + Math.min(count, this.limit) - this.limit;
    if (excess > 0) {
      const oldest = this.stamps[Math.min(excess, this.stamps.length) - 1] ?? t;
      wait = oldest + this.windowMs - t;
    }
    if (this.burst > 0) wait = Math.max(wait, this.tat - t - (this.burst - 1) * this.spacing());
    // Whole milliseconds: a float remainder of 1e-13 ms would otherwise never be waited out.
    return Math.max(0, Math.ceil(wait));
  }

  record(t: number, count: number): void {
    for (let i = 0; i < count; i++) this.stamps.push(t);
    this.tat = Math.max(this.tat, t) + count * this.spacing();
  }

  private spacing(): number {
    return this.windowMs / this.limit;
  }

  count(t: number): number {
    return this.stamps.filter((s) => s > t - this.windowMs).length;
  }

  idle(t: number): boolean {
    return this.stamps.every((s) => s <= t - this.windowMs);
  }
}

export class Pacer {
  private readonly global: Window;
  private readonly chats = new Map<bigint, Window>();
  private readonly chatPausedUntil = new Map<bigint, number>();
  private globalPausedUntil = 0;

  constructor(
    private readonly limits: PacingLimits = TELEGRAM_LIMITS,
    private readonly now: Now = () => performance.now(),
  ) {
    this.global = new Window(limits.global, limits.globalWindowMs, 3);
  }

  /** Milliseconds until `count` messages may go to this chat (0 = now). */
  chatWaitMs(chatId: bigint, count = 1): number {
    const t = this.now();
    const paused = Math.max(0, (this.chatPausedUntil.get(chatId) ?? 0) - t);
    return Math.max(paused, this.chatWindow(chatId).waitMs(t, count));
  }

  /** Milliseconds until `count` messages fit the bot-wide limit (or a global pause ends). */
  globalWaitMs(count = 1): number {
    const t = this.now();
    return Math.max(0, this.globalPausedUntil - t, this.global.waitMs(t, count));
  }

  record(chatId: bigint, count = 1): void {
    const t = this.now();
    this.global.record(t, count);
    this.chatWindow(chatId).record(t, count);
  }

  pauseChat(chatId: bigint, ms: number): void {
    const until = this.now() + ms;
    this.chatPausedUntil.set(chatId, Math.max(until, this.chatPausedUntil.get(chatId) ?? 0));
  }

  /**
   * A bot-wide 429 despite our pacing means the jitter between our dispatch and Telegram's
   * arrival stamps outgrew the margin (a loaded machine, a slow network): widen the window by
   * 25 ms, up to +25 %. Every success narrows it back by 0.05 ms, so it creeps back over a
   * few hundred messages instead of oscillating.
   */
  widenGlobal(): void {
    this.global.windowMs = Math.min(this.limits.globalWindowMs * 1.25, this.global.windowMs + 25);
  }

  narrowGlobal(): void {
    this.global.windowMs = Math.max(this.limits.globalWindowMs, this.global.windowMs - 0.05);
  }

  globalWindowMs(): number {
    return this.global.windowMs;
  }

  pauseAll(ms: number): void {
    this.globalPausedUntil = Math.max(this.globalPausedUntil, this.now() + ms);
  }

  /**
   * Telegram's 429 does not say which limit tripped. If we sent this chat less than half its
   * own allowance in its window, the chat limit cannot be the cause: treat it as bot-wide.
   */
  isChatFlood(chatId: bigint): boolean {
    const w = this.chatWindow(chatId);
    return w.count(this.now()) * 2 >= w.limit;
  }

  /** Chats that cannot send within `horizonMs` — left out of the next claim. */
  blockedChats(horizonMs: number): bigint[] {
    const t = this.now();
    const out: bigint[] = [];
    for (const [chatId, until] of this.chatPausedUntil) {
      if (until - t > horizonMs) out.push(chatId);
      else if (until <= t) this.chatPausedUntil.delete(chatId);
    }
    for (const [chatId, w] of this.chats) {
      if (w.idle(t)) this.chats.delete(chatId);
      else if (!out.includes(chatId) && w.waitMs(t, 1) > horizonMs) out.push(chatId);
    }
    return out;
  }

  private chatWindow(chatId: bigint): Window {
    let w = this.chats.get(chatId);
    if (!w) {
      const isGroup = chatId < 0n;
      w = isGroup
        ? new Window(this.limits.group, this.limits.groupWindowMs, 0)
        : new Window(this.limits.private, this.limits.privateWindowMs, 0);
      this.chats.set(chatId, w);
    }
    return w;
  }
}
