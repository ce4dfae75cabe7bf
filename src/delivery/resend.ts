/**
 * The loss summary's resend buttons (expiry.ts): given-up rows back into the queue. "Useful"
 * skips a row when a newer message of its kind has reached the chat since — yesterday's
 * reminder after today's went out, last week's digest after this week's — because sending it
 * then only confuses; "all" sends every one (the administrator confirmed). Re-queued rows get a
 * fresh useful-until from the press, and keep their dedup key: they are the same messages.
 * Only rows given up for expiry are touched, and only while still failed, so a second press
 * (or a second administrator) re-queues nothing twice.
 */
import type { Db } from "../db/client.js";
import { EXPIRED_NOTE } from "./expiry.js";
import { usefulUntilFor } from "./useful.js";

export const RESENT_NOTE = "resent by an administrator";

export interface ResendRequest {
  first: number;
  last: number;
  all: boolean;
  now: Date;
}

export interface ResendResult {
  requeued: number;
  /** Left out because something newer of the same kind reached the chat ("useful" only). */
  superseded: number;
}

const keyOf = (chatId: bigint, kind: string): string => `${chatId}:${kind}`;

/** The rows a resend may touch: given up for expiry, still failed, within the summary's range. */
const givenUpIn = (first: number, last: number) => ({
  id: { gte: first, lte: last },
  status: "failed",
  lastError: { startsWith: EXPIRED_NOTE },
});

/** How many messages "all" would re-queue (the confirmation says it before the press). */
export async function countGivenUp(prisma: Db, first: number, last: number): Promise<number> {
  return prisma.outboxMessage.count({ where: givenUpIn(first, last) });
}

export async function resendGivenUp(prisma: Db, r: ResendRequest): Promise<ResendResult> {
  const rows = await prisma.outboxMessage.findMany({
    where: givenUpIn(r.first, r.last),
    select: { id: true, chatId: true, kind: true },
  });
  let keep = rows;
  if (!r.all && rows.length > 0) {
    const newest = new Map<string, number>();
    const sent = await prisma.outboxMessage.findMany({
      where: {
        status: "sent",
        id: { gt: r.first },
        chatId: { in: [...new Set(rows.map((x) => x.chatId))] },
        kind: { in: [...new Set(rows.map((x) => x.kind))] },
      },
      select: { id: true, chatId: true, kind: true },
    });
    for (const s of sent) newest.set(keyOf(s.chatId, s.kind), Math.max(s.id, newest.get(keyOf(s.chatId, s.kind)) ?? 0));
    keep = rows.filter((x) => (newest.get(keyOf(x.chatId, x.kind)) ?? 0) < x.id);
  }
  let requeued = 0;
  for (const kind of new Set(keep.map((x) => x.kind))) {
    const done = await prisma.outboxMessage.updateMany({
      where: { id: { in: keep.filter((x) => x.kind === kind).map((x) => x.id) }, status: "failed" },
      data: {
        status: "pending",
        attempts: 0,
        notBefore: new Date(0),
        usefulUntil: usefulUntilFor(kind, r.now),
        lastError: RESENT_NOTE,
        lockedBy: null,
        lockedUntil: null,
      },
    });
    requeued += done.count;
  }
  return { requeued, superseded: rows.length - keep.length };
}
