/**
 * Writes validated dossier rows in one transaction: created, updated or unchanged, by code.
 * What the office recorded in the bot (prompted, escalated, result returned) is never touched
 * by an upload; only the export's own columns are.
 */
import type { AppDeps } from "./context.js";
import type { DossierRowWithUnit } from "./dossiersImport.js";

export interface WriteSummary {
  created: number;
  updated: number;
  unchanged: number;
  /** Rows per unit, for the administrator's summary. */
  perUnit: Map<string, number>;
}

type Columns = {
  unitCode: string;
  procedure: string | null;
  status: string;
  applicantName: string | null;
  officerName: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
};

function columnsOf(r: DossierRowWithUnit): Columns {
  return {
    unitCode: r.unitCode,
    procedure: r.procedure,
    status: r.status,
    applicantName: r.applicant,
    officerName: r.officer,
    receivedAt: r.receivedAt,
    dueAt: r.dueAt,
    finishedAt: r.finishedAt,
  };
}

const KEYS: readonly (keyof Columns)[] = [
  "unitCode", "procedure", "status", "applicantName", "officerName", "receivedAt", "dueAt", "finishedAt",
];

/** Large exports take seconds on SQLite; the default 5 s would cut a 20,000-row file short. */
const TX_TIMEOUT_MS = 120_000;

export async function writeDossiers(deps: Pick<AppDeps, "prisma">, rows: readonly DossierRowWithUnit[]): Promise<WriteSummary> {
  const summary: WriteSummary = { created: 0, updated: 0, unchanged: 0, perUnit: new Map() };
  await deps.prisma.$transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 500) {
      const slice = rows.slice(i, i + 500);
      const existing = await tx.dossier.findMany({ where: { code: { in: slice.map((r) => r.code.toUpperCase()) } } });
      const byCode = new Map(existing.map((d) => [d.code, d]));
      for (const r of slice) {
        const code = r.code.toUpperCase();
        const data = columnsOf(r);
        summary.perUnit.set(r.unitCode, (summary.perUnit.get(r.unitCode) ?? 0) + 1);
        const old = byCode.get(code);
        if (!old) {
          await tx.dossier.create({ data: { code, ...data } });
          summary.created++;
        } else if (KEYS.some((k) => old[k] !== data[k])) {
          await tx.dossier.update({ where: { code }, data });
          summary.updated++;
        } else summary.unchanged++;
      }
    }
  }, { timeout: TX_TIMEOUT_MS, maxWait: TX_TIMEOUT_MS });
  return summary;
}
