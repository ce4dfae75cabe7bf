import type { CallbackQuery, Message, Update } from "grammy/types";
import { asReply, enqueue, unixTime, type Core } from "./core.js";
import { addressesBot, detectEntities } from "./entities.js";
import type { ChatRecord } from "./store.js";
import type { CallbackAnswer, InjectResult } from "./types.js";

/** Things users do, turned into transcript entries and (when Telegram would) updates. */
export interface TextInput {
  chatId: number;
  fromId: number;
  text: string;
  replyToMessageId?: number;
}

export interface DocumentInput {
  chatId: number;
  fromId: number;
  fileName: string;
  bytes: Uint8Array;
  mimeType?: string;
  caption?: string;
  replyToMessageId?: number;
}

export interface PressInput {
  chatId: number;
  messageId: number;
  fromId: number;
  /** Which button: by callback_data, or by its visible text. */
  data?: string;
  text?: string;
  /** How long to wait for answerCallbackQuery; default 5000 ms. */
  timeoutMs?: number;
}

export function injectText(core: Core, input: TextInput): InjectResult {
  const entities = detectEntities(input.text);
  return injectUserMessage(core, input, { text: input.text, ...(entities.length ? { entities } : {}) }, input.text);
}

export function injectDocument(core: Core, input: DocumentInput): InjectResult {
  const ext = /\.([a-zA-Z0-9]{1,8})$/.exec(input.fileName)?.[1]?.toLowerCase() ?? "dat";
  const file = core.store.saveFile(Buffer.from(input.bytes), {
    folder: "documents",
    ext,
    fileName: input.fileName,
    ...(input.mimeType ? { mimeType: input.mimeType } : {}),
  });
  const caption = input.caption ?? "";
  const captionEntities = detectEntities(caption);
  return injectUserMessage(
    core,
    input,
    {
      document: {
        file_id: file.fileId,
        file_unique_id: file.fileUniqueId,
        file_name: input.fileName,
        file_size: file.bytes.length,
        ...(input.mimeType ? { mime_type: input.mimeType } : {}),
      },
      ...(caption ? { caption } : {}),
      ...(captionEntities.length ? { caption_entities: captionEntities } : {}),
    },
    caption,
  );
}

function injectUserMessage(
  core: Core,
  input: { chatId: number; fromId: number; replyToMessageId?: number },
  content: Partial<Message>,
  text: string,
): InjectResult {
  const rec = core.store.requireChat(input.chatId);
  const from = core.store.requireUser(input.fromId);
  if (rec.chat.type !== "private" && !rec.members.has(from.id)) rec.members.set(from.id, "member");
  const replyTo = input.replyToMessageId === undefined ? undefined : rec.messages.get(input.replyToMessageId);
  if (input.replyToMessageId !== undefined && !replyTo) {
    throw new Error(`emulator: message ${input.replyToMessageId} not found in chat ${rec.chat.id}`);
  }
  const message: Message & Update.NonChannel = {
    ...content,
    message_id: rec.nextMessageId,
    date: unixTime(core),
    chat: rec.chat,
    from,
    ...(replyTo ? { reply_to_message: asReply(replyTo) } : {}),
  };
  rec.nextMessageId += 1;
  rec.messages.set(message.message_id, message);
  // A private message from a user who had blocked the bot is Telegram's "unblock + /start".
  if (rec.chat.type === "private") rec.blocked = false;
  const delivered = shouldDeliver(core, rec, message, text);
  core.store.record(rec.chat.id, { kind: "message", at: core.now(), direction: "user", message, delivered });
  if (!delivered) return { message, delivered };
  const updateId = core.updates.nextId();
  enqueue(core, { update_id: updateId, message });
  return { message, delivered, updateId };
}

/**
 * Group privacy mode (core.telegram.org/bots/features#privacy-mode): a non-admin bot only
 * receives commands meant for it, replies to its own messages and messages mentioning it.
 */
export function shouldDeliver(core: Core, rec: ChatRecord, message: Message, text: string): boolean {
  if (rec.chat.type === "private") return true;
  if (rec.botStatus === "left" || rec.botStatus === "kicked") return false;
  if (!core.privacyMode || rec.botStatus === "administrator") return true;
  const entities = message.entities ?? message.caption_entities ?? [];
  if (addressesBot(text, entities, core.bot.username)) return true;
  return message.reply_to_message?.from?.id === core.bot.id;
}

export function pressButton(core: Core, input: PressInput): Promise<CallbackAnswer> {
  const rec = core.store.requireChat(input.chatId);
  const from = core.store.requireUser(input.fromId);
  const message = rec.messages.get(input.messageId);
  if (!message) throw new Error(`emulator: message ${input.messageId} not found in chat ${rec.chat.id}`);
  const buttons = (message.reply_markup?.inline_keyboard ?? []).flat();
  const button = buttons.find((b) =>
    input.data !== undefined ? "callback_data" in b && b.callback_data === input.data : b.text === input.text,
  );
  if (!button || !("callback_data" in button)) {
    const have = buttons.map((b) => b.text).join(", ") || "none";
    throw new Error(
      `emulator: no callback button ${input.data ?? input.text ?? "?"} on message ${input.messageId} (buttons: ${have})`,
    );
  }
  const { id, answered } = core.callbacks.open(rec.chat.id, input.timeoutMs ?? 5000);
  const query: CallbackQuery = {
    id,
    from,
    message,
    chat_instance: `ci${Math.abs(rec.chat.id)}`,
    data: button.callback_data,
  };
  core.store.record(rec.chat.id, {
    kind: "button_press",
    at: core.now(),
    messageId: message.message_id,
    fromId: from.id,
    data: button.callback_data,
    callbackQueryId: id,
  });
  enqueue(core, { update_id: core.updates.nextId(), callback_query: query });
  return answered;
}

export type RawUpdate = Omit<Update, "update_id"> & { update_id?: number };

/**
 * Queues an update as given. With `times` > 1 the same update_id is queued again; copies
 * after the first (and any id the bot already confirmed) bypass offset confirmation so
 * the bot really sees the duplicate, as after a Telegram-side redelivery.
 */
export function injectRaw(core: Core, raw: RawUpdate, times = 1): number {
  const updateId = raw.update_id ?? core.updates.nextId();
  const isOld = raw.update_id !== undefined && core.updates.find(raw.update_id) !== undefined;
  const update: Update = { ...raw, update_id: updateId };
  for (let i = 0; i < times; i++) enqueue(core, update, isOld || i > 0);
  return updateId;
}

/** Delivers an already queued (maybe already confirmed) update once more. */
export function redeliver(core: Core, updateId: number): void {
  const update = core.updates.find(updateId);
  if (!update) throw new Error(`emulator: update ${updateId} was never queued`);
  enqueue(core, update, true);
}
