/**
 * Task occurrences (TaskOccurrence): one row per directive × task × occurrence × lead unit,
 * created open when a reminder needs an id for its button, marked done by `/xong` or the
 * button, and carrying the evidence (a note, one current file) of that mark.
 */
import type { Db } from "../client.js";

export type OccurrenceKey = { directiveSlug: string; taskCode: string; occurrence: string; unitCode: string };

export type OccurrenceRecord = OccurrenceKey & {
  id: number;
  dueDate: string;
  doneAt: Date | null;
  doneBy: bigint | null;
  doneUnitCode: string | null;
  note: string | null;
  /** "blob:<id>" (services/blobs.ts), or null. */
  evidenceFile: string | null;
};

export type DoneRecord = OccurrenceKey & { doneAt: Date; note: string | null };
export type DoneFields = { doneAt: Date; doneBy: bigint | null; doneUnitCode: string };

function toRecord(r: OccurrenceRecord): OccurrenceRecord {
  return {
    id: r.id,
    directiveSlug: r.directiveSlug,
    taskCode: r.taskCode,
    occurrence: r.occurrence,
    unitCode: r.unitCode,
    dueDate: r.dueDate,
    doneAt: r.doneAt,
    doneBy: r.doneBy,
    doneUnitCode: r.doneUnitCode,
    note: r.note,
    evidenceFile: r.evidenceFile,
  };
}

export async function listDoneOccurrences(prisma: Db): Promise<DoneRecord[]> {
  const rows = await prisma.taskOccurrence.findMany({ where: { doneAt: { not: null } } });
  return rows.flatMap((r) =>
    r.doneAt
      ? [
          {
            directiveSlug: r.directiveSlug,
            taskCode: r.taskCode,
            occurrence: r.occurrence,
            unitCode: r.unitCode,
            doneAt: r.doneAt,
            note: r.note,
          },
        ]
      : [],
  );
}

/** The row's id, the row created open (due `dueDate`) if missing. */
export async function ensureOccurrence(prisma: Db, key: OccurrenceKey, dueDate: string): Promise<number> {
  const row = await prisma.taskOccurrence.upsert({
    where: { directiveSlug_taskCode_occurrence_unitCode: key },
    create: { ...key, dueDate },
    update: {},
    select: { id: true },
  });
  return row.id;
}

/** Marks the occurrence done (created if missing) with `note` replacing the old one; the row's id. */
export async function markOccurrenceDone(
  prisma: Db,
  key: OccurrenceKey,
  dueDate: string,
  done: DoneFields & { note: string | null },
): Promise<number> {
  const row = await prisma.taskOccurrence.upsert({
    where: { directiveSlug_taskCode_occurrence_unitCode: key },
    create: { ...key, dueDate, ...done },
    update: done,
    select: { id: true },
  });
  return row.id;
}

export async function findOccurrence(prisma: Db, id: number): Promise<OccurrenceRecord | null> {
  const row = await prisma.taskOccurrence.findUnique({ where: { id } });
  return row ? toRecord(row) : null;
}

/** Marks a known row done, its note kept. */
export async function setOccurrenceDone(prisma: Db, id: number, done: DoneFields): Promise<void> {
  await prisma.taskOccurrence.update({ where: { id }, data: done });
}

/** Replaces the evidence the row carries: its whole note, and its file when one is given. */
export async function setOccurrenceEvidence(
  prisma: Db,
  id: number,
  e: { note: string | null; evidenceFile?: string },
): Promise<void> {
  await prisma.taskOccurrence.update({ where: { id }, data: e });
}

/** The evidence file references of one unit's rows, `exceptId` left out. */
export async function unitEvidenceFiles(prisma: Db, unitCode: string, exceptId: number): Promise<string[]> {
  const rows = await prisma.taskOccurrence.findMany({
    where: { unitCode, evidenceFile: { not: null }, id: { not: exceptId } },
    select: { evidenceFile: true },
  });
  return rows.flatMap((r) => (r.evidenceFile === null ? [] : [r.evidenceFile]));
}
