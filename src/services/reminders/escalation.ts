/**
 * Escalation (issue #4): a unit that ignores three consecutive reminders is named in the next
 * leaders' digest. "Ignored" = no report after it: the unit's figure reminders (ReminderLog kind
 * "figures", one per working day at most) dated after its latest report are counted. Once a
 * leaders' chat has been told (ReminderLog kind "escalation" on that chat), the count restarts,
 * so a unit is named once per three ignored reminders, not in every digest after.
 */
import type { IsoDate } from "../../domain/directive/dates.js";
import { vnDate } from "../../domain/directive/dates.js";
import type { AppDeps } from "../context.js";

export const ESCALATE_AFTER = 3;

/** Units among `unitCodes` to name to the leaders' chat `chatId` on `day`. */
export async function unitsToEscalate(deps: AppDeps, chatId: bigint, unitCodes: readonly string[], day: IsoDate, at: Date): Promise<Set<string>> {
  const codes = [...unitCodes];
  if (codes.length === 0) return new Set();
  const reports = await deps.prisma.figureRevision.groupBy({
    by: ["unitCode"],
    where: { unitCode: { in: codes }, action: { in: ["create", "update"] }, undone: false, createdAt: { lte: at } },
    _max: { createdAt: true },
  });
  const cutoff = new Map<string, IsoDate>();
  for (const r of reports) if (r._max.createdAt) cutoff.set(r.unitCode, vnDate(r._max.createdAt));
  const told = await deps.prisma.reminderLog.findMany({ where: { chatId, kind: "escalation", unitCode: { in: codes } } });
  for (const t of told) if (t.day > (cutoff.get(t.unitCode) ?? "")) cutoff.set(t.unitCode, t.day);
  const reminders = await deps.prisma.reminderLog.findMany({
    where: { kind: "figures", unitCode: { in: codes }, day: { lte: day } },
    select: { unitCode: true, day: true },
  });
  const days = new Map<string, Set<IsoDate>>();
  for (const r of reminders) {
    if (r.day <= (cutoff.get(r.unitCode) ?? "")) continue;
    days.set(r.unitCode, (days.get(r.unitCode) ?? new Set()).add(r.day));
  }
  return new Set([...days].filter(([, d]) => d.size >= ESCALATE_AFTER).map(([code]) => code));
}

/** Remembers that `chatId` was told about these units on `day`. */
export async function recordEscalations(deps: AppDeps, chatId: bigint, unitCodes: Iterable<string>, day: IsoDate, at: Date): Promise<void> {
  for (const unitCode of unitCodes) {
    const key = { chatId, unitCode, kind: "escalation", day };
    await deps.prisma.reminderLog.upsert({ where: { chatId_unitCode_kind_day: key }, create: { ...key, createdAt: at }, update: {} });
  }
}
