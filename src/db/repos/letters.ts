/**
 * Letters (model DossierDocument): the apology letters and explanation reports of a dossier, and
 * the registers their numbers come from (DocumentCounter). A document belongs to its dossier by
 * `dossierId`: codes are unique per unit only. Returns plain records, never Prisma models.
 */
import type { Db } from "../types.js";
import type { Tx } from "../transaction.js";
import { SLICE } from "./dossiers.js";

export interface DossierDocument {
  id: number;
  dossierId: number | null;
  dossierCode: string;
  kind: string;
  status: string;
  reason: string;
  newDueDate: string | null;
  originalDueDate: string | null;
  number: string | null;
  numberYear: number | null;
  createdBy: bigint;
  createdByName: string | null;
  createdChatId: bigint;
  approvedBy: bigint | null;
  approvedAt: Date | null;
  approverName: string | null;
  approverRole: string | null;
  returnReason: string | null;
  register: string | null;
  salutation: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type NewDraft = Pick<
  DossierDocument,
  | "dossierId"
  | "dossierCode"
  | "kind"
  | "reason"
  | "newDueDate"
  | "originalDueDate"
  | "salutation"
  | "createdBy"
  | "createdByName"
  | "createdChatId"
  | "createdAt"
>;

/** Who decided, as recorded on every document decided. */
export type Decision = { by: bigint; at: Date; name: string; role: string };

/** The documents of one dossier, oldest first; only those in `status` when given. */
export function documentsOfDossier(db: Tx, dossierId: number, status?: string): Promise<DossierDocument[]> {
  return db.dossierDocument.findMany({ where: { dossierId, ...(status ? { status } : {}) }, orderBy: { id: "asc" } });
}

/** The documents of dossiers `ids`, in slices. */
export async function documentsOfDossiers(db: Tx, ids: readonly number[]): Promise<DossierDocument[]> {
  const out: DossierDocument[] = [];
  for (let i = 0; i < ids.length; i += SLICE) {
    out.push(...(await db.dossierDocument.findMany({ where: { dossierId: { in: ids.slice(i, i + SLICE) } } })));
  }
  return out;
}

/** Issued apologies that re-appointed one of dossiers `ids`. */
export async function issuedReappointments(db: Tx, ids: readonly number[]): Promise<DossierDocument[]> {
  const out: DossierDocument[] = [];
  for (let i = 0; i < ids.length; i += SLICE) {
    out.push(
      ...(await db.dossierDocument.findMany({
        where: {
          dossierId: { in: ids.slice(i, i + SLICE) },
          kind: "apology",
          status: "issued",
          newDueDate: { not: null },
        },
      })),
    );
  }
  return out;
}

/** Dossiers re-appointed by an issued apology to a date on or before `dueBy`. */
export async function reappointedDossierIds(db: Tx, dueBy: string): Promise<number[]> {
  const rows = await db.dossierDocument.findMany({
    where: { kind: "apology", status: "issued", newDueDate: { not: null, lte: dueBy } },
    select: { dossierId: true },
  });
  return [...new Set(rows.flatMap((r) => r.dossierId ?? []))];
}

/** Dossiers (among `ids`, all when absent) with an apology in one of `statuses`. */
export async function dossiersWithApology(
  db: Tx,
  statuses: readonly string[],
  ids?: readonly number[],
): Promise<Set<number>> {
  const rows = await db.dossierDocument.findMany({
    where: { kind: "apology", status: { in: [...statuses] }, ...(ids ? { dossierId: { in: [...ids] } } : {}) },
    select: { dossierId: true },
  });
  return new Set(rows.flatMap((r) => r.dossierId ?? []));
}

export function issuedApologies(db: Tx): Promise<DossierDocument[]> {
  return db.dossierDocument.findMany({ where: { kind: "apology", status: "issued" } });
}

export function countDocuments(db: Tx, dossierId: number, status: string): Promise<number> {
  return db.dossierDocument.count({ where: { dossierId, status } });
}

/** The status and approval time of documents `ids` (the retention sweep's question). */
export function documentStates(
  db: Tx,
  ids: readonly number[],
): Promise<Pick<DossierDocument, "id" | "status" | "approvedAt">[]> {
  return db.dossierDocument.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, status: true, approvedAt: true },
  });
}

/** Drafts of a dossier that never reached a head give way to new ones. */
export async function supersedeDrafts(db: Tx, dossierId: number): Promise<void> {
  await db.dossierDocument.updateMany({ where: { dossierId, status: "draft" }, data: { status: "superseded" } });
}

/** All drafts or none. */
export function createDrafts(db: Db, drafts: readonly NewDraft[]): Promise<DossierDocument[]> {
  return db.$transaction(drafts.map((d) => db.dossierDocument.create({ data: { ...d, status: "draft" } })));
}

/** Moves those of `ids` still in `from` to `to`; returns how many (a claim: two callers move each once). */
export async function moveDocuments(db: Tx, ids: readonly number[], from: string, to: string): Promise<number> {
  const r = await db.dossierDocument.updateMany({
    where: { id: { in: [...ids] }, status: from },
    data: { status: to },
  });
  return r.count;
}

/**
 * Decides on pending documents `ids` (issued or returned), never one `decision.by` drafted;
 * returns how many were still pending.
 */
export async function decideDocuments(
  db: Tx,
  ids: readonly number[],
  outcome: "issued" | "returned",
  decision: Decision,
  returnReason?: string,
): Promise<number> {
  const r = await db.dossierDocument.updateMany({
    where: { id: { in: [...ids] }, status: "pending", createdBy: { not: decision.by } },
    data: {
      status: outcome,
      approvedBy: decision.by,
      approvedAt: decision.at,
      approverName: decision.name,
      approverRole: decision.role,
      ...(returnReason === undefined ? {} : { returnReason }),
    },
  });
  return r.count;
}

export function setDocumentNumber(
  db: Tx,
  id: number,
  n: { number: string; numberYear: number; register: string },
): Promise<DossierDocument> {
  return db.dossierDocument.update({ where: { id }, data: n });
}

/**
 * Links documents written while dossier codes were unique across units to their dossier. Then a
 * code named one dossier, the one holding it now with the lowest id (dossiers are never deleted,
 * and a same code in another unit can only have been stored later). Runs at every opening: it
 * touches only rows still unlinked, so after the first opening it changes nothing.
 */
export async function linkLegacyDocuments(db: Db): Promise<number> {
  return db.$executeRaw`UPDATE "DossierDocument" SET "dossierId" = (
    SELECT MIN("Dossier"."id") FROM "Dossier" WHERE "Dossier"."code" = "DossierDocument"."dossierCode"
  ) WHERE "dossierId" IS NULL`;
}
