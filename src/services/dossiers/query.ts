/**
 * Reading dossiers for /hoso and /quahan, always through the unit that may see them
 * (issue #5: never show a dossier outside the unit that handles it, its head or leaders).
 */
import { addDays, workingDaysBetween, type WorkCalendar } from "../../domain/calendar/index.js";
import type { IsoDate } from "../../domain/directive/dates.js";
import type { Dossier, DossierDocument } from "../../db/generated/client.js";
import type { BriefLine } from "../../messages/dossiers.js";
import type { AppDeps } from "../context.js";
import { deadlineOf, inForce, phaseOf, reappointmentOf, type DossierPhase, type Reappointment, type Tracked } from "./state.js";

/** A dossier as the sweep, /quahan and /hoso see it: `dueAt` is the date in force. */
export type TrackedDossier = Tracked<Dossier>;

export const OPEN_STATUSES = ["new", "processing", "supplement"] as const;

/** Codes are stored upper-case, spaces removed (as the parser normalises them). */
export function normaliseCode(text: string): string {
  return text.replace(/\s+/g, "").toUpperCase();
}

export async function findDossier(deps: Pick<AppDeps, "prisma">, codeText: string, visibleUnits: ReadonlySet<string>) {
  const d = await deps.prisma.dossier.findUnique({ where: { code: normaliseCode(codeText) } });
  // Another unit's dossier answers exactly like a missing one: its existence is not ours to tell.
  if (!d || !visibleUnits.has(d.unitCode)) return null;
  const documents = await deps.prisma.dossierDocument.findMany({ where: { dossierCode: d.code }, orderBy: { id: "asc" } });
  return { dossier: d, documents };
}

export function overdueDays(d: Pick<Dossier, "dueAt">, today: IsoDate, cal: WorkCalendar): number {
  if (!d.dueAt) return 0;
  const { lastDay } = deadlineOf(d.dueAt.slice(0, 10), cal);
  return today > lastDay ? Math.max(1, workingDaysBetween(lastDay, today, cal)) : 0;
}

export function briefOf(d: Dossier & { reappointment?: Reappointment | null }, today: IsoDate, cal: WorkCalendar): BriefLine {
  return { code: d.code, procedure: d.procedure, dueAt: d.dueAt, overdueDays: overdueDays(d, today, cal), reappointed: Boolean(d.reappointment) };
}

/** The issued re-appointments of `codes`, by code. */
export async function reappointmentsOf(deps: Pick<AppDeps, "prisma">, codes: readonly string[]): Promise<Map<string, Reappointment>> {
  const out = new Map<string, Reappointment>();
  for (let i = 0; i < codes.length; i += 500) {
    const letters = await deps.prisma.dossierDocument.findMany({
      where: { dossierCode: { in: codes.slice(i, i + 500) }, kind: "apology", status: "issued", newDueDate: { not: null } },
    });
    for (const l of letters) {
      const r = reappointmentOf([l]);
      if (r) out.set(l.dossierCode, r);
    }
  }
  return out;
}

/** As the database orders ISO dates: code unit by code unit, not by locale. */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const OPEN = { status: { in: [...OPEN_STATUSES] }, finishedAt: null, resultReturnedAt: null };

/**
 * Open dossiers whose deadline is near or past. Tết can put nine days off between "sắp quá
 * hạn" and the last day, hence the two-week look-ahead before the exact phase is computed.
 */
export async function dossiersNeedingAttention(
  deps: Pick<AppDeps, "prisma">, where: { unitCode?: string }, today: IsoDate, cal: WorkCalendar,
): Promise<{ dossier: TrackedDossier; phase: Extract<DossierPhase, "due-soon" | "overdue"> }[]> {
  const limit = `${addDays(today, 14)}T99`;
  const unit = where.unitCode ? { unitCode: where.unitCode } : {};
  const rows = await deps.prisma.dossier.findMany({ where: { ...unit, ...OPEN, dueAt: { not: null, lte: limit } } });
  // A re-appointed dossier is due on its letter's date, whatever due date a later export shows.
  const letters = await deps.prisma.dossierDocument.findMany({
    where: { kind: "apology", status: "issued", newDueDate: { not: null, lte: limit } }, select: { dossierCode: true },
  });
  const seen = new Set(rows.map((r) => r.code));
  const missing = [...new Set(letters.map((l) => l.dossierCode))].filter((c) => !seen.has(c));
  for (let i = 0; i < missing.length; i += 500) {
    rows.push(...await deps.prisma.dossier.findMany({ where: { ...unit, ...OPEN, code: { in: missing.slice(i, i + 500) } } }));
  }
  const letterOf = await reappointmentsOf(deps, rows.map((r) => r.code));
  return rows.map((r) => inForce(r, letterOf.get(r.code) ?? null))
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

export async function documentsByCode(deps: Pick<AppDeps, "prisma">, codes: readonly string[]): Promise<Map<string, DossierDocument[]>> {
  const out = new Map<string, DossierDocument[]>();
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await deps.prisma.dossierDocument.findMany({ where: { dossierCode: { in: codes.slice(i, i + 500) } } });
    for (const r of rows) out.set(r.dossierCode, [...(out.get(r.dossierCode) ?? []), r]);
  }
  return out;
}
