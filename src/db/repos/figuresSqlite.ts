/**
 * writeFigures (figures.ts) on SQLite's shared connection: the `/nop` write, the statement work of
 * every report, as prepared statements in one SQLite transaction (sqliteShared.ts says why). The
 * rows are the ones the Prisma path writes — same columns, same formats — and figures.test.ts runs
 * both paths.
 */
import type Database from "better-sqlite3";
import { commitSoon, prepared, sqliteDate, sqliteInt } from "../sqliteShared.js";
import type { FigureKey, FigureValue, Provenance } from "./figureTypes.js";

const OLD = `SELECT "numerator", "denominator" FROM "Figure" WHERE "unitCode" = ? AND "indicatorCode" = ? AND "period" = ?`;
const UPSERT = `INSERT INTO "Figure" ("unitCode", "indicatorCode", "period", "numerator", "denominator", "reportedBy", "chatId", "source", "createdAt", "updatedAt")
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT ("unitCode", "indicatorCode", "period") DO UPDATE SET "numerator" = excluded."numerator",
    "denominator" = excluded."denominator", "reportedBy" = excluded."reportedBy", "chatId" = excluded."chatId",
    "source" = excluded."source", "updatedAt" = excluded."updatedAt"`;
const REVISION = `INSERT INTO "FigureRevision" ("unitCode", "indicatorCode", "period", "action", "oldNumerator", "oldDenominator",
    "newNumerator", "newDenominator", "byUser", "chatId", "source", "undone", "createdAt", "uploadId")
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`;

/** Resolves once the figures and their revisions are committed, all or none (sqliteShared.ts `commitSoon`). */
export function writeFiguresSqlite(
  raw: Database.Database,
  items: readonly (FigureKey & FigureValue)[],
  prov: Provenance,
): Promise<{ revisionId: number; previous: FigureValue | null }[]> {
  // createdAt/updatedAt of the figure: the wall clock, as Prisma's @default(now()) and @updatedAt.
  const now = sqliteDate(new Date());
  const at = sqliteDate(prov.at);
  return commitSoon(raw, () =>
    items.map((it) => {
      const k = [it.unitCode, it.indicatorCode, it.period] as const;
      const row: unknown = prepared(raw, OLD).get(...k);
      const previous = oldValue(row);
      prepared(raw, UPSERT).run(...k, it.numerator, it.denominator, prov.byUser, prov.chatId, prov.source, now, now);
      const rev = prepared(raw, REVISION).run(
        ...k,
        previous ? "update" : "create",
        previous?.numerator ?? null,
        previous?.denominator ?? null,
        it.numerator,
        it.denominator,
        prov.byUser,
        prov.chatId,
        prov.source,
        at,
        prov.uploadId ?? null,
      );
      return { revisionId: sqliteInt(rev.lastInsertRowid), previous };
    }),
  );
}

function oldValue(row: unknown): FigureValue | null {
  if (typeof row !== "object" || row === null || !("numerator" in row) || !("denominator" in row)) return null;
  return { numerator: sqliteInt(row.numerator), denominator: sqliteInt(row.denominator) };
}
