/**
 * Tasks due and overdue, and overdue dossiers, per unit of the scope: counts and task titles
 * only — a dossier's applicant never reaches the page (Nghị định 13/2023/NĐ-CP; README
 * "Dữ liệu cá nhân"). Tasks and dossiers are judged as the reminders and the sweep judge them
 * (services/tasks/tasks.ts, services/dossiers/state.ts), so the page cannot disagree with the chat.
 */
import { openDossierDues } from "../../db/repos/dashboardReads.js";
import { addDays, type WorkCalendar } from "../../domain/calendar/index.js";
import type { Catalog, CatalogUnit } from "../../domain/catalog.js";
import type { IsoDate } from "../../domain/directive/dates.js";
import { TASK_OFFSETS } from "../../domain/schedule/countdown.js";
import type { AppDeps } from "../context.js";
import { OPEN_STATUSES, reappointmentsOf } from "../dossiers/query.js";
import { inForce, phaseOf } from "../dossiers/state.js";
import { taskItems } from "../tasks/tasks.js";
import { unitRef } from "./ranking.js";
import type { TaskLine, UnitRef } from "./types.js";

/** "Sắp đến hạn": within the first countdown reminder's reach (7 days, docs/SCHEDULES.md). */
export const DUE_SOON_DAYS = Math.max(...TASK_OFFSETS);

export async function tasksByUnit(
  deps: Pick<AppDeps, "prisma">,
  catalog: Catalog,
  units: readonly CatalogUnit[],
  day: IsoDate,
  directiveId?: string,
): Promise<TaskLine[]> {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const soon = addDays(day, DUE_SOON_DAYS);
  const lines = new Map<string, TaskLine>();
  for (const item of await taskItems(deps.prisma, catalog, day)) {
    const unit = byCode.get(item.lead.code);
    if (!unit || item.done || (directiveId && item.ref.directive.id !== directiveId)) continue;
    const overdue = item.occ.due < day;
    if (!overdue && item.occ.due > soon) continue;
    const line = lines.get(unit.code) ?? { unit: unitRef(unit), due: 0, overdue: 0, titles: [] };
    if (overdue) line.overdue += 1;
    else line.due += 1;
    line.titles.push({ title: item.ref.task.title, due: item.occ.due, overdue });
    lines.set(unit.code, line);
  }
  for (const l of lines.values())
    l.titles.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.due.localeCompare(b.due));
  return [...lines.values()].sort(
    (a, b) => b.overdue - a.overdue || b.due - a.due || a.unit.name.localeCompare(b.unit.name, "vi"),
  );
}

export async function overdueDossiersByUnit(
  deps: Pick<AppDeps, "prisma">,
  units: readonly CatalogUnit[],
  day: IsoDate,
  cal: WorkCalendar,
): Promise<{ unit: UnitRef; overdue: number }[]> {
  const byCode = new Map(units.map((u) => [u.code, u]));
  // Due by today at the latest: past that the dossier cannot be overdue, and a re-appointment only ever moves a date later.
  const rows = await openDossierDues(deps.prisma, [...byCode.keys()], OPEN_STATUSES, `${day}T99`);
  const letters = await reappointmentsOf(
    deps,
    rows.map((r) => r.id),
  );
  const counts = new Map<string, number>();
  for (const r of rows)
    if (phaseOf(inForce(r, letters.get(r.id) ?? null), day, cal) === "overdue")
      counts.set(r.unitCode, (counts.get(r.unitCode) ?? 0) + 1);
  return [...counts.entries()]
    .flatMap(([code, overdue]) => {
      const u = byCode.get(code);
      return u ? [{ unit: unitRef(u), overdue }] : [];
    })
    .sort((a, b) => b.overdue - a.overdue || a.unit.name.localeCompare(b.unit.name, "vi"));
}
