/**
 * The outbox (issue #4 §1): every push is a row first, sent later by the delivery worker.
 * A dedup key ("digest:2026-W47:chat:-100123") makes a second enqueue a no-op; the unique
 * index is the guarantee — we insert and treat the unique violation as "already there",
 * because check-then-insert races between two instances or two job runs.
 */
import { createHash } from "node:crypto";
import type { Db } from "../db/client.js";
import { isUniqueViolation } from "../db/errors.js";
import type { OutboxMessage } from "../db/generated/client.js";
import { blobIdsOf, parseRequest, type OutboxRequest } from "./payload.js";
import { usefulUntilFor } from "./useful.js";

export type EnqueueInput = OutboxRequest & {
  dedupKey: string;
  chatId: bigint;
  /** What the message is for (digest, reminder, admin_alert…): logged instead of the text. */
  kind: string;
  /** Not sent before this instant; default: as soon as the worker gets to it. */
  notBefore?: Date;
  /** The application clock's now (the sandbox's may not be the wall clock); default: the wall clock. */
  now?: Date;
  /** Default: by kind from the enqueue time or notBefore, whichever is later (useful.ts). */
  usefulUntil?: Date;
};

export interface EnqueueResult {
  message: OutboxMessage;
  /** False when a row with this dedupKey already existed (nothing was added). */
  created: boolean;
}

/**
 * "Send immediately" is stored as the epoch rather than the wall-clock now, so a row is due
 * under any clock — including the sandbox's manual clock, which may lag the real one.
 */
const IMMEDIATELY = new Date(0);

export class OutboxError extends Error {}

const laterOf = (a: Date, b: Date | undefined): Date => (b && b > a ? b : a);

export async function enqueue(prisma: Db, input: EnqueueInput): Promise<EnqueueResult> {
  const request = parseRequest(input.method, input.payload);
  const blobIds = blobIdsOf(request);
  if (blobIds.length > 0) {
    const found = await prisma.blob.count({ where: { id: { in: [...new Set(blobIds)] } } });
    if (found !== new Set(blobIds).size) throw new OutboxError(`outbox ${input.dedupKey}: blob không tồn tại`);
  }
  try {
    const message = await prisma.outboxMessage.create({
      data: {
        dedupKey: input.dedupKey,
        chatId: input.chatId,
        kind: input.kind,
        method: request.method,
        payload: JSON.stringify(request.payload),
        notBefore: input.notBefore ?? IMMEDIATELY,
        usefulUntil: input.usefulUntil ?? usefulUntilFor(input.kind, laterOf(input.now ?? new Date(), input.notBefore)),
      },
    });
    return { message, created: true };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const message = await prisma.outboxMessage.findUnique({ where: { dedupKey: input.dedupKey } });
    if (!message) throw err;
    return { message, created: false };
  }
}

export interface StoredBlob {
  id: number;
  sha256: string;
  /** Telegram's file_id once some message uploaded it (reused instead of re-uploading). */
  fileId: string | null;
}

/** Stores file bytes once per content (sha256); the same chart for 300 chats is one row. */
export async function storeBlob(prisma: Db, bytes: Uint8Array, mime: string, filename: string): Promise<StoredBlob> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const select = { id: true, sha256: true, fileId: true } as const;
  const existing = await prisma.blob.findUnique({ where: { sha256 }, select });
  if (existing) return existing;
  try {
    return await prisma.blob.create({ data: { sha256, mime, filename, data: Buffer.from(bytes) }, select });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const raced = await prisma.blob.findUnique({ where: { sha256 }, select });
    if (!raced) throw err;
    return raced;
  }
}
