/**
 * Escalation's I/O: reads what the rule counts (db/repos/escalations.ts) and applies it
 * (domain/schedule/escalation.ts: three ignored figure reminders → named in the next leaders'
 * digest, then the count restarts for that chat).
 */
import { escalationDays, figureReminderDays, latestReportTimes, logReminders } from "../../db/repos/escalations.js";
import { vnDate, type IsoDate } from "../../domain/directive/dates.js";
import { unitsToName } from "../../domain/schedule/index.js";
import type { AppDeps } from "../context.js";

export { ESCALATE_AFTER } from "../../domain/schedule/index.js";

/** Units among `unitCodes` to name to the leaders' chat `chatId` on `day`. */
export async function unitsToEscalate(
  deps: AppDeps,
  chatId: bigint,
  unitCodes: readonly string[],
  day: IsoDate,
  at: Date,
): Promise<Set<string>> {
  if (unitCodes.length === 0) return new Set();
  const lastReport = new Map<string, IsoDate>();
  for (const [code, t] of await latestReportTimes(deps.prisma, unitCodes, at)) lastReport.set(code, vnDate(t));
  const told = await escalationDays(deps.prisma, chatId, unitCodes);
  const reminded = await figureReminderDays(deps.prisma, unitCodes, day);
  return unitsToName({ lastReport, told, reminded });
}

/** Remembers that `chatId` was told about these units on `day`. */
export async function recordEscalations(
  deps: AppDeps,
  chatId: bigint,
  unitCodes: Iterable<string>,
  day: IsoDate,
  at: Date,
): Promise<void> {
  await logReminders(
    deps.prisma,
    [...unitCodes].map((unitCode) => ({ chatId, unitCode, kind: "escalation" as const, day })),
    at,
  );
}

/**
 * Remembers figure reminders sent to these unit chats on `day`, the ones escalation counts: the
 * morning reminder's and the digest's "🔔 Nhắc". One row per chat × unit × day (a second log the
 * same day is a no-op), and the rule counts days, so a unit reminded twice in a day counts once.
 */
export async function recordFigureReminders(
  deps: AppDeps,
  sent: Iterable<{ chatId: bigint; unitCode: string }>,
  day: IsoDate,
  at: Date,
): Promise<void> {
  await logReminders(
    deps.prisma,
    [...sent].map((s) => ({ chatId: s.chatId, unitCode: s.unitCode, kind: "figures" as const, day })),
    at,
  );
}
