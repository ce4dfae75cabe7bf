/**
 * Questions the bot asked with force-reply and still waits an answer to (PendingInput), found
 * again by the message id the answer replies to. Kept in the database so a restart forgets none.
 * The one store for every feature's questions (uploads, task evidence, dossiers): `kind` says whose
 * question it is, `data` is the JSON the feature wrote and parses back with its own schema.
 */
import type { Tx } from "../transaction.js";

export type NewPrompt = {
  chatId: bigint;
  userId: bigint;
  kind: string;
  /** Left out: a question answered by buttons first (its reply message comes later). */
  messageId?: number;
  /** JSON the service wrote; it parses it back with its own schema. */
  data?: string;
  /** Left out: the database's clock. */
  createdAt?: Date;
  expiresAt: Date;
};

export type PromptRecord = { id: number; kind: string; userId: bigint; data: string };

/** One kind or several (a feature asking several kinds of question looks them up together). */
type Kinds = string | readonly string[];
const kindFilter = (k: Kinds) => (typeof k === "string" ? k : { in: [...k] });

/** The new prompt's id: a button under a question carries it (the guided `/nop`). */
export async function recordPrompt(db: Tx, p: NewPrompt): Promise<{ id: number }> {
  return db.pendingInput.create({ data: p, select: { id: true } });
}

/**
 * A prompt found by its id, as a button carries it: only in `chatId` (a press in another chat
 * finds nothing) and only while it is answerable at `now`.
 */
export async function findPromptById(
  db: Tx,
  q: { id: number; chatId: bigint; kind: Kinds; now: Date },
): Promise<(PromptRecord & { messageId: number | null }) | null> {
  return db.pendingInput.findFirst({
    where: { id: q.id, chatId: q.chatId, kind: kindFilter(q.kind), expiresAt: { gt: q.now } },
    select: { id: true, kind: true, userId: true, data: true, messageId: true },
  });
}

/** A question that moved on: its new state, and the message its answer now replies to. */
export async function updatePrompt(db: Tx, id: number, p: { data: string; messageId?: number }): Promise<boolean> {
  const r = await db.pendingInput.updateMany({ where: { id }, data: p });
  return r.count > 0;
}

/** Forgets the prompts of `kind` that expired before `now`. */
export async function purgeExpiredPrompts(db: Tx, kind: Kinds, now: Date): Promise<void> {
  await db.pendingInput.deleteMany({ where: { kind: kindFilter(kind), expiresAt: { lt: now } } });
}

/** The prompt of `kind` that `messageId` in `chatId` was, if it is still answerable at `now`. */
export async function findLivePrompt(
  db: Tx,
  q: { chatId: bigint; messageId: number; kind: Kinds; now: Date },
): Promise<PromptRecord | null> {
  return db.pendingInput.findFirst({
    where: { chatId: q.chatId, messageId: q.messageId, kind: kindFilter(q.kind), expiresAt: { gt: q.now } },
    select: { id: true, kind: true, userId: true, data: true },
  });
}

/** Deletes an answered prompt; false when it was already gone (a double answer is harmless). */
export async function dropPrompt(db: Tx, id: number): Promise<boolean> {
  const r = await db.pendingInput.deleteMany({ where: { id } });
  return r.count > 0;
}
