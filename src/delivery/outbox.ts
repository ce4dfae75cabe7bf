/**
 * The outbox (docs/SCHEDULES.md): every push is a row first, sent later by the delivery worker.
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

/** The row an input becomes, after checking its request and that its files are stored. */
async function rowOf(prisma: Db, input: EnqueueInput) {
  const request = parseRequest(input.method, input.payload);
  const blobIds = blobIdsOf(request);
  if (blobIds.length > 0) {
    const found = await prisma.blob.count({ where: { id: { in: [...new Set(blobIds)] } } });
    if (found !== new Set(blobIds).size) throw new OutboxError(`outbox ${input.dedupKey}: blob không tồn tại`);
  }
  return {
    dedupKey: input.dedupKey,
    chatId: input.chatId,
    kind: input.kind,
    method: request.method,
    payload: JSON.stringify(request.payload),
    notBefore: input.notBefore ?? IMMEDIATELY,
    usefulUntil: input.usefulUntil ?? usefulUntilFor(input.kind, laterOf(input.now ?? new Date(), input.notBefore)),
  };
}

export async function enqueue(prisma: Db, input: EnqueueInput): Promise<EnqueueResult> {
  const data = await rowOf(prisma, input);
  try {
    const message = await prisma.outboxMessage.create({ data });
    return { message, created: true };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const message = await prisma.outboxMessage.findUnique({ where: { dedupKey: input.dedupKey } });
    if (!message) throw err;
    return { message, created: false };
  }
}

/**
 * Rows that only make sense together — one chat's weekly digest with its album pieces — go in
 * one transaction: a process killed half-way leaves none of them, never a part that a re-run
 * (which skips chats whose digest keys exist) would take for the whole. Rows already there (a
 * re-run, another instance) are kept; returns how many were added.
 */
export async function enqueueAll(prisma: Db, inputs: readonly EnqueueInput[]): Promise<number> {
  const there = await prisma.outboxMessage.findMany({
    where: { dedupKey: { in: inputs.map((i) => i.dedupKey) } },
    select: { dedupKey: true },
  });
  const known = new Set(there.map((r) => r.dedupKey));
  const missing = inputs.filter((i) => !known.has(i.dedupKey));
  if (missing.length === 0) return 0;
  const rows = [];
  for (const input of missing) rows.push(await rowOf(prisma, input));
  try {
    await prisma.$transaction(rows.map((data) => prisma.outboxMessage.create({ data })));
    return rows.length;
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    // Another instance added some meanwhile: add the rest one by one, as enqueue always did.
    let created = 0;
    for (const input of missing) created += Number((await enqueue(prisma, input)).created);
    return created;
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
