/**
 * Held uploads (PendingUpload): rows parsed from a file, or a directive text, kept until someone
 * presses the button under the preview. A row moves pending → saving → saved | cancelled, and
 * back to pending if saving failed; a saved one may move saved → undoing → undone (its "↩️ Hoàn
 * tác"); each move is a conditional update so two presses (or two
 * people) can never both win.
 */
import type { Db } from "../client.js";

export type PendingUploadRecord = {
  id: number;
  chatId: bigint;
  userId: bigint;
  kind: string;
  /** JSON the service wrote; it parses it back with its own schema. */
  payload: string;
  status: string;
  createdAt: Date;
  expiresAt: Date;
};

export type NewPendingUpload = Omit<PendingUploadRecord, "id" | "status">;

function toRecord(r: PendingUploadRecord): PendingUploadRecord {
  return {
    id: r.id,
    chatId: r.chatId,
    userId: r.userId,
    kind: r.kind,
    payload: r.payload,
    status: r.status,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
  };
}

/** Drops what expired before `now` (of any kind), then holds the new row as "pending". */
export async function holdUpload(prisma: Db, row: NewPendingUpload, now: Date): Promise<PendingUploadRecord> {
  await prisma.pendingUpload.deleteMany({ where: { expiresAt: { lt: now } } });
  return toRecord(await prisma.pendingUpload.create({ data: row }));
}

export async function findHeldUpload(prisma: Db, id: number): Promise<PendingUploadRecord | null> {
  const row = await prisma.pendingUpload.findUnique({ where: { id } });
  return row ? toRecord(row) : null;
}

/** pending (and not expired at `now`) → saving; the row as claimed, or null when someone else got it. */
export async function claimHeldUpload(prisma: Db, id: number, now: Date): Promise<PendingUploadRecord | null> {
  const claimed = await prisma.pendingUpload.updateMany({
    where: { id, status: "pending", expiresAt: { gt: now } },
    data: { status: "saving" },
  });
  if (claimed.count === 0) return null;
  return toRecord(await prisma.pendingUpload.findUniqueOrThrow({ where: { id } }));
}

/**
 * Ends a claim: "saved", "cancelled", "undone", or back to "pending" (or "saved") so the sender can
 * try again. `keepUntil` moves the row's expiry: a saved row is kept as long as its undo is offered.
 */
export async function settleHeldUpload(
  prisma: Db,
  id: number,
  status: "saved" | "cancelled" | "pending" | "undone",
  keepUntil?: Date,
): Promise<void> {
  await prisma.pendingUpload.update({
    where: { id },
    data: { status, ...(keepUntil ? { expiresAt: keepUntil } : {}) },
  });
}

/** saved → undoing; false when it was not "saved" (undone already, or another press got it). */
export async function claimSavedUpload(prisma: Db, id: number): Promise<boolean> {
  const claimed = await prisma.pendingUpload.updateMany({
    where: { id, status: "saved" },
    data: { status: "undoing" },
  });
  return claimed.count > 0;
}

/** pending → cancelled; the row as cancelled, or null when it was no longer pending. */
export async function cancelHeldUpload(prisma: Db, id: number): Promise<PendingUploadRecord | null> {
  const done = await prisma.pendingUpload.updateMany({
    where: { id, status: "pending" },
    data: { status: "cancelled" },
  });
  if (done.count === 0) return null;
  return toRecord(await prisma.pendingUpload.findUniqueOrThrow({ where: { id } }));
}
