/**
 * The monthly list of who was late (docs/DOSSIERS.md): LATE_LIST_CRON fires daily; on the first
 * working day of the month (domain/schedule/days.ts) every leaders' chat gets last month's list
 * for its subtree, with the .xlsx.
 */
import type { WorkCalendar } from "../domain/calendar/index.js";
import { vnDate, type IsoDate } from "../domain/directive/dates.js";
import { isFirstWorkingDayOfMonth } from "../domain/schedule/index.js";
import { dossierTexts as t } from "../messages/dossiers.js";
import { splitMessage } from "../render/html.js";
import { XLSX_MIME } from "../services/apology/push.js";
import { chatUnit } from "../domain/chatUnit.js";
import { previousMonth } from "../domain/month.js";
import { lateListXlsx } from "../services/dossiers/lateXlsx.js";
import type { CalendarSource } from "../services/reminders/calendarFile.js";
import type { AppServices } from "../services/useCases.js";
import type { JobContext } from "./types.js";

export async function publishLateList(
  { uc, catalog }: AppServices,
  day: IsoDate,
  cal: WorkCalendar,
): Promise<{ month: string; chats: number }> {
  const month = previousMonth(day);
  let sent = 0;
  for (const chat of await uc.chats.activeOfKind("leaders")) {
    const root = chatUnit(catalog.get(), chat, "leaders");
    if (!root) continue;
    const list = await uc.dossiers.buildLateList({ month, rootCode: root.code, asOf: day, cal });
    const key = `late-list:${month}:${chat.chatId}`;
    for (const [i, text] of splitMessage(t.lateList(month, list.units, true)).entries()) {
      await uc.outbox.pushText({
        chatId: chat.chatId,
        dedupKey: i === 0 ? key : `${key}:p${i}`,
        kind: "late-list",
        text,
      });
    }
    if (list.units.length > 0) {
      const bytes = await lateListXlsx(list, root.name);
      await uc.outbox.pushDocument({
        chatId: chat.chatId,
        dedupKey: `${key}:xlsx`,
        kind: "late-list",
        doc: { bytes, filename: `ds-ho-so-qua-han-${month}.xlsx`, caption: t.dsCaption(month), mime: XLSX_MIME },
      });
    }
    sent++;
  }
  return { month, chats: sent };
}

export async function runLateList(
  deps: AppServices,
  calendar: CalendarSource,
  { fireTime }: JobContext,
): Promise<unknown> {
  const day = vnDate(fireTime);
  const cal = await calendar();
  if (!isFirstWorkingDayOfMonth(day, cal)) return { day, skipped: "not the first working day" };
  return { day, ...(await publishLateList(deps, day, cal)) };
}
