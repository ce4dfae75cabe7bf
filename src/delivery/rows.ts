/**
 * The outbox rows' state machine in SQL (docs/SCHEDULES.md):
 *   pending ─claim→ sending (leased) ─markSent→ sent
 *                      ├─ release / deferChat → pending (429, backoff, pacing, stop)
 *                      └─ markFinal → failed | dropped
 *   pending past usefulUntil ─giveUpExpired→ failed ("expired: …") ─resend→ pending
 * The lease (`lockedBy`, `lockedUntil`) is the lock: a row whose lease expired — its worker
 * crashed or hung — is claimable again. If it was still "sending", the claim notes
 * RECLAIMED_NOTE in lastError: the dead worker may have sent it after Telegram accepted it
 * and before markSent, so this send may be a duplicate. One write per message on the happy
 * path (markSent) — the claim does the rest for a whole batch.
 */
import type { Db } from "../db/client.js";
import { Prisma, type OutboxMessage } from "../db/generated/client.js";

export type Dialect = "sqlite" | "postgresql";

export const RECLAIMED_NOTE = "lease expired while sending: may have been sent already";

export interface ClaimOptions {
  instanceId: string;
  now: Date;
  leaseMs: number;
  limit: number;
  /** Chats paced or paused in this process: leave their rows for later or for another instance. */
  excludeChatIds: bigint[];
  dialect: Dialect;
}

/**
 * One statement claims a batch atomically. SQLite takes the write lock for the whole UPDATE,
 * so two processes never select the same row; PostgreSQL gets `FOR UPDATE SKIP LOCKED` so
 * concurrent claimers skip each other's rows instead of waiting. Rows of chats marked inactive
 * are never claimed, whoever marked them and whenever: `dropForInactiveChats` only has to
 * close their books, so it need not run before every claim. Nor are rows past their
 * usefulUntil: `giveUpExpired` (expiry.ts) closes those.
 */
export async function claimDue(prisma: Db, o: ClaimOptions): Promise<OutboxMessage[]> {
  const until = new Date(o.now.getTime() + o.leaseMs);
  const exclude = o.excludeChatIds.length
    ? Prisma.sql`AND "chatId" NOT IN (${Prisma.join(o.excludeChatIds)})`
    : Prisma.empty;
  const skipLocked = o.dialect === "postgresql" ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
  const claimed = await prisma.$queryRaw<{ id: number }[]>`
    UPDATE "OutboxMessage" SET "lockedBy" = ${o.instanceId}, "lockedUntil" = ${until}, "updatedAt" = ${o.now},
      "lastError" = CASE WHEN "status" = 'sending' THEN ${RECLAIMED_NOTE} ELSE "lastError" END, "status" = 'sending'
    WHERE "id" IN (
      SELECT "id" FROM "OutboxMessage"
      WHERE "status" IN ('pending', 'sending') AND "notBefore" <= ${o.now}
        AND ("usefulUntil" IS NULL OR "usefulUntil" > ${o.now})
        AND ("lockedUntil" IS NULL OR "lockedUntil" < ${o.now}) ${exclude}
        AND "chatId" NOT IN (SELECT "chatId" FROM "Chat" WHERE "active" = ${false})
      ORDER BY "id" LIMIT ${o.limit} ${skipLocked}
    ) RETURNING "id"`;
  if (claimed.length === 0) return [];
  return prisma.outboxMessage.findMany({
    where: { id: { in: claimed.map((r) => r.id) }, lockedBy: o.instanceId },
    orderBy: { id: "asc" },
  });
}

