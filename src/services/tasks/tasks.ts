/**
 * Directive tasks and their occurrences (docs/SCHEDULES.md). A task is owed by each of
 * its lead units (a task led by "UBND các xã" is done commune by commune); its cooperating
 * units are reminded while any lead unit's part is open. Done marks are TaskOccurrence rows
 * keyed by directive, task, occurrence key and lead unit; a row without `doneAt` is an open
 * occurrence a reminder button points at.
 *
 * Which occurrences are live on a day: a one-off task's only occurrence, chased until done; a
 * recurring task's current occurrence and the one before it — the previous one stays overdue
 * until done or until the current one falls due, when it rolls over. Occurrences due before
 * the directive was issued are not owed.
 */
import type { Db } from "../../db/client.js";
import { ensureOccurrence, listDoneOccurrences } from "../../db/repos/tasks.js";
import type { Catalog, CatalogUnit } from "../../domain/catalog.js";
import { addDays } from "../../domain/calendar/index.js";
import type { IsoDate } from "../../domain/directive/dates.js";
import type { Directive, Scope, Task } from "../../domain/directive/schema.js";
import { currentOccurrence } from "../../domain/directive/taskSchedule.js";
import { directiveEnd, effectiveFrom } from "../../domain/directive/validity.js";
import { scopeBindsUnit } from "../../domain/evaluation/index.js";

export type TaskRef = { directive: Directive; task: Task };
export type Occurrence = { key: string; due: IsoDate; recurring: boolean };
export type TaskRole = "lead" | "cooperating";

export function unitsInScope(catalog: Catalog, directive: Directive, scope: Scope | undefined): CatalogUnit[] {
  if (!scope) return [];
  return catalog.units.filter((u) => scopeBindsUnit(scope, catalog.evaluationUnit(u), directive));
}

export function leadUnits(catalog: Catalog, ref: TaskRef): CatalogUnit[] {
  return unitsInScope(catalog, ref.directive, ref.task.lead);
}

/** Cooperating units that are not also leads (a lead is reminded as lead). */
export function cooperatingUnits(catalog: Catalog, ref: TaskRef): CatalogUnit[] {
  const leads = new Set(leadUnits(catalog, ref).map((u) => u.code));
  return unitsInScope(catalog, ref.directive, ref.task.cooperating).filter((u) => !leads.has(u.code));
}

export const sameTask = (a: TaskRef, b: TaskRef): boolean =>
  a.directive.id === b.directive.id && a.task.code === b.task.code;

export function allTasks(catalog: Catalog): TaskRef[] {
  return catalog.directives.flatMap((directive) => directive.tasks.map((task) => ({ directive, task })));
}

export function roleOf(catalog: Catalog, ref: TaskRef, unit: CatalogUnit): TaskRole | null {
  const eu = catalog.evaluationUnit(unit);
  if (scopeBindsUnit(ref.task.lead, eu, ref.directive)) return "lead";
  if (ref.task.cooperating && scopeBindsUnit(ref.task.cooperating, eu, ref.directive)) return "cooperating";
  return null;
}

/** A yearly task's previous occurrence is at most a year back; a little more for safety. */
const MAX_SCAN_BACK_DAYS = 400;

/** Live occurrences on `day`, oldest first; none for "thường xuyên" tasks (nothing to be late for). */
export function liveOccurrences(ref: TaskRef, day: IsoDate): Occurrence[] {
  const cur = currentOccurrence(ref.task.deadline, day);
  if (cur.due === null) return [];
  const out: Occurrence[] = [{ key: cur.key, due: cur.due, recurring: cur.recurring }];
  if (cur.recurring) {
    for (let back = 1; back <= MAX_SCAN_BACK_DAYS; back++) {
      const prev = currentOccurrence(ref.task.deadline, addDays(day, -back));
      if (prev.key !== cur.key) {
        if (prev.due !== null) out.unshift({ key: prev.key, due: prev.due, recurring: true });
        break;
      }
    }
  }
  // Owed only while the directive binds: from its effect, and (recurring) not after its end.
  const start = effectiveFrom(ref.directive);
  const end = directiveEnd(ref.directive, []);
  const last = end.kind === "open" ? null : end.date;
  return out.filter((o) => o.due >= start && (!o.recurring || last === null || o.due <= last));
}

export type MarkKey = { directiveSlug: string; taskCode: string; occurrence: string; unitCode: string };
export const markKeyOf = (ref: TaskRef, occ: Occurrence, unitCode: string): MarkKey => ({
  directiveSlug: ref.directive.id,
  taskCode: ref.task.code,
  occurrence: occ.key,
  unitCode,
});
const markId = (k: MarkKey) => `${k.directiveSlug}|${k.taskCode}|${k.occurrence}|${k.unitCode}`;

export type DoneMark = { doneAt: Date; note: string | null };

/** Every done mark, keyed for lookups during one sweep. */
export async function doneMarks(prisma: Db): Promise<{ get(k: MarkKey): DoneMark | undefined }> {
  const map = new Map<string, DoneMark>();
  for (const r of await listDoneOccurrences(prisma)) map.set(markId(r), { doneAt: r.doneAt, note: r.note });
  return { get: (k) => map.get(markId(k)) };
}

/** The row of one occurrence for one lead unit, created open if missing; its id goes in buttons. */
export async function occurrenceRow(prisma: Db, key: MarkKey, due: IsoDate): Promise<number> {
  return ensureOccurrence(prisma, key, due);
}

/** One lead unit's part of one occurrence: open or done. */
export type TaskItem = { ref: TaskRef; occ: Occurrence; lead: CatalogUnit; done: DoneMark | undefined };

/** Every live occurrence × lead unit on `day`. */
export async function taskItems(prisma: Db, catalog: Catalog, day: IsoDate): Promise<TaskItem[]> {
  const marks = await doneMarks(prisma);
  const out: TaskItem[] = [];
  for (const ref of allTasks(catalog)) {
    const occs = liveOccurrences(ref, day);
    if (occs.length === 0) continue;
    for (const lead of leadUnits(catalog, ref)) {
      for (const occ of occs) out.push({ ref, occ, lead, done: marks.get(markKeyOf(ref, occ, lead.code)) });
    }
  }
  return out;
}

export type UnitTaskEntry = { task: Task; due: IsoDate; role: TaskRole };

/**
 * `/nhiemvu`: the unit's open occurrences (as lead: its own part; as cooperating: while any lead
 * unit's part is open), soonest first, and its "thường xuyên" tasks, which have no deadline.
 */
export async function unitTaskList(
  prisma: Db,
  catalog: Catalog,
  unit: CatalogUnit,
  day: IsoDate,
): Promise<{ open: UnitTaskEntry[]; continuous: Task[] }> {
  const items = await taskItems(prisma, catalog, day);
  const open: UnitTaskEntry[] = [];
  const continuous: Task[] = [];
  for (const ref of allTasks(catalog)) {
    const role = roleOf(catalog, ref, unit);
    if (!role) continue;
    const mine = items.filter(
      (i) => sameTask(i.ref, ref) && !i.done && (role === "cooperating" || i.lead.code === unit.code),
    );
    const dues = new Map(mine.map((i) => [i.occ.key, i.occ.due]));
    for (const due of dues.values()) open.push({ task: ref.task, due, role });
    const dl = ref.task.deadline;
    if ((dl.kind === "recurring" && dl.rule === "continuous") || dl.kind === "from") continuous.push(ref.task);
  }
  return { open: open.sort((a, b) => a.due.localeCompare(b.due)), continuous };
}
