/**
 * Undoing reports: one `/nop` answer (its revision) or everything one "Lưu N dòng" press of a held
 * upload wrote (the revisions carrying its `uploadId`). Both revert a revision the same way:
 * restore the old value (or remove a figure the revision created) and log the undo as a revision
 * of its own, so the history keeps the report and its undo.
 */
import { withTransaction, type Tx } from "../transaction.js";
import type { Db } from "../client.js";
import type { FigureKey, FigureValue, Provenance } from "./figureTypes.js";

export type UndoOutcome =
  | { ok: true; key: FigureKey; restored: FigureValue | null }
  | { ok: false; reason: "not-found" | "not-a-report" | "already-undone" | "expired" | "superseded" };

/** The revisions a report writes; an "undo" revision is not one, and is never undone itself. */
const UNDOABLE_ACTIONS: readonly string[] = ["create", "update"];

type RevisionRow = {
  id: number;
  unitCode: string;
  indicatorCode: string;
  period: string;
  oldNumerator: number | null;
  oldDenominator: number | null;
  newNumerator: number | null;
  newDenominator: number | null;
};

const keyOf = (rev: RevisionRow): FigureKey => ({
  unitCode: rev.unitCode,
  indicatorCode: rev.indicatorCode,
  period: rev.period,
});

/**
 * A later change of the same figure wins: undoing an older revision then would silently drop it.
 * (Ids, not times: two revisions in the same millisecond still have an order.)
 */
async function isSuperseded(tx: Tx, rev: RevisionRow): Promise<boolean> {
  return (await tx.figureRevision.count({ where: { ...keyOf(rev), id: { gt: rev.id } } })) > 0;
}

/**
 * Reverts `rev` unless it is already undone: the flag is claimed by a conditional update, so two
 * presses at once revert it once. Returns the value restored (null: the figure was removed), or
 * undefined when someone else had already undone it.
 */
async function revert(tx: Tx, rev: RevisionRow, prov: Provenance): Promise<FigureValue | null | undefined> {
  const claimed = await tx.figureRevision.updateMany({ where: { id: rev.id, undone: false }, data: { undone: true } });
  if (claimed.count === 0) return undefined;
  const key = keyOf(rev);
  const restored =
    rev.oldNumerator !== null && rev.oldDenominator !== null
      ? { numerator: rev.oldNumerator, denominator: rev.oldDenominator }
      : null;
  if (restored) await tx.figure.update({ where: { unitCode_indicatorCode_period: key }, data: restored });
  else await tx.figure.deleteMany({ where: key });
  await tx.figureRevision.create({
    data: {
      ...key,
      action: "undo",
      oldNumerator: rev.newNumerator,
      oldDenominator: rev.newDenominator,
      newNumerator: restored?.numerator ?? null,
      newDenominator: restored?.denominator ?? null,
      byUser: prov.byUser,
      chatId: prov.chatId,
      source: prov.source,
      createdAt: prov.at,
    },
  });
  return restored;
}

/**
 * Undoes one revision of `unitCode`'s figures within `windowMs`. A later change of the same figure
 * makes it "superseded". Undoing an undo would be a "redo" no one asked for (or, after a first
 * report, an update of a figure that no longer exists): refused too.
 */
export async function undoRevision(
  prisma: Db,
  revision: { id: number; unitCode: string },
  now: Date,
  windowMs: number,
  prov: Provenance,
): Promise<UndoOutcome> {
  return prisma.$transaction(async (tx) => {
    const rev = await tx.figureRevision.findUnique({ where: { id: revision.id } });
    if (!rev || rev.unitCode !== revision.unitCode) return { ok: false, reason: "not-found" } as const;
    if (!UNDOABLE_ACTIONS.includes(rev.action)) return { ok: false, reason: "not-a-report" } as const;
    if (rev.undone) return { ok: false, reason: "already-undone" } as const;
    if (now.getTime() - rev.createdAt.getTime() > windowMs) return { ok: false, reason: "expired" } as const;
    if (await isSuperseded(tx, rev)) return { ok: false, reason: "superseded" } as const;
    const restored = await revert(tx, rev, prov);
    if (restored === undefined) return { ok: false, reason: "already-undone" } as const;
    return { ok: true, key: keyOf(rev), restored } as const;
  });
}

export type UploadUndoOutcome =
  | { ok: true; reverted: FigureKey[]; superseded: FigureKey[] }
  | { ok: false; reason: "not-found" | "already-undone" | "expired" };

/** A held upload holds up to 20,000 rows (ingest's MAX_DATA_ROWS); the default 5 s would cut its undo short. */
const UPLOAD_UNDO_TIMEOUT_MS = 120_000;

/**
 * Undoes every revision upload `uploadId`'s save wrote, within `windowMs` of the save, in one
 * transaction. A figure changed again since (a `/nop`, another file) is left as it is and listed
 * in `superseded`, as `/nop`'s undo refuses then; a revision already undone is skipped.
 */
export async function undoUploadRevisions(
  prisma: Db,
  uploadId: number,
  now: Date,
  windowMs: number,
  prov: Provenance,
): Promise<UploadUndoOutcome> {
  return withTransaction(
    prisma,
    async (tx) => {
      const revs = await tx.figureRevision.findMany({
        where: { uploadId, action: { in: [...UNDOABLE_ACTIONS] } },
        orderBy: { id: "asc" },
      });
      const first = revs[0];
      if (!first) return { ok: false, reason: "not-found" } as const;
      if (revs.every((r) => r.undone)) return { ok: false, reason: "already-undone" } as const;
      if (now.getTime() - first.createdAt.getTime() > windowMs) return { ok: false, reason: "expired" } as const;
      const changedSince = await laterKeys(tx, uploadId, first.id, new Set(revs.map((r) => r.period)));
      const reverted: FigureKey[] = [];
      const superseded: FigureKey[] = [];
      for (const rev of revs) {
        if (rev.undone) continue;
        if ((changedSince.get(keyText(rev)) ?? 0) > rev.id) superseded.push(keyOf(rev));
        else if ((await revert(tx, rev, prov)) !== undefined) reverted.push(keyOf(rev));
      }
      return { ok: true, reverted, superseded } as const;
    },
    { timeoutMs: UPLOAD_UNDO_TIMEOUT_MS },
  );
}

const keyText = (k: FigureKey) => `${k.unitCode}\n${k.indicatorCode}\n${k.period}`;

/**
 * The latest revision id of each figure another revision changed after the upload's first one:
 * one query over the few minutes since the save rather than one per row (an upload's own
 * revisions never share a key).
 */
async function laterKeys(
  tx: Tx,
  uploadId: number,
  afterId: number,
  periods: Set<string>,
): Promise<Map<string, number>> {
  const later = await tx.figureRevision.findMany({
    where: {
      id: { gt: afterId },
      period: { in: [...periods] },
      OR: [{ uploadId: null }, { uploadId: { not: uploadId } }],
    },
    select: { id: true, unitCode: true, indicatorCode: true, period: true },
  });
  const latest = new Map<string, number>();
  for (const r of later) latest.set(keyText(r), Math.max(r.id, latest.get(keyText(r)) ?? 0));
  return latest;
}

/** When upload `uploadId` was saved (its revisions' time), or null when it wrote none. */
export async function uploadSavedAt(prisma: Db, uploadId: number): Promise<Date | null> {
  const first = await prisma.figureRevision.findFirst({ where: { uploadId }, orderBy: { id: "asc" } });
  return first?.createdAt ?? null;
}
