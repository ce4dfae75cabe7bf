/**
 * What escalation counts (domain/schedule/escalation.ts): the figure reminders a unit was sent,
 * the leaders' chats already told about it (both ReminderLog rows), and when it last reported
 * (FigureRevision). Plain data out; the rule itself is in the domain.
 */
import type { Db } from "../client.js";

export type ReminderKind = "figures" | "escalation";
export type LoggedReminder = { chatId: bigint; unitCode: string; kind: ReminderKind; day: string };

/** Remembers reminders sent on `at`; a second log of the same chat × unit × kind × day is a no-op. */
export async function logReminders(prisma: Db, rows: Iterable<LoggedReminder>, at: Date): Promise<void> {
  for (const key of rows) {
    await prisma.reminderLog.upsert({
      where: { chatId_unitCode_kind_day: key },
      create: { ...key, createdAt: at },
      update: {},
    });
  }
}

/** Each unit's latest report (created or updated, not undone) at or before `at`. */
export async function latestReportTimes(
  prisma: Db,
  unitCodes: readonly string[],
  at: Date,
): Promise<Map<string, Date>> {
  const reports = await prisma.figureRevision.groupBy({
    by: ["unitCode"],
    where: {
      unitCode: { in: [...unitCodes] },
      action: { in: ["create", "update"] },
      undone: false,
      createdAt: { lte: at },
    },
    _max: { createdAt: true },
  });
  const out = new Map<string, Date>();
  for (const r of reports) if (r._max.createdAt) out.set(r.unitCode, r._max.createdAt);
  return out;
}

/** Days the leaders' chat `chatId` was told about each of these units. */
export async function escalationDays(
  prisma: Db,
  chatId: bigint,
  unitCodes: readonly string[],
): Promise<{ unitCode: string; day: string }[]> {
  return prisma.reminderLog.findMany({
    where: { chatId, kind: "escalation", unitCode: { in: [...unitCodes] } },
    select: { unitCode: true, day: true },
  });
}

/** Days these units were sent a figure reminder, up to `day`. */
export async function figureReminderDays(
  prisma: Db,
  unitCodes: readonly string[],
  day: string,
): Promise<{ unitCode: string; day: string }[]> {
  return prisma.reminderLog.findMany({
    where: { kind: "figures", unitCode: { in: [...unitCodes] }, day: { lte: day } },
    select: { unitCode: true, day: true },
  });
}
