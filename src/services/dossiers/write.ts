/**
 * Writes validated dossier rows in one transaction: created, updated or unchanged, by unit and code.
 * What the office recorded in the bot (prompted, escalated, result returned) is never touched
 * by an upload; only the export's own columns are. The applicant's name is stored only while the
 * rule in dossiers/applicant.ts keeps it (NĐ 13/2023). `dueAt` may be overwritten freely: a
 * re-appointed date is read from the issued apology letter, never from it (dossiers/state.ts
 * `reappointmentOf`), so a re-upload cannot lose the second deadline.
 */
import {
  createDossier,
  dossiersWithCodes,
  markDossiers,
  updateDossier,
  type Dossier,
  type DossierColumns,
} from "../../db/repos/dossiers.js";
import { withTransaction } from "../../db/transaction.js";
import type { AppDeps } from "../context.js";
import { apologiesInFlight, forgetApplicants, keepsApplicant } from "./applicant.js";
import type { DossierRow } from "../../ingest/index.js";

/** A row of a dossier export with the unit it was filed under (its own home, so importList and write import one way). */
export type DossierRowWithUnit = DossierRow & { unitCode: string };

export interface WriteSummary {
  created: number;
  updated: number;
  unchanged: number;
  /** Rows per unit, for the administrator's summary. */
  perUnit: Map<string, number>;
}

type Columns = DossierColumns;

function columnsOf(r: DossierRowWithUnit, old: Dossier | undefined, apologyInFlight: boolean): Columns {
  const facts = {
    status: r.status,
    dueAt: r.dueAt,
    finishedAt: r.finishedAt,
    resultReturnedAt: old?.resultReturnedAt ?? null,
  };
  return {
    unitCode: r.unitCode,
    procedure: r.procedure,
    status: r.status,
    applicantName: keepsApplicant(facts, apologyInFlight) ? r.applicant : null,
    // Kept and dropped with the name it goes before.
    applicantTitle: keepsApplicant(facts, apologyInFlight) ? r.applicantTitle : null,
    officerName: r.officer,
    receivedAt: r.receivedAt,
    dueAt: r.dueAt,
    finishedAt: r.finishedAt,
  };
}

const KEYS: readonly (keyof Columns)[] = [
  "unitCode",
  "procedure",
  "status",
  "applicantName",
  "applicantTitle",
  "officerName",
  "receivedAt",
  "dueAt",
  "finishedAt",
];

const keyOf = (unitCode: string, code: string): string => `${unitCode}\n${code}`;

/** Large exports take seconds on SQLite; the default 5 s would cut a 20,000-row file short. */
const TX_TIMEOUT_MS = 120_000;

export async function writeDossiers(
  deps: Pick<AppDeps, "prisma">,
  rows: readonly DossierRowWithUnit[],
): Promise<WriteSummary> {
  const summary: WriteSummary = { created: 0, updated: 0, unchanged: 0, perUnit: new Map() };
  await withTransaction(
    deps.prisma,
    async (tx) => {
      for (let i = 0; i < rows.length; i += 500) {
        const slice = rows.slice(i, i + 500);
        // Other units' rows with the same codes are read only to be left out: a code names a
        // dossier within its unit alone.
        const existing = await dossiersWithCodes(
          tx,
          slice.map((r) => r.code.toUpperCase()),
        );
        const byKey = new Map(existing.map((d) => [keyOf(d.unitCode, d.code), d]));
        const ownIds = slice.flatMap((r) => byKey.get(keyOf(r.unitCode, r.code.toUpperCase()))?.id ?? []);
        const inFlight = await apologiesInFlight(tx, ownIds);
        for (const r of slice) {
          const code = r.code.toUpperCase();
          const old = byKey.get(keyOf(r.unitCode, code));
          const data = columnsOf(r, old, old !== undefined && inFlight.has(old.id));
          summary.perUnit.set(r.unitCode, (summary.perUnit.get(r.unitCode) ?? 0) + 1);
          if (!old) {
            await createDossier(tx, code, data);
            summary.created++;
          } else if (KEYS.some((k) => old[k] !== data[k])) {
            await updateDossier(tx, old.id, data);
            summary.updated++;
          } else summary.unchanged++;
        }
      }
    },
    { timeoutMs: TX_TIMEOUT_MS },
  );
  return summary;
}

/**
 * "Đã trả kết quả" pressed in the unit chat: recorded once (false when it already was), and the
 * dossier, now closed, no longer needs its applicant's name unless a letter is in flight.
 */
export async function markResultReturned(
  deps: Pick<AppDeps, "prisma" | "clock">,
  dossier: Pick<Dossier, "id" | "code">,
): Promise<boolean> {
  const marked = await markDossiers(deps.prisma, [dossier.id], "resultReturnedAt", deps.clock.now());
  await forgetApplicants(deps, [dossier.id]);
  return marked > 0;
}
