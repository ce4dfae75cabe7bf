/**
 * Pausing, resuming and removing a loaded directive — from `/chithi`'s buttons or the CLI
 * (`dondoc directive pause|resume|remove`). A paused directive stays in the database but binds
 * nothing: the catalog is built from active directives only (listActiveDirectives). Removing
 * deletes the directive row only; figures belong to units and indicators and are kept.
 * The caller reloads the catalog of a running bot.
 */
import type { Db } from "../../db/client.js";
import {
  deleteDirective,
  findLoadedDirective,
  listLoadedDirectives,
  setDirectiveActive,
  type LoadedDirectiveRecord,
} from "../../db/repos/directives.js";
import type { IsoDate } from "../../domain/directive/dates.js";
import type { Directive } from "../../domain/directive/schema.js";
import { directiveEnd, effectiveFrom, validityOn } from "../../domain/directive/validity.js";
import type { DirectiveOverview } from "../../messages/views.js";

export type { DirectiveOverview } from "../../messages/views.js";

export type DirectiveAction = "pause" | "resume" | "remove";
export type DirectiveTarget = { slug: string } | { rowId: number };

export type ActionOutcome =
  | { ok: true; action: DirectiveAction; record: LoadedDirectiveRecord }
  | { ok: false; reason: "not-found"; known: string[] }
  | { ok: false; reason: "already-paused" | "already-active"; record: LoadedDirectiveRecord };

export async function findDirective(prisma: Db, target: DirectiveTarget): Promise<LoadedDirectiveRecord | null> {
  return findLoadedDirective(prisma, target);
}

export async function changeDirective(
  prisma: Db,
  target: DirectiveTarget,
  action: DirectiveAction,
): Promise<ActionOutcome> {
  const record = await findLoadedDirective(prisma, target);
  if (!record)
    return { ok: false, reason: "not-found", known: (await listLoadedDirectives(prisma)).map((r) => r.slug) };
  if (action === "remove") {
    if (!(await deleteDirective(prisma, record.rowId))) return { ok: false, reason: "not-found", known: [] };
    return { ok: true, action, record };
  }
  const active = action === "resume";
  if (!(await setDirectiveActive(prisma, record.rowId, active))) {
    return { ok: false, reason: active ? "already-active" : "already-paused", record };
  }
  return { ok: true, action, record: { ...record, active } };
}

/** Every loaded directive, active and paused; replacements are dated by the active ones. */
export async function overviewDirectives(prisma: Db, today: IsoDate): Promise<DirectiveOverview[]> {
  const records = await listLoadedDirectives(prisma);
  const active = records.flatMap((r) => (r.active && r.directive ? [r.directive] : []));
  return records.map((r) => ({ ...r, dates: r.directive ? datesOf(r.directive, active, today) : null }));
}

function datesOf(d: Directive, active: readonly Directive[], today: IsoDate): NonNullable<DirectiveOverview["dates"]> {
  const all = [...active.filter((o) => o.id !== d.id), d];
  return { effectiveFrom: effectiveFrom(d), end: directiveEnd(d, all), validity: validityOn(d, today, all) };
}
