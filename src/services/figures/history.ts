/**
 * What the revision log tells the schedules (issue #3 keeps every change with the injected
 * clock's time): when a unit last reported, and what a figure was a week ago. Reading the log
 * instead of keeping snapshots means "change since last week" is exact even when last week's
 * digest was never sent, and `/bieudo` on a Thursday compares with the Thursday before.
 */
import type { Db } from "../../db/client.js";
import { vnDate, type IsoDate } from "../../domain/directive/dates.js";
import type { Figures } from "../../domain/evaluation/index.js";

export const figureKey = (unitCode: string, indicatorCode: string): string => `${unitCode}|${indicatorCode}`;

export type LastReport = { at: Date; day: IsoDate };

/**
 * The latest report (a create or update that was not undone) per unit × indicator over
 * `periods`, made at or before `before`. Undo rows and undone reports do not count: taking a
 * figure back is not reporting.
 */
export async function lastReports(prisma: Db, periods: readonly string[], before: Date): Promise<Map<string, LastReport>> {
  const rows = await prisma.figureRevision.findMany({
    where: { period: { in: [...periods] }, action: { in: ["create", "update"] }, undone: false, createdAt: { lte: before } },
    select: { unitCode: true, indicatorCode: true, createdAt: true },
  });
  const out = new Map<string, LastReport>();
  for (const r of rows) {
    const key = figureKey(r.unitCode, r.indicatorCode);
    const seen = out.get(key);
    if (!seen || r.createdAt > seen.at) out.set(key, { at: r.createdAt, day: vnDate(r.createdAt) });
  }
  return out;
}

/** Figures of `period` as they stood at instant `at` (null: none then), per unit × indicator. */
export async function figuresAsOf(prisma: Db, period: string, at: Date, indicatorCode?: string): Promise<Map<string, Figures | null>> {
  const rows = await prisma.figureRevision.findMany({
    where: { period, createdAt: { lte: at }, ...(indicatorCode ? { indicatorCode } : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { unitCode: true, indicatorCode: true, newNumerator: true, newDenominator: true },
  });
  const out = new Map<string, Figures | null>();
  for (const r of rows) {
    const figures = r.newNumerator !== null && r.newDenominator !== null ? { numerator: r.newNumerator, denominator: r.newDenominator } : null;
    out.set(figureKey(r.unitCode, r.indicatorCode), figures);
  }
  return out;
}
