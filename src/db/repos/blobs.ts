/**
 * Stored files (Blob) and what holds them: the rule of when one may go is in services/blobs.ts;
 * these are its reads and its delete. (Storing a blob belongs to delivery/outbox.ts storeBlob.)
 */
import type { Db } from "../client.js";

/** Task occurrences whose current evidence is `evidenceRef`. */
export async function countEvidenceHolders(prisma: Db, evidenceRef: string): Promise<number> {
  return prisma.taskOccurrence.count({ where: { evidenceFile: evidenceRef } });
}

/** Outbox rows whose payload contains `needle`, the rows in `exceptIds` left out. */
export async function countOutboxHolders(
  prisma: Db,
  needle: string,
  exceptIds: readonly number[] = [],
): Promise<number> {
  return prisma.outboxMessage.count({
    where: { payload: { contains: needle }, ...(exceptIds.length ? { id: { notIn: [...exceptIds] } } : {}) },
  });
}

/** True when a row was deleted. */
export async function deleteBlob(prisma: Db, id: number): Promise<boolean> {
  const r = await prisma.blob.deleteMany({ where: { id } });
  return r.count > 0;
}

/**
 * Size of one blob without reading it into memory: length() of the column (bytes for a SQLite
 * BLOB and a PostgreSQL bytea alike); 0 when there is none.
 */
export async function blobSize(prisma: Db, id: number): Promise<number> {
  const rows = await prisma.$queryRaw<
    { n: number | bigint | null }[]
  >`SELECT length("data") AS n FROM "Blob" WHERE "id" = ${id}`;
  return Number(rows[0]?.n ?? 0);
}
