/**
 * What the letter features read back from the outbox and the blob store (models OutboxMessage,
 * Blob): the approval requests as delivered, and the rows carrying letter files. Writing them
 * is delivery/'s and services/blobs.ts's.
 */
import type { Tx } from "../transaction.js";
import { SLICE } from "./dossiers.js";

export type SentRequest = { chatId: bigint; sentMessageId: number | null; payload: string };

/** Delivered messages of `kind` whose dedup key starts with one of `prefixes`. */
export function sentWithKeyPrefix(db: Tx, kind: string, prefixes: readonly string[]): Promise<SentRequest[]> {
  if (prefixes.length === 0) return Promise.resolve([]);
  return db.outboxMessage.findMany({
    where: {
      kind,
      status: "sent",
      sentMessageId: { not: null },
      OR: prefixes.map((p) => ({ dedupKey: { startsWith: p } })),
    },
    select: { chatId: true, sentMessageId: true, payload: true },
  });
}

export type CarrierRow = {
  id: number;
  kind: string;
  dedupKey: string;
  method: string;
  payload: string;
  status: string;
};

/** Every outbox row of `kinds`, whatever its status. */
export function outboxRowsOfKinds(db: Tx, kinds: readonly string[]): Promise<CarrierRow[]> {
  return db.outboxMessage.findMany({
    where: { kind: { in: [...kinds] } },
    select: { id: true, kind: true, dedupKey: true, method: true, payload: true, status: true },
  });
}

/** Which of these blobs are still stored, in slices. */
export async function storedBlobIds(db: Tx, ids: readonly number[]): Promise<Set<number>> {
  const out = new Set<number>();
  for (let i = 0; i < ids.length; i += SLICE) {
    const found = await db.blob.findMany({ where: { id: { in: ids.slice(i, i + SLICE) } }, select: { id: true } });
    for (const b of found) out.add(b.id);
  }
  return out;
}
