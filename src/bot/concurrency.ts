/**
 * Chats served side by side. grammY alone handles one update at a time for every chat, so one
 * slow answer (a big upload, a slow statement) made every other officer wait. Updates of
 * different chats now run concurrently, while each chat still sees its own updates in order
 * (a /nop and its undo press must not swap), with a cap on the whole so a burst does not open
 * hundreds of transactions at once.
 */
import type { Update } from "grammy/types";

/** Updates handled at once by one instance, over all chats. */
export const CHAT_CONCURRENCY = 32;

/**
 * The key whose updates must stay in order: the chat, else the user (inline queries, pre-checkout),
 * else one shared key for the rare update that names neither.
 */
export function chatKeyOf(update: Update): string {
  const u = update;
  const chat =
    u.message?.chat ??
    u.edited_message?.chat ??
    u.channel_post?.chat ??
    u.edited_channel_post?.chat ??
    u.callback_query?.message?.chat ??
    u.my_chat_member?.chat ??
    u.chat_member?.chat ??
    u.chat_join_request?.chat ??
    u.message_reaction?.chat ??
    u.business_message?.chat;
  if (chat) return `c${chat.id}`;
  const from =
    u.callback_query?.from ??
    u.inline_query?.from ??
    u.chosen_inline_result?.from ??
    u.shipping_query?.from ??
    u.pre_checkout_query?.from ??
    u.poll_answer?.user;
  return from ? `u${from.id}` : "-";
}

/** Per-key promise chains with a global cap on the tasks running. */
export class ChatQueues {
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly waiting: (() => void)[] = [];
  private running = 0;
  private closed = false;

  constructor(private readonly cap = CHAT_CONCURRENCY) {}

  /**
   * Runs `task` after the earlier tasks of `key`. Resolves true once it ran, false when the
   * queues were closed before it started (its update is left for whoever polls next).
   */
  enqueue(key: string, task: () => Promise<void>): Promise<boolean> {
    const prev = this.tails.get(key) ?? Promise.resolve();
    const run = prev.then(async () => {
      if (this.closed) return false;
      await this.slot();
      try {
        if (this.closed) return false;
        await task();
        return true;
      } finally {
        this.release();
      }
    });
    const tail = run.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return run;
  }

  /** Tasks not started yet will not start. */
  close(): void {
    this.closed = true;
  }

  private async slot(): Promise<void> {
    if (this.running < this.cap) {
      this.running += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** A freed slot goes straight to the next waiter, so `running` never overshoots the cap. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }
}

/**
 * "This update is durably marked": the update guard calls `markClaimed` once its ProcessedUpdate
 * row is written, and the poll loop may then confirm the update to Telegram while it is still
 * being handled — a crash from here on leaves the row that the sweep reports, as for detached work.
 */
const claimListeners = new WeakMap<Update, () => void>();

export function onClaimed(update: Update, listener: () => void): void {
  claimListeners.set(update, listener);
}

export function markClaimed(update: Update): void {
  const listener = claimListeners.get(update);
  claimListeners.delete(update);
  listener?.();
}
