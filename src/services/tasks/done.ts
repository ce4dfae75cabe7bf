/**
 * Marking a task done (docs/SCHEDULES.md: "until a member of the lead unit marks it done — `/xong` or a
 * button, with an optional note or file as evidence"). Members of a unit are the members of its
 * chat (docs/UPLOADS.md), so the caller passes the unit of the chat the command came from.
 */
import type { CatalogUnit } from "../../domain/catalog.js";
import { vnDate } from "../../domain/directive/dates.js";
import { findOccurrence, markOccurrenceDone, setOccurrenceDone } from "../../db/repos/tasks.js";
import type { AppDeps } from "../context.js";
import type { IsoDate } from "../../domain/directive/dates.js";
import type { Task } from "../../domain/directive/schema.js";
import {
  allTasks,
  doneMarks,
  leadUnits,
  liveOccurrences,
  markKeyOf,
  occurrenceRow,
  roleOf,
  taskItems,
  type Occurrence,
  type TaskRef,
} from "./tasks.js";

export type Marked = { ref: TaskRef; occ: Occurrence; rowId: number; note: string | null };

export type MarkOutcome =
  | ({ ok: true } & Marked)
  | { ok: false; reason: "unknown"; code: string }
  | { ok: false; reason: "not-lead"; ref: TaskRef; leads: CatalogUnit[] }
  | { ok: false; reason: "continuous"; ref: TaskRef }
  | { ok: false; reason: "already-done"; ref: TaskRef; occ: Occurrence; doneAt: Date };

export type Actor = { by: bigint | null; at: Date };

/** `/xong <mã> [ghi chú]`: the oldest open occurrence of the task this unit leads. */
export async function markTaskDone(
  deps: AppDeps,
  unit: CatalogUnit,
  code: string,
  note: string | null,
  actor: Actor,
): Promise<MarkOutcome> {
  const catalog = deps.catalog.get();
  const refs = allTasks(catalog).filter(
    (r) => r.task.code.toLowerCase() === code.toLowerCase() && roleOf(catalog, r, unit) !== null,
  );
  const first = refs[0];
  if (!first) return { ok: false, reason: "unknown", code };
  const ref = refs.find((r) => roleOf(catalog, r, unit) === "lead");
  if (!ref) return { ok: false, reason: "not-lead", ref: first, leads: leadUnits(catalog, first) };
  const occs = liveOccurrences(ref, vnDate(actor.at));
  if (occs.length === 0) return { ok: false, reason: "continuous", ref };
  const marks = await doneMarks(deps.prisma);
  const open = occs.find((o) => !marks.get(markKeyOf(ref, o, unit.code)));
  if (!open) {
    const last = occs[occs.length - 1] ?? occs[0];
    const doneAt = last ? marks.get(markKeyOf(ref, last, unit.code))?.doneAt : undefined;
    return last && doneAt
      ? { ok: false, reason: "already-done", ref, occ: last, doneAt }
      : { ok: false, reason: "continuous", ref };
  }
  const key = markKeyOf(ref, open, unit.code);
  const rowId = await markOccurrenceDone(deps.prisma, key, open.due, {
    doneAt: actor.at,
    doneBy: actor.by,
    doneUnitCode: unit.code,
    note,
  });
  return { ok: true, ref, occ: open, rowId, note };
}

export type RowOutcome = ({ ok: true; already: boolean } & Marked) | { ok: false; reason: "gone" | "not-lead" };

/** The "✅ Xong" button of a reminder: marks exactly the occurrence the reminder was about. */
export async function markRowDone(deps: AppDeps, rowId: number, unit: CatalogUnit, actor: Actor): Promise<RowOutcome> {
  const r = await checkRow(deps, rowId, unit);
  if (!r.ok || r.already) return r;
  await setOccurrenceDone(deps.prisma, rowId, { doneAt: actor.at, doneBy: actor.by, doneUnitCode: unit.code });
  return r;
}

/**
 * What a press of the reminder's button would do, without doing it: the button first asks to
 * confirm (a slip of the thumb in a busy group must not mark a task done).
 */
export async function checkRow(deps: AppDeps, rowId: number, unit: CatalogUnit): Promise<RowOutcome> {
  const row = await findOccurrence(deps.prisma, rowId);
  const ref = row
    ? allTasks(deps.catalog.get()).find((r) => r.directive.id === row.directiveSlug && r.task.code === row.taskCode)
    : undefined;
  if (!row || !ref) return { ok: false, reason: "gone" };
  if (row.unitCode !== unit.code) return { ok: false, reason: "not-lead" };
  const occ: Occurrence = { key: row.occurrence, due: row.dueDate, recurring: ref.task.deadline.kind === "recurring" };
  if (row.doneAt) return { ok: true, already: true, ref, occ, rowId, note: row.note };
  return { ok: true, already: false, ref, occ, rowId, note: null };
}

/**
 * The occurrences `unit` leads and has not marked done on `day`, oldest deadline first, each with
 * its row (created if the reminders have not yet): what bare `/xong` offers as "✅ Xong" buttons.
 */
export async function openLeadRows(
  deps: AppDeps,
  unit: CatalogUnit,
  day: IsoDate,
): Promise<{ task: Task; due: IsoDate; rowId: number }[]> {
  const items = (await taskItems(deps.prisma, deps.catalog.get(), day))
    .filter((i) => i.lead.code === unit.code && !i.done)
    .sort((a, b) => a.occ.due.localeCompare(b.occ.due));
  const out: { task: Task; due: IsoDate; rowId: number }[] = [];
  for (const i of items) {
    const rowId = await occurrenceRow(deps.prisma, markKeyOf(i.ref, i.occ, unit.code), i.occ.due);
    out.push({ task: i.ref.task, due: i.occ.due, rowId });
  }
  return out;
}
