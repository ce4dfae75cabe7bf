/**
 * Questions the bot asked with force-reply and still waits an answer to (PendingInput), found
 * again by the message id the answer replies to. Kept in the database so a restart forgets none.
 */
import type { Db } from "../client.js";

export type NewPrompt = {
  chatId: bigint;
  userId: bigint;
  kind: string;
  messageId: number;
  /** JSON the service wrote; it parses it back with its own schema. */
  data?: string;
  /** Left out: the database's clock. */
  createdAt?: Date;
  expiresAt: Date;
};

export type PromptRecord = { id: number; userId: bigint; data: string };

export async function recordPrompt(prisma: Db, p: NewPrompt): Promise<void> {
  await prisma.pendingInput.create({ data: p });
}

/** Forgets the prompts of `kind` that expired before `now`. */
export async function purgeExpiredPrompts(prisma: Db, kind: string, now: Date): Promise<void> {
  await prisma.pendingInput.deleteMany({ where: { kind, expiresAt: { lt: now } } });
}

/** The prompt of `kind` that `messageId` in `chatId` was, if it is still answerable at `now`. */
export async function findLivePrompt(prisma: Db, q: { chatId: bigint; messageId: number; kind: string; now: Date }): Promise<PromptRecord | null> {
  const row = await prisma.pendingInput.findFirst({
    where: { chatId: q.chatId, messageId: q.messageId, kind: q.kind, expiresAt: { gt: q.now } },
  });
  return row ? { id: row.id, userId: row.userId, data: row.data } : null;
}
