/**
 * The second deadline (docs/DOSSIERS.md "Hẹn lại và trễ hẹn lần 2"): a dossier re-appointed by
 * an issued apology letter is tracked against the letter's new date.
 *  1. "sắp đến ngày hẹn lại" (one working day before, as for the first deadline): the unit chat, ONCE;
 *  2. past it, "trễ hẹn lần 2": the unit chat, the unit head's chat and the leaders' chats that
 *     follow the unit, ONCE and the same day — there is no lawful second re-appointment to wait for
 *     (NĐ 61/2018 Điều 19 as amended by NĐ 107/2021; NĐ 118/2025).
 * The marks (Dossier.secondPromptedAt, secondOverdueAt) are set in the same pass as the pushes,
 * whose dedup keys name the batch's first dossier, so a re-run sends nothing twice.
 */
import type { InlineKeyboardMarkup } from "grammy/types";
import { dossierButton } from "../../render/callbackData.js";
import type { WorkCalendar } from "../../domain/calendar/index.js";
import type { IsoDate } from "../../domain/directive/dates.js";
import { dossierTexts as t } from "../../messages/dossiers.js";
import { secondDeadlineTexts as s } from "../../messages/dossiersSecond.js";
import { markDossiers } from "../../db/repos/dossiers.js";
import type { AppDeps } from "../context.js";
import { headChatIds, leaderChatIds, unitChatIds } from "./chats.js";
import { byUnit, PROMPT_BATCH, pushLong, unitName } from "./fanout.js";
import { briefOf, type TrackedDossier } from "./query.js";
import type { DossierPhase } from "./state.js";
import { pushText } from "../notify.js";

export interface SecondCounts {
  promptedAgain: number;
  lateAgain: number;
  withoutChat: number;
}

/** No second apology letter is lawful: the explanation report and "returned" are what is left. */
function secondKeyboard(items: readonly TrackedDossier[]): InlineKeyboardMarkup {
  const label = (text: string, i: number) => (items.length > 1 ? t.numbered(i + 1, text) : text);
  return {
    inline_keyboard: items.map((d, i) => [
      {
        text: label(t.explanationButton, i),
        callback_data: dossierButton.encode({ action: "explanation", dossierId: d.id }),
      },
      {
        text: label(t.returnedButton, i),
        callback_data: dossierButton.encode({ action: "returned", dossierId: d.id }),
      },
    ]),
  };
}

type Item = { dossier: TrackedDossier; phase: Extract<DossierPhase, "due-soon" | "overdue"> };

export async function sweepSecondDeadline(
  deps: AppDeps,
  items: readonly Item[],
  today: IsoDate,
  cal: WorkCalendar,
): Promise<SecondCounts> {
  const counts: SecondCounts = { promptedAgain: 0, lateAgain: 0, withoutChat: 0 };
  const now = deps.clock.now();
  const mark = async (ids: number[], fields: ("secondPromptedAt" | "secondOverdueAt")[]) => {
    for (const field of fields) await markDossiers(deps.prisma, ids, field, now);
  };
  const brief = (d: TrackedDossier) => briefOf(d, today, cal);

  // 1. near the new date
  const soon = items.filter((i) => i.phase === "due-soon" && i.dossier.secondPromptedAt === null).map((i) => i.dossier);
  for (const [unitCode, list] of byUnit(soon)) {
    const chats = await unitChatIds(deps, unitCode);
    if (chats.length === 0) {
      counts.withoutChat += list.length; // told once a unit chat is registered
      continue;
    }
    for (let i = 0; i < list.length; i += PROMPT_BATCH) {
      const batch = list.slice(i, i + PROMPT_BATCH);
      for (const chatId of chats) {
        await pushText(deps, {
          chatId,
          dedupKey: `dossier-second-soon:${batch[0]?.id}:${chatId}`,
          kind: "dossier-prompt",
          text: s.soon(unitName(deps, unitCode), batch.map(brief)),
          replyMarkup: secondKeyboard(batch),
        });
      }
      await mark(
        batch.map((d) => d.id),
        ["secondPromptedAt"],
      );
      counts.promptedAgain += batch.length;
    }
  }

  // 2. past it: unit, head and leaders at once
  const late = items.filter((i) => i.phase === "overdue" && i.dossier.secondOverdueAt === null).map((i) => i.dossier);
  const perLeaderChat = new Map<bigint, Map<string, TrackedDossier[]>>();
  const told: number[] = [];
  for (const [unitCode, list] of byUnit(late)) {
    const [units, heads, leaders] = await Promise.all([
      unitChatIds(deps, unitCode),
      headChatIds(deps, unitCode),
      leaderChatIds(deps, unitCode),
    ]);
    if (units.length + heads.length + leaders.length === 0) {
      counts.withoutChat += list.length; // told once any of its chats is registered
      continue;
    }
    const name = unitName(deps, unitCode);
    const hint = heads.length > 0 ? "" : t.headEscalationNoChat(unitCode);
    for (let i = 0; i < list.length; i += PROMPT_BATCH) {
      const batch = list.slice(i, i + PROMPT_BATCH);
      for (const chatId of units) {
        await pushText(deps, {
          chatId,
          dedupKey: `dossier-second-late:${batch[0]?.id}:${chatId}`,
          kind: "dossier-escalation",
          text: s.lateUnit(name, batch.map(brief), { head: heads.length > 0, leaders: leaders.length > 0 }) + hint,
          replyMarkup: secondKeyboard(batch),
        });
      }
    }
    for (const chatId of heads) {
      await pushLong(deps, {
        chatId,
        dedupKey: `dossier-second-head:${list[0]?.id}:${chatId}`,
        kind: "dossier-escalation",
        text: s.lateHead(name, list.map(brief)),
      });
    }
    for (const chatId of leaders) {
      const byUnitCode = perLeaderChat.get(chatId) ?? new Map<string, TrackedDossier[]>();
      byUnitCode.set(unitCode, list);
      perLeaderChat.set(chatId, byUnitCode);
    }
    told.push(...list.map((d) => d.id));
    counts.lateAgain += list.length;
  }
  for (const [chatId, units] of perLeaderChat) {
    const groups = [...units].map(([code, list]) => ({ unitName: unitName(deps, code), items: list.map(brief) }));
    const first = Math.min(...[...units.values()].flat().map((d) => d.id));
    await pushLong(deps, {
      chatId,
      dedupKey: `dossier-second-leaders:${first}:${chatId}`,
      kind: "dossier-escalation",
      text: s.lateLeaders(groups),
    });
  }
  await mark(told, ["secondOverdueAt", "secondPromptedAt"]);
  return counts;
}
