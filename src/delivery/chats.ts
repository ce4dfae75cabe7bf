/**
 * What a send teaches us about a chat (docs/SCHEDULES.md): a 403 means the bot is out of it; a
 * 400 with migrate_to_chat_id means the group became a supergroup under a new id.
 */
import type { Db } from "../db/client.js";

/**
 * Marks the chat inactive. True only for the call that flipped it (active → inactive), so two
 * instances or two failing messages raise one admin alert per chat, not one per message.
 * Chats the bot never registered (no Chat row) count as flipped: there is nothing to de-dup on.
 */
export async function deactivateChat(prisma: Db, chatId: bigint): Promise<boolean> {
  const r = await prisma.chat.updateMany({ where: { chatId, active: true }, data: { active: false } });
  if (r.count === 1) return true;
  return (await prisma.chat.count({ where: { chatId } })) === 0;
}

export interface RebindResult {
  /** Outbox rows (pending or being sent) moved to the new id. */
  movedMessages: number;
  /** "renamed": the Chat row now has the new id; "merged": a row for the new id already existed. */
  chat: "renamed" | "merged" | "none";
}

/**
 * Moves everything bound to `from` to `to`. If the bot already knows the new supergroup (it
 * saw an update from it first), that row takes over the old one's binding when it has none,
 * and the old row is deactivated — Chat.chatId is unique, so it cannot simply be renamed.
 */
export async function rebindChat(prisma: Db, from: bigint, to: bigint): Promise<RebindResult> {
  return prisma.$transaction(async (tx) => {
    const moved = await tx.outboxMessage.updateMany({
      where: { chatId: from, status: { in: ["pending", "sending"] } },
      data: { chatId: to },
    });
    const old = await tx.chat.findUnique({ where: { chatId: from } });
    if (!old) return { movedMessages: moved.count, chat: "none" };
    const existing = await tx.chat.findUnique({ where: { chatId: to } });
    if (!existing) {
      await tx.chat.update({ where: { chatId: from }, data: { chatId: to, type: "supergroup" } });
      return { movedMessages: moved.count, chat: "renamed" };
    }
    if (existing.kind === "unknown") {
      await tx.chat.update({
        where: { chatId: to },
        data: { kind: old.kind, unitCode: old.unitCode, title: existing.title ?? old.title, active: true },
      });
    }
    await tx.chat.update({ where: { chatId: from }, data: { active: false } });
    return { movedMessages: moved.count, chat: "merged" };
  });
}
