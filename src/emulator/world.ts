import { enqueue, unixTime, type Core } from "./core.js";
import { changeBotStatus } from "./membership.js";
import type { BotStatus, MemberStatus } from "./types.js";

/** Test-API changes to who is where, beyond plain registration (store.ts). */
export interface BotStatusOptions {
  /** The user who added/promoted/removed the bot; default: the chat's first creator/admin, else the bot. */
  byId?: number;
  /** Queue a my_chat_member update for the bot (default true), as Telegram does. */
  notify?: boolean;
}

export function setBotStatus(
  core: Core,
  chatId: number,
  status: BotStatus,
  opts: BotStatusOptions = {},
): number | undefined {
  const rec = core.store.requireChat(chatId);
  if (rec.chat.type === "private") throw new Error("emulator: the bot's status only applies to groups");
  const byId = opts.byId ?? [...rec.members].find(([, s]) => s === "creator" || s === "administrator")?.[0];
  const by = byId === undefined ? core.bot : core.store.requireUser(byId);
  return changeBotStatus(core, rec, status, by, opts.notify ?? true);
}

export function setMemberStatus(core: Core, chatId: number, userId: number, status: MemberStatus): void {
  const rec = core.store.requireChat(chatId);
  core.store.requireUser(userId);
  rec.members.set(userId, status);
}

export function setBlocked(core: Core, userId: number, blocked: boolean): void {
  const rec = core.store.requireChat(userId);
  if (rec.chat.type !== "private") throw new Error(`emulator: ${userId} is not a private chat`);
  rec.blocked = blocked;
}

/**
 * Upgrades a basic group to a supergroup, as Telegram does when a group grows or an admin
 * changes certain settings: the old id then refuses sends with migrate_to_chat_id, and both
 * chats get the migrate service message (delivered regardless of privacy mode).
 */
export function migrateGroup(core: Core, chatId: number, opts: { byId: number; newChatId?: number }): number {
  const old = core.store.requireChat(chatId);
  if (old.chat.type !== "group") throw new Error(`emulator: chat ${chatId} is not a basic group`);
  const from = core.store.requireUser(opts.byId);
  const newChatId = opts.newChatId ?? Number(`-100${Math.abs(chatId)}`);
  const next = core.store.addChat({
    id: newChatId,
    type: "supergroup",
    title: old.chat.title,
    botStatus: old.botStatus,
    members: Object.fromEntries(old.members),
  });
  old.migratedTo = newChatId;
  const date = unixTime(core);
  const oldMsg = { message_id: old.nextMessageId++, date, chat: old.chat, from, migrate_to_chat_id: newChatId };
  const newMsg = { message_id: next.nextMessageId++, date, chat: next.chat, from, migrate_from_chat_id: chatId };
  for (const [rec, message] of [
    [old, oldMsg],
    [next, newMsg],
  ] as const) {
    rec.messages.set(message.message_id, message);
    core.store.record(rec.chat.id, { kind: "message", at: core.now(), direction: "user", message, delivered: true });
    enqueue(core, { update_id: core.updates.nextId(), message });
  }
  return newChatId;
}
