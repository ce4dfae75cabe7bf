/**
 * What the buttons under a leaders' digest do (docs/SCHEDULES.md "Bản tin tuần"). Each works on the
 * month the digest showed, carried by the button, not on whatever month it is when pressed.
 */
import type { CatalogUnit } from "../../domain/catalog.js";
import type { DigestPeriod } from "../../domain/digest/period.js";
import { monthOf, vnDate, type IsoMonth } from "../../domain/directive/dates.js";
import { digestActionTexts } from "../../messages/digestActions.js";
import type { AppDeps } from "../context.js";
import { pushText } from "../notify.js";
import { recordFigureReminders } from "../reminders/escalation.js";
import { activeUnitChats } from "../reminders/reminders.js";
import { digestData, type IndicatorDigest } from "./data.js";
import { unitsNotReported } from "./keyboard.js";

/** A month before the one `at` falls in is an ended month, read as final. */
export function shownPeriod(period: IsoMonth, at: Date): DigestPeriod {
  return { period, closed: period < monthOf(vnDate(at)) };
}

export function digestOfPeriod(
  deps: AppDeps,
  root: CatalogUnit,
  period: IsoMonth,
  at: Date,
  only?: string,
): Promise<IndicatorDigest[]> {
  return digestData(deps, root, at, only, shownPeriod(period, at));
}

export type RemindResult = { reminded: number; withoutChat: number };

/**
 * Reminds, now, every unit below the root that has not reported one of the digest's indicators
 * for its month, in the unit's own chat(s), through the outbox. Keyed per month, day and chat: a
 * second press the same day (or by another leader) does not send a chat the same reminder twice.
 */
export async function remindNotReported(
  deps: AppDeps,
  root: CatalogUnit,
  period: IsoMonth,
  at: Date,
): Promise<RemindResult> {
  const shown = shownPeriod(period, at);
  const data = await digestData(deps, root, at, undefined, shown);
  const missing = unitsNotReported(data);
  const chats = await activeUnitChats(deps);
  const day = vnDate(at);
  let reminded = 0;
  for (const unit of missing) {
    const mine = chats.filter((c) => c.unit.code === unit.code);
    if (mine.length > 0) reminded += 1;
    const indicators = data.filter((d) => d.notReported.some((u) => u.code === unit.code)).map((d) => d.indicator);
    for (const chat of mine) {
      await pushText(deps, {
        chatId: chat.chatId,
        dedupKey: `digest-remind:${period}:${day}:chat:${chat.chatId}`,
        kind: "reminder",
        text: digestActionTexts.reminder(unit, period, shown.closed, indicators),
      });
    }
    // Counted for escalation like the morning reminder: three ignored ones name the unit to the
    // leaders; a unit the morning already reminded today is not counted twice (one row per day).
    await recordFigureReminders(
      deps,
      mine.map((c) => ({ chatId: c.chatId, unitCode: unit.code })),
      day,
      at,
    );
  }
  return { reminded, withoutChat: missing.length - reminded };
}
