/**
 * The dossier features' questions waiting for a reply (model PendingInput), as plain rows: the
 * data stays the JSON text the caller wrote, parsed by the caller's own schema.
 */
import type { Tx } from "../transaction.js";

export interface PendingRow {
  id: number;
  kind: string;
  userId: bigint;
  data: string;
}

export type NewPending = {
  chatId: bigint; userId: bigint; messageId: number; kind: string; data: string; createdAt: Date; expiresAt: Date;
};

/** Asks: questions of `kinds` expired before `createdAt` are cleared first, then this one is stored. */
export async function storePending(db: Tx, kinds: readonly string[], row: NewPending): Promise<void> {
  await db.pendingInput.deleteMany({ where: { kind: { in: [...kinds] }, expiresAt: { lt: row.createdAt } } });
  await db.pendingInput.create({ data: row });
}

/** The live question of `kinds` that message `messageId` of `chatId` is. */
export function livePending(
  db: Tx, input: { chatId: bigint; messageId: number; kinds: readonly string[]; now: Date },
): Promise<PendingRow | null> {
  return db.pendingInput.findFirst({
    where: { chatId: input.chatId, messageId: input.messageId, kind: { in: [...input.kinds] }, expiresAt: { gt: input.now } },
    select: { id: true, kind: true, userId: true, data: true },
  });
}

/** Deletes the question; false when it was already gone (a double answer is harmless). */
export async function dropPending(db: Tx, id: number): Promise<boolean> {
  const r = await db.pendingInput.deleteMany({ where: { id } });
  return r.count > 0;
}
