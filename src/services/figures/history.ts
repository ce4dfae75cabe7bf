/**
 * What the revision log tells the schedules (docs/UPLOADS.md keeps every change with the injected
 * clock's time): when a unit last reported, and what a figure was a week ago. Reading the log
 * instead of keeping snapshots means "change since last week" is exact even when last week's
 * digest was never sent, and `/bieudo` on a Thursday compares with the Thursday before.
 */
import type { Db } from "../../db/client.js";
import { reportsUpTo, revisionsUpTo } from "../../db/repos/figures.js";
import { vnDate, type IsoDate } from "../../domain/directive/dates.js";
import type { Figures } from "../../domain/evaluation/index.js";

export const figureKey = (unitCode: string, indicatorCode: string): string => `${unitCode}|${indicatorCode}`;

export type LastReport = { at: Date; day: IsoDate };

/**
 * The latest report (a create or update that was not undone) per unit × indicator over
 * `periods`, made at or before `before`. Undo rows and undone reports do not count: taking a
 * figure back is not reporting.
 */
export async function lastReports(
  prisma: Db,
  periods: readonly string[],
  before: Date,
): Promise<Map<string, LastReport>> {
  const out = new Map<string, LastReport>();
  for (const r of await reportsUpTo(prisma, periods, before)) {
    const key = figureKey(r.unitCode, r.indicatorCode);
    const seen = out.get(key);
    if (!seen || r.createdAt > seen.at) out.set(key, { at: r.createdAt, day: vnDate(r.createdAt) });
  }
  return out;
}

/** Figures of `period` as they stood at instant `at` (null: none then), per unit × indicator. */
export async function figuresAsOf(
  prisma: Db,
  period: string,
  at: Date,
  indicatorCode?: string,
): Promise<Map<string, Figures | null>> {
  // Replayed in order, so the last revision of each figure before `at` is what stood then.
  const out = new Map<string, Figures | null>();
  for (const r of await revisionsUpTo(prisma, period, at, indicatorCode))
    out.set(figureKey(r.unitCode, r.indicatorCode), r.value);
  return out;
}
