/**
 * Where a dossier stands on a given day (docs/DOSSIERS.md). PURE: the calendar and `today`
 * are parameters, so the sweep, /hoso, /quahan and the monthly list can never disagree.
 *
 * - The time limit ends on the due date, or on the next working day when the due date is a
 *   day off (Bộ luật Dân sự 2015, Điều 148 — `onOrNextWorkingDay`).
 * - "Sắp quá hạn" from one working day before that end: the apology has to reach the citizen
 *   before the deadline passes (NĐ 61/2018 Điều 19; NĐ 118/2025 keeps the rule). Due Friday →
 *   Thursday; due on the last working day before Tết → the working day before it.
 * - "Quá hạn" from the day after the end, until the result is returned.
 * - Escalation (docs/DOSSIERS.md): one full working day overdue without an
 *   apology → the unit head; the next working day → leaders.
 */
import {
  addWorkingDays,
  onOrNextWorkingDay,
  previousWorkingDay,
  type WorkCalendar,
} from "../../domain/calendar/index.js";
import type { IsoDate } from "../../domain/directive/dates.js";

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

/**
 * The date in force once an apology letter re-appointed the dossier (docs/DOSSIERS.md "Hẹn lại
 * và trễ hẹn lần 2"): the new date of the ISSUED letter. A draft or a letter before the head is
 * not in force: the citizen has not been given it. The export's own due date does not replace
 * it either — only one re-appointment is lawful (NĐ 61/2018 Điều 19 as amended by NĐ 107/2021;
 * NĐ 118/2025), so the letter is the last word, and a re-upload can never lose it.
 */
export interface Reappointment {
  newDueDate: IsoDate;
  /** the due date the letter answered for, frozen when it was drafted */
  originalDueDate: string | null;
  number: string | null;
}

type LetterFacts = {
  kind: string;
  status: string;
  newDueDate: string | null;
  originalDueDate: string | null;
  number: string | null;
};

export function reappointmentOf(docs: readonly LetterFacts[]): Reappointment | null {
  const letter = docs.find((d) => d.kind === "apology" && d.status === "issued" && d.newDueDate);
  return letter?.newDueDate
    ? { newDueDate: letter.newDueDate.slice(0, 10), originalDueDate: letter.originalDueDate, number: letter.number }
    : null;
}

/** `d` tracked against the date in force: `dueAt` becomes the re-appointed date when there is one. */
export type Tracked<T extends { dueAt: string | null }> = T & { reappointment: Reappointment | null };

export function inForce<T extends { dueAt: string | null }>(d: T, r: Reappointment | null): Tracked<T> {
  return { ...d, dueAt: r?.newDueDate ?? d.dueAt, reappointment: r };
}
