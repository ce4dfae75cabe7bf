/**
 * Escalation (docs/SCHEDULES.md "Cảnh báo"): a unit that ignores ESCALATE_AFTER figure reminders
 * is named in the next leaders' digest. "Ignored" = no report after it: the unit's figure
 * reminders (one per working day at most) dated after its latest report are counted. Once a
 * leaders' chat has been told, the count restarts there, so a unit is named once per
 * ESCALATE_AFTER ignored reminders, not in every digest after.
 */
import type { IsoDate } from "../directive/dates.js";

export const ESCALATE_AFTER = 3;

export interface EscalationFacts {
  /** Day of each unit's latest report (absent: never reported). */
  lastReport: ReadonlyMap<string, IsoDate>;
  /** Days this leaders' chat was already told about a unit. */
  told: readonly { unitCode: string; day: IsoDate }[];
  /** Days each unit was sent a figure reminder, up to the digest's day. */
  reminded: readonly { unitCode: string; day: IsoDate }[];
}

/** Units whose reminders since their last report (or since the chat was last told) reach ESCALATE_AFTER. */
export function unitsToName(f: EscalationFacts): Set<string> {
  const cutoff = new Map(f.lastReport);
  for (const t of f.told) if (t.day > (cutoff.get(t.unitCode) ?? "")) cutoff.set(t.unitCode, t.day);
  const days = new Map<string, Set<IsoDate>>();
  for (const r of f.reminded) {
    if (r.day <= (cutoff.get(r.unitCode) ?? "")) continue;
    days.set(r.unitCode, (days.get(r.unitCode) ?? new Set()).add(r.day));
  }
  return new Set([...days].filter(([, d]) => d.size >= ESCALATE_AFTER).map(([code]) => code));
}
