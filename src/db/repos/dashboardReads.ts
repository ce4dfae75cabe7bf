/**
 * The Mini App page's reads (docs/WEBAPP.md "Trang"): a province's figures and open dossiers
 * fetched for its ~120 units only. The chat features read a whole period (`figuresForPeriod`),
 * which on a national deployment is 23.000 rows a month — too slow for a page answered in
 * 150 ms, so these take the unit codes, in slices within SQLite's parameter budget.
 */
import type { Db } from "../client.js";
import { SLICE } from "./dossiers.js";

export type UnitFigure = {
  unitCode: string;
  indicatorCode: string;
  period: string;
  numerator: number;
  denominator: number;
};

function slices<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += SLICE) out.push(list.slice(i, i + SLICE));
  return out;
}

/**
 * Current figures of `unitCodes` × `indicatorCodes` × `periods`. All three lists, so SQLite seeks
 * the unique (unit, indicator, period) index instead of scanning a national period by its index.
 */
export async function figuresOfUnits(
  prisma: Db,
  unitCodes: readonly string[],
  indicatorCodes: readonly string[],
  periods: readonly string[],
): Promise<UnitFigure[]> {
  const out: UnitFigure[] = [];
  if (indicatorCodes.length === 0) return out;
  for (const codes of slices(unitCodes)) {
    const rows = await prisma.figure.findMany({
      where: { unitCode: { in: codes }, indicatorCode: { in: [...indicatorCodes] }, period: { in: [...periods] } },
      select: { unitCode: true, indicatorCode: true, period: true, numerator: true, denominator: true },
    });
    out.push(...rows);
  }
  return out;
}

export type OpenDossierDue = {
  id: number;
  unitCode: string;
  status: string;
  dueAt: string | null;
  finishedAt: string | null;
  resultReturnedAt: Date | null;
};

/** Open dossiers of `unitCodes` due by `dueBy` (ISO text): only what a count needs, no citizen data. */
export async function openDossierDues(
  prisma: Db,
  unitCodes: readonly string[],
  openStatuses: readonly string[],
  dueBy: string,
): Promise<OpenDossierDue[]> {
  const out: OpenDossierDue[] = [];
  for (const codes of slices(unitCodes)) {
    out.push(
      ...(await prisma.dossier.findMany({
        where: {
          unitCode: { in: codes },
          status: { in: [...openStatuses] },
          finishedAt: null,
          resultReturnedAt: null,
          dueAt: { not: null, lte: dueBy },
        },
        select: { id: true, unitCode: true, status: true, dueAt: true, finishedAt: true, resultReturnedAt: true },
      })),
    );
  }
  return out;
}
