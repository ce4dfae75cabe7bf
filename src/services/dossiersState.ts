/**
 * Where a dossier stands on a given day (issue #5 "Prompts"). PURE: the calendar and `today`
 * are parameters, so the sweep, /hoso, /quahan and the monthly list can never disagree.
 *
 * - The time limit ends on the due date, or on the next working day when the due date is a
 *   day off (Bộ luật Dân sự 2015, Điều 148 — `onOrNextWorkingDay`).
 * - "Sắp quá hạn" from one working day before that end: the apology has to reach the citizen
 *   before the deadline passes (NĐ 61/2018 Điều 19; NĐ 118/2025 keeps the rule). Due Friday →
 *   Thursday; due on the last working day before Tết → the working day before it.
 * - "Quá hạn" from the day after the end, until the result is returned.
 * - Escalation (issue #5 "Each dossier records"): one full working day overdue without an
 *   apology → the unit head; the next working day → leaders.
 */
import { addWorkingDays, onOrNextWorkingDay, previousWorkingDay, type WorkCalendar } from "../domain/calendar/index.js";
import type { IsoDate } from "../domain/directive/dates.js";

export type DossierPhase = "closed" | "no-due-date" | "on-time" | "due-soon" | "overdue";

/** Statuses a one-stop system prints once the dossier no longer waits on the office. */
export const CLOSED_STATUSES: ReadonlySet<string> = new Set(["done", "returned", "stopped"]);

export interface DossierFacts {
  status: string;
  dueAt: string | null;
  finishedAt: string | null;
  resultReturnedAt: Date | null;
}

export interface Deadline {
  /** The last day of the time limit (a working day). */
  lastDay: IsoDate;
  /** First day the dossier is "sắp quá hạn". */
  dueSoonFrom: IsoDate;
  /** First day it is escalated to the unit head if no apology exists. */
  headFrom: IsoDate;
  /** First day it is escalated to leaders. */
  leadersFrom: IsoDate;
}

export function deadlineOf(dueAt: IsoDate, cal: WorkCalendar): Deadline {
  const lastDay = onOrNextWorkingDay(dueAt, cal);
  return {
    lastDay,
    dueSoonFrom: previousWorkingDay(lastDay, cal),
    headFrom: addWorkingDays(lastDay, 2, cal),
    leadersFrom: addWorkingDays(lastDay, 3, cal),
  };
}

export function isClosed(d: DossierFacts): boolean {
  return CLOSED_STATUSES.has(d.status) || d.finishedAt !== null || d.resultReturnedAt !== null;
}

export function phaseOf(d: DossierFacts, today: IsoDate, cal: WorkCalendar): DossierPhase {
  if (isClosed(d)) return "closed";
  if (!d.dueAt) return "no-due-date";
  const deadline = deadlineOf(d.dueAt.slice(0, 10), cal);
  if (today > deadline.lastDay) return "overdue";
  return today >= deadline.dueSoonFrom ? "due-soon" : "on-time";
}

/**
 * Was this dossier late, judged on `asOf`? Finished (or returned) after the last day of its
 * limit, or still open after it. Used by the monthly list, which also counts closed dossiers.
 */
export function wasLate(d: DossierFacts & { returnedOn: IsoDate | null }, asOf: IsoDate, cal: WorkCalendar): boolean {
  if (!d.dueAt) return false;
  const { lastDay } = deadlineOf(d.dueAt.slice(0, 10), cal);
  const ended = d.finishedAt?.slice(0, 10) ?? d.returnedOn;
  if (ended) return ended > lastDay;
  if (CLOSED_STATUSES.has(d.status)) return false; // closed without a date: the export does not say
  return asOf > lastDay;
}
