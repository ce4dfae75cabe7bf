import type { BotCommand, Message, Update, UserFromGetMe } from "grammy/types";
import { badRequest, chatNotFound, forbidden } from "./errors.js";
import type { TypedEmitter } from "./events.js";
import type { FaultBook } from "./faults.js";
import type { RateLimiter } from "./ratelimit.js";
import type { ChatRecord, Store } from "./store.js";
import type { CallbackAnswer, EmulatorEvents, SentParams } from "./types.js";
import type { UpdateQueue } from "./updates.js";

/** Everything a Bot API method or an injection needs; one instance per emulator. */
export interface Core {
  readonly token: string;
  readonly bot: UserFromGetMe;
  readonly privacyMode: boolean;
  readonly store: Store;
  readonly updates: UpdateQueue;
  readonly faults: FaultBook;
  readonly rateLimiter: RateLimiter;
  readonly events: TypedEmitter<EmulatorEvents>;
  readonly callbacks: CallbackRegistry;
  readonly settings: BotSettings;
  /** Milliseconds since the epoch; injectable for rate-limit tests. */
  readonly now: () => number;
  readonly log: (line: string) => void;
  readonly callCounts: Map<string, number>;
}

export interface BotSettings {
  webhookUrl?: string;
  /** Keyed by `${scope.type}:${scope.chat_id ?? ""}:${language_code ?? ""}`. */
  commands: Map<string, BotCommand[]>;
}

export const unixTime = (core: Core): number => Math.floor(core.now() / 1000);

/** Queues an update for the bot's getUpdates and announces it. */
export function enqueue(core: Core, update: Update, replay = false): void {
  core.updates.push(update, replay);
  core.events.emit("update", { update });
}

export function chatFor(core: Core, chatId: number | string | undefined): ChatRecord {
  const rec = chatId === undefined ? undefined : core.store.findChat(chatId);
  if (!rec) throw chatNotFound();
  return rec;
}

/** The refusals Telegram gives when the bot may not post in a chat (before any fault script). */
export function assertCanSend(rec: ChatRecord): void {
  if (rec.migratedTo !== undefined) {
    throw badRequest("group chat was upgraded to a supergroup chat", { migrate_to_chat_id: rec.migratedTo });
  }
  if (rec.chat.type === "private") {
    if (rec.blocked) throw forbidden("bot was blocked by the user");
    return;
  }
  const where = rec.chat.type === "supergroup" ? "supergroup" : "group";
  if (rec.botStatus === "kicked") throw forbidden(`bot was kicked from the ${where} chat`);
  if (rec.botStatus === "left") throw forbidden(`bot is not a member of the ${where} chat`);
}

/** The reply as Telegram embeds it: one level deep, no nested reply_to_message. */
export function asReply(message: Message): Message & { reply_to_message: undefined } {
  const { reply_to_message: _nested, ...flat } = message;
  return { ...flat, reply_to_message: undefined };
}

/** A new message from the bot, numbered in the chat's sequence. */
export function draftBotMessage(core: Core, rec: ChatRecord): Message {
  const messageId = rec.nextMessageId;
  rec.nextMessageId += 1;
  return { message_id: messageId, date: unixTime(core), chat: rec.chat, from: core.bot };
}

export function commitBotMessage(
  core: Core,
  rec: ChatRecord,
  message: Message,
  method: string,
  sent: SentParams,
): void {
  rec.messages.set(message.message_id, message);
  rec.counters.sent += 1;
  core.store.record(rec.chat.id, {
    kind: "message",
    at: core.now(),
    direction: "bot",
    message,
    delivered: true,
    method,
    sent,
  });
}

/** Callback queries waiting for answerCallbackQuery (Telegram expires them after a while). */
export class CallbackRegistry {
  private readonly pending = new Map<
    string,
    { chatId: number; resolve: (a: CallbackAnswer) => void; timer: NodeJS.Timeout }
  >();
  private seq = 0;

  open(chatId: number, timeoutMs: number): { id: string; answered: Promise<CallbackAnswer> } {
    this.seq += 1;
    const id = `${Date.now().toString(36)}${this.seq}`;
    const answered = new Promise<CallbackAnswer>((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve({ callbackQueryId: id, answered: false });
      }, timeoutMs);
      this.pending.set(id, { chatId, resolve, timer });
    });
    return { id, answered };
  }

  /** Returns the chat the query came from, or undefined when unknown/expired/answered. */
  answer(id: string, answer: Omit<CallbackAnswer, "callbackQueryId" | "answered">): number | undefined {
    const entry = this.pending.get(id);
    if (!entry) return undefined;
    this.pending.delete(id);
    clearTimeout(entry.timer);
    entry.resolve({ callbackQueryId: id, answered: true, ...answer });
    return entry.chatId;
  }

  closeAll(): void {
    for (const [id, entry] of this.pending) {
      clearTimeout(entry.timer);
      entry.resolve({ callbackQueryId: id, answered: false });
    }
    this.pending.clear();
  }
}
