/**
 * Reading dossiers for /hoso and /quahan, always through the unit that may see them
 * (docs/DOSSIERS.md: never show a dossier outside the unit that handles it, its head or leaders).
 */
import { addDays, workingDaysBetween, type WorkCalendar } from "../../domain/calendar/index.js";
import type { IsoDate } from "../../domain/directive/dates.js";
import { dossiersWithCode, openDossiers, type Dossier } from "../../db/repos/dossiers.js";
import {
  documentsOfDossiers,
  issuedReappointments,
  reappointedDossierIds,
  type DossierDocument,
} from "../../db/repos/letters.js";
import type { BriefLine } from "../../messages/dossiers.js";
import type { AppDeps } from "../context.js";
import {
  deadlineOf,
  inForce,
  phaseOf,
  reappointmentOf,
  type DossierPhase,
  type Reappointment,
  type Tracked,
} from "./state.js";

/** A dossier as the sweep, /quahan and /hoso see it: `dueAt` is the date in force. */
export type TrackedDossier = Tracked<Dossier>;

export const OPEN_STATUSES = ["new", "processing", "supplement"] as const;

/** Codes are stored upper-case, spaces removed (as the parser normalises them). */
export function normaliseCode(text: string): string {
  return text.replace(/\s+/g, "").toUpperCase();
}

/**
 * The dossiers with this code among `visibleUnits` (codes are unique per unit, so a leaders'
 * subtree may hold several), each with its documents. Only the visible units are searched:
 * another unit's dossier answers exactly like a missing one, its existence is not ours to tell.
 */
export async function findDossiers(deps: Pick<AppDeps, "prisma">, codeText: string, visibleUnits: ReadonlySet<string>) {
  const found = await dossiersWithCode(deps.prisma, normaliseCode(codeText), [...visibleUnits]);
  const documents = await documentsOf(
    deps,
    found.map((d) => d.id),
  );
  return found.map((dossier) => ({
    dossier,
    documents: (documents.get(dossier.id) ?? []).sort((a, b) => a.id - b.id),
  }));
}

export function overdueDays(d: Pick<Dossier, "dueAt">, today: IsoDate, cal: WorkCalendar): number {
  if (!d.dueAt) return 0;
  const { lastDay } = deadlineOf(d.dueAt.slice(0, 10), cal);
  return today > lastDay ? Math.max(1, workingDaysBetween(lastDay, today, cal)) : 0;
}

export function briefOf(
  d: Dossier & { reappointment?: Reappointment | null },
  today: IsoDate,
  cal: WorkCalendar,
): BriefLine {
  return {
    code: d.code,
    procedure: d.procedure,
    dueAt: d.dueAt,
    overdueDays: overdueDays(d, today, cal),
    reappointed: Boolean(d.reappointment),
  };
}

/** The issued re-appointments of dossiers `ids`, by dossier id. */
export async function reappointmentsOf(
  deps: Pick<AppDeps, "prisma">,
  ids: readonly number[],
): Promise<Map<number, Reappointment>> {
  const out = new Map<number, Reappointment>();
  for (const l of await issuedReappointments(deps.prisma, ids)) {
    const r = reappointmentOf([l]);
    if (r && l.dossierId !== null) out.set(l.dossierId, r);
  }
  return out;
}

/** As the database orders ISO dates: code unit by code unit, not by locale. */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Open dossiers whose deadline is near or past. Tết can put nine days off between "sắp quá
 * hạn" and the last day, hence the two-week look-ahead before the exact phase is computed.
 */
export async function dossiersNeedingAttention(
  deps: Pick<AppDeps, "prisma">,
  where: { unitCode?: string },
  today: IsoDate,
  cal: WorkCalendar,
): Promise<{ dossier: TrackedDossier; phase: Extract<DossierPhase, "due-soon" | "overdue"> }[]> {
  const limit = `${addDays(today, 14)}T99`;
  const rows = await openDossiers(deps.prisma, { unitCode: where.unitCode, dueBy: limit }, OPEN_STATUSES);
  // A re-appointed dossier is due on its letter's date, whatever due date a later export shows.
  const seen = new Set(rows.map((r) => r.id));
  const missing = (await reappointedDossierIds(deps.prisma, limit)).filter((id) => !seen.has(id));
  if (missing.length > 0)
    rows.push(...(await openDossiers(deps.prisma, { unitCode: where.unitCode, ids: missing }, OPEN_STATUSES)));
  const letterOf = await reappointmentsOf(
    deps,
    rows.map((r) => r.id),
  );
  return rows
    .map((r) => inForce(r, letterOf.get(r.id) ?? null))
    .sort((a, b) => byCodeUnits(a.dueAt ?? "", b.dueAt ?? "") || a.id - b.id)
    .flatMap((dossier) => {
      const phase = phaseOf(dossier, today, cal);
      return phase === "due-soon" || phase === "overdue" ? [{ dossier, phase }] : [];
    });
}

export type DocumentState = "none" | "pending" | "issued";

/** An apology counts once it is before the head (pending) or issued; a returned or unsent draft does not. */
export function apologyState(docs: readonly Pick<DossierDocument, "kind" | "status">[]): DocumentState {
  const apologies = docs.filter((d) => d.kind === "apology");
  if (apologies.some((d) => d.status === "issued")) return "issued";
  if (apologies.some((d) => d.status === "pending")) return "pending";
  return "none";
}

/** The documents of dossiers `ids`, by dossier id. */
export async function documentsOf(
  deps: Pick<AppDeps, "prisma">,
  ids: readonly number[],
): Promise<Map<number, DossierDocument[]>> {
  const out = new Map<number, DossierDocument[]>();
  for (const r of await documentsOfDossiers(deps.prisma, ids)) {
    if (r.dossierId !== null) out.set(r.dossierId, [...(out.get(r.dossierId) ?? []), r]);
  }
  return out;
}
