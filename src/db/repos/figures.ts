/**
 * Figures with their full history: a correction replaces the current value but the revision
 * log keeps who, when, from which chat, old and new values (docs/UPLOADS.md).
 */
import type { Db } from "../client.js";
import { sqliteHandle } from "../sqliteShared.js";
import type { FigureKey, FigureRecord, FigureValue, Provenance } from "./figureTypes.js";
import { writeFiguresSqlite } from "./figuresSqlite.js";

export type { FigureKey, FigureRecord, FigureValue, Provenance } from "./figureTypes.js";
export {
  undoRevision,
  undoUploadRevisions,
  uploadSavedAt,
  type UndoOutcome,
  type UploadUndoOutcome,
} from "./figureUndo.js";

export async function figuresForPeriod(prisma: Db, period: string, indicatorCode?: string): Promise<FigureRecord[]> {
  const rows = await prisma.figure.findMany({ where: { period, ...(indicatorCode ? { indicatorCode } : {}) } });
  return rows.map((r) => ({
    unitCode: r.unitCode,
    indicatorCode: r.indicatorCode,
    period: r.period,
    numerator: r.numerator,
    denominator: r.denominator,
    reportedBy: r.reportedBy,
    updatedAt: r.updatedAt,
  }));
}

/** A report in the revision log: a create or update. */
export type ReportRecord = { unitCode: string; indicatorCode: string; createdAt: Date };

/** Reports of `periods` made at or before `before`, undone ones left out. */
export async function reportsUpTo(prisma: Db, periods: readonly string[], before: Date): Promise<ReportRecord[]> {
  return prisma.figureRevision.findMany({
    where: {
      period: { in: [...periods] },
      action: { in: ["create", "update"] },
      undone: false,
      createdAt: { lte: before },
    },
    select: { unitCode: true, indicatorCode: true, createdAt: true },
  });
}

/** The value a revision left behind: null when it removed the figure (an undo of a first report). */
export type RevisionValue = { unitCode: string; indicatorCode: string; value: FigureValue | null };

/** Every revision of `period` made at or before `at`, oldest first (ties in id order). */
export async function revisionsUpTo(
  prisma: Db,
  period: string,
  at: Date,
  indicatorCode?: string,
): Promise<RevisionValue[]> {
  const rows = await prisma.figureRevision.findMany({
    where: { period, createdAt: { lte: at }, ...(indicatorCode ? { indicatorCode } : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { unitCode: true, indicatorCode: true, newNumerator: true, newDenominator: true },
  });
  return rows.map((r) => ({
    unitCode: r.unitCode,
    indicatorCode: r.indicatorCode,
    value:
      r.newNumerator !== null && r.newDenominator !== null
        ? { numerator: r.newNumerator, denominator: r.newDenominator }
        : null,
  }));
}

/** Writes figures and their revisions in one transaction; returns the revision ids in order. */
export async function writeFigures(
  prisma: Db,
  items: readonly (FigureKey & FigureValue)[],
  prov: Provenance,
): Promise<{ revisionId: number; previous: FigureValue | null }[]> {
  const raw = sqliteHandle(prisma);
  if (raw) return writeFiguresSqlite(raw, items, prov);
  return prisma.$transaction(async (tx) => {
    const out: { revisionId: number; previous: FigureValue | null }[] = [];
    for (const it of items) {
      const key = { unitCode: it.unitCode, indicatorCode: it.indicatorCode, period: it.period };
      const old = await tx.figure.findUnique({ where: { unitCode_indicatorCode_period: key } });
      await tx.figure.upsert({
        where: { unitCode_indicatorCode_period: key },
        create: {
          ...key,
          numerator: it.numerator,
          denominator: it.denominator,
          reportedBy: prov.byUser,
          chatId: prov.chatId,
          source: prov.source,
        },
        update: {
          numerator: it.numerator,
          denominator: it.denominator,
          reportedBy: prov.byUser,
          chatId: prov.chatId,
          source: prov.source,
        },
      });
      const rev = await tx.figureRevision.create({
        data: {
          ...key,
          action: old ? "update" : "create",
          oldNumerator: old?.numerator ?? null,
          oldDenominator: old?.denominator ?? null,
          newNumerator: it.numerator,
          newDenominator: it.denominator,
          byUser: prov.byUser,
          chatId: prov.chatId,
          source: prov.source,
          createdAt: prov.at,
          uploadId: prov.uploadId ?? null,
        },
      });
      out.push({
        revisionId: rev.id,
        previous: old ? { numerator: old.numerator, denominator: old.denominator } : null,
      });
    }
    return out;
  });
}
