/**
 * When a stored file (Blob) may be deleted, and its size. Blobs are content-addressed
 * (storeBlob: one row per sha256), so the same bytes may back a task's evidence and a letter
 * sent through the outbox at once: a blob is deleted only when nothing holds it any more.
 * Holders: a TaskOccurrence's current evidence ("blob:<id>") and an outbox row whose payload
 * names it (`{"blobId":<id>}`, delivery/payload.ts) — except the rows the caller is erasing.
 */
import { blobSize, countEvidenceHolders, countOutboxHolders, deleteBlob } from "../db/repos/blobs.js";
import type { AppDeps } from "./context.js";

type Db = AppDeps["prisma"];

export const evidenceRef = (blobId: number): string => `blob:${blobId}`;

/** "blob:12" → 12; anything else (an older format, garbage) → null. */
export function evidenceBlobId(ref: string | null): number | null {
  const m = ref ? /^blob:(\d{1,12})$/.exec(ref) : null;
  return m?.[1] ? Number(m[1]) : null;
}

/** The JSON the outbox stores for a file reference always closes right after the id. */
const payloadNeedle = (blobId: number): string => `"blobId":${blobId}}`;

export async function blobHeld(
  db: Db,
  blobId: number,
  except: { outboxIds?: readonly number[] } = {},
): Promise<boolean> {
  if ((await countEvidenceHolders(db, evidenceRef(blobId))) > 0) return true;
  return (await countOutboxHolders(db, payloadNeedle(blobId), except.outboxIds)) > 0;
}

/** Deletes the blob unless something still holds it; true when it is gone. */
export async function releaseBlob(
  db: Db,
  blobId: number,
  except: { outboxIds?: readonly number[] } = {},
): Promise<boolean> {
  if (await blobHeld(db, blobId, except)) return false;
  return deleteBlob(db, blobId);
}

/** Total bytes of these blobs. A unit has few evidence files, so one small query each keeps the SQL portable. */
export async function blobBytes(db: Db, blobIds: Iterable<number>): Promise<number> {
  let total = 0;
  for (const id of new Set(blobIds)) total += await blobSize(db, id);
  return total;
}
