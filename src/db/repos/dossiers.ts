/**
 * Dossiers (model Dossier): the one-stop exports' rows a unit uploaded, and the marks the office
 * set in the bot. A code names a dossier within its unit only (docs/DOSSIERS.md), so every
 * lookup by code says which units it searches. Returns plain records, never Prisma models.
 */
import type { Tx } from "../transaction.js";

/** What an upload writes: the export's own columns, never the office's marks. */
export interface DossierColumns {
  unitCode: string;
  procedure: string | null;
  status: string;
  applicantName: string | null;
  applicantTitle: string | null;
  officerName: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
}

/** A dossier row: the export's columns, plus its code and the moments the office recorded. */
export interface Dossier extends DossierColumns {
  id: number;
  code: string;
  promptedAt: Date | null;
  escalatedAt: Date | null;
  escalatedLeadersAt: Date | null;
  resultReturnedAt: Date | null;
  secondPromptedAt: Date | null;
  secondOverdueAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The moments the office records once: set only where still empty, so a re-run changes nothing. */
export type DossierMark =
  | "promptedAt"
  | "escalatedAt"
  | "escalatedLeadersAt"
  | "secondPromptedAt"
  | "secondOverdueAt"
  | "resultReturnedAt";

/** SQLite's parameter budget: lists of ids or codes go in slices of this size. */
export const SLICE = 500;

export function dossierById(db: Tx, id: number): Promise<Dossier | null> {
  return db.dossier.findUnique({ where: { id } });
}

/** The code of a dossier, "" when it is gone (a text then names no dossier rather than failing). */
export async function dossierCodeById(db: Tx, id: number): Promise<string> {
  return (await db.dossier.findUnique({ where: { id }, select: { code: true } }))?.code ?? "";
}

/** The dossiers holding `code` among `unitCodes`, oldest first. */
export function dossiersWithCode(db: Tx, code: string, unitCodes: readonly string[]): Promise<Dossier[]> {
  return db.dossier.findMany({ where: { code, unitCode: { in: [...unitCodes] } }, orderBy: { id: "asc" } });
}

/** Every unit's dossiers holding one of `codes` (at most SLICE): the caller matches them by unit. */
export function dossiersWithCodes(db: Tx, codes: readonly string[]): Promise<Dossier[]> {
  return db.dossier.findMany({ where: { code: { in: [...codes] } } });
}

export async function createDossier(db: Tx, code: string, data: DossierColumns): Promise<void> {
  await db.dossier.create({ data: { code, ...data } });
}

export async function updateDossier(db: Tx, id: number, data: DossierColumns): Promise<void> {
  await db.dossier.update({ where: { id }, data });
}

/** Sets `field` to `at` on those of `ids` where it is still empty; returns how many. */
export async function markDossiers(db: Tx, ids: readonly number[], field: DossierMark, at: Date): Promise<number> {
  const r = await db.dossier.updateMany({ where: { id: { in: [...ids] }, [field]: null }, data: { [field]: at } });
  return r.count;
}

/** Open: not finished, result not returned, status among `openStatuses`. */
export async function openDossiers(
  db: Tx,
  where: { unitCode?: string; dueBy?: string; ids?: readonly number[] },
  openStatuses: readonly string[],
): Promise<Dossier[]> {
  const base = {
    status: { in: [...openStatuses] },
    finishedAt: null,
    resultReturnedAt: null,
    ...(where.unitCode ? { unitCode: where.unitCode } : {}),
  };
  if (where.ids) {
    const out: Dossier[] = [];
    for (let i = 0; i < where.ids.length; i += SLICE) {
      out.push(...(await db.dossier.findMany({ where: { ...base, id: { in: where.ids.slice(i, i + SLICE) } } })));
    }
    return out;
  }
  return db.dossier.findMany({
    where: { ...base, dueAt: where.dueBy ? { not: null, lte: where.dueBy } : { not: null } },
  });
}

/** Due between `from` and `to` (ISO text), or one of `ids`; within `unitCodes` when given. */
export function dossiersDueBetween(
  db: Tx,
  input: { from: string; to: string; ids: readonly number[]; unitCodes: readonly string[] | null },
): Promise<Dossier[]> {
  return db.dossier.findMany({
    where: {
      OR: [{ dueAt: { gte: input.from, lte: input.to } }, { id: { in: [...input.ids] } }],
      ...(input.unitCodes ? { unitCode: { in: [...input.unitCodes] } } : {}),
    },
  });
}

/**
 * Drops the applicant's name (and title) of closed dossiers — among `ids`, or all but `except`
 * — re-checking "closed" in the UPDATE itself, so a dossier an upload reopened meanwhile keeps
 * its name. Closed: a status in `closedStatuses`, finished, or its result returned.
 */
export async function forgetApplicantNames(
  db: Tx,
  target: { ids: readonly number[] } | { except: readonly number[] },
  closedStatuses: readonly string[],
): Promise<number> {
  const id = "ids" in target ? { in: [...target.ids] } : { notIn: [...target.except] };
  const r = await db.dossier.updateMany({
    where: {
      applicantName: { not: null },
      id,
      OR: [{ status: { in: [...closedStatuses] } }, { finishedAt: { not: null } }, { resultReturnedAt: { not: null } }],
    },
    data: { applicantName: null, applicantTitle: null },
  });
  return r.count;
}