/** Rows nobody holds that are due by `by` (now, or when this worker's holds end). */
export async function countClaimable(prisma: Db, now: Date, by: Date): Promise<number> {
  return prisma.outboxMessage.count({
    where: {
      status: { in: ["pending", "sending"] },
      notBefore: { lte: by },
      AND: [
        { OR: [{ usefulUntil: null }, { usefulUntil: { gt: now } }] },
        { OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
      ],
    },
  });
}

/** Rows waiting for chats marked inactive (bot kicked, blocked…) are dropped, not sent. */
export async function dropForInactiveChats(prisma: Db, now: Date): Promise<number> {
  return prisma.$executeRaw`
    UPDATE "OutboxMessage" SET "status" = 'dropped', "lastError" = 'chat inactive',
      "lockedBy" = NULL, "lockedUntil" = NULL, "updatedAt" = ${now}
    WHERE "status" IN ('pending', 'sending') AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
      AND "chatId" IN (SELECT "chatId" FROM "Chat" WHERE "active" = ${false})`;
}

/**
 * For a row held long enough that its lease may have run out (a long 429 pause): proves we
 * still hold it — nobody reclaimed it meanwhile — and renews it. False → do not send.
 */
export async function renewLease(
  prisma: Db,
  id: number,
  instanceId: string,
  now: Date,
  leaseMs: number,
): Promise<boolean> {
  const r = await prisma.outboxMessage.updateMany({
    where: { id, lockedBy: instanceId, status: "sending" },
    data: { lockedUntil: new Date(now.getTime() + leaseMs) },
  });
  return r.count === 1;
}

/**
 * Unconditional: the message is in the chat, whatever happened to our lease meanwhile.
 * lastError stays as history (a 502 that was retried, a reclaim). Raw SQL because this is the
 * one write per message of a fan-out: it skips Prisma's query compiler (≈ half the time).
 */
export async function markSent(prisma: Db, id: number, messageId: number, now: Date): Promise<void> {
  await prisma.$executeRaw`
    UPDATE "OutboxMessage" SET "status" = 'sent', "sentMessageId" = ${messageId}, "sentAt" = ${now},
      "lockedBy" = NULL, "lockedUntil" = NULL, "updatedAt" = ${now}
    WHERE "id" = ${id}`;
}

export interface ReleaseChange {
  attempts?: number;
  lastError?: string;
  notBefore?: Date;
}

/** Gives the row back to the queue (still pending) — for a retry, a pause, or pacing. */
export async function release(prisma: Db, id: number, instanceId: string, change: ReleaseChange = {}): Promise<void> {
  await prisma.outboxMessage.updateMany({
    where: { id, lockedBy: instanceId },
    data: { status: "pending", lockedBy: null, lockedUntil: null, ...change },
  });
}

/** Gives this worker's claims back to the queue, due at once (stop, a bot-wide pause). */
export async function releaseClaims(prisma: Db, ids: number[], instanceId: string): Promise<void> {
  if (ids.length === 0) return;
  await prisma.outboxMessage.updateMany({
    where: { id: { in: ids }, lockedBy: instanceId },
    data: { status: "pending", lockedBy: null, lockedUntil: null },
  });
}

export interface DeferChat {
  chatId: bigint;
  /** This worker's claims to give back (a migrated lane's rows may already carry a new chatId). */
  ids: number[];
  instanceId: string;
  /** When the chat may send again, by the clock the claim compares notBefore with. */
  until: Date;
}

/**
 * A chat that cannot send until `until` (429 retry_after, retry backoff, its minute allowance
 * spent): our claims go back, and every pending row of the chat due sooner is pushed to
 * `until` as well, so no instance claims them meanwhile — the database, not one process's
 * memory, holds the pause. Rows leased by others are left alone; notBefore only ever moves later.
 */
export async function deferChat(prisma: Db, o: DeferChat): Promise<number> {
  const r = await prisma.outboxMessage.updateMany({
    where: {
      OR: [
        ...(o.ids.length > 0 ? [{ id: { in: o.ids }, lockedBy: o.instanceId }] : []),
        { chatId: o.chatId, status: "pending", notBefore: { lt: o.until } },
      ],
    },
    data: { status: "pending", lockedBy: null, lockedUntil: null, notBefore: o.until },
  });
  return r.count;
}

export async function markFinal(
  prisma: Db,
  id: number,
  status: "failed" | "dropped",
  lastError: string,
  attempts?: number,
): Promise<void> {
  await prisma.outboxMessage.updateMany({
    where: { id },
    data: { status, lastError, lockedBy: null, lockedUntil: null, ...(attempts === undefined ? {} : { attempts }) },
  });
}

/** 403: every other message waiting for that chat is dropped too (docs/SCHEDULES.md). */
export async function dropPendingForChat(prisma: Db, chatId: bigint, reason: string): Promise<number> {
  const r = await prisma.outboxMessage.updateMany({
    where: { chatId, status: { in: ["pending", "sending"] } },
    data: { status: "dropped", lastError: reason, lockedBy: null, lockedUntil: null },
  });
  return r.count;
}
