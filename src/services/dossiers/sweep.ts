/**
 * The daily overdue sweep (docs/DOSSIERS.md; OVERDUE_SWEEP_CRON, working days only):
 *  1. each dossier that became "sắp quá hạn" or "quá hạn" is prompted ONCE in its unit chat,
 *     batched per unit (PROMPT_BATCH dossiers a message, each with its two buttons);
 *  2. overdue one full working day after the prompt without an apology → the unit head, ONCE;
 *  3. the next working day, still without an issued apology → leaders, ONCE;
 *  4. a dossier re-appointed by an issued apology letter is tracked against its new date
 *     (dossiers/sweepSecond.ts);
 *  5. names of applicants no feature needs any more are dropped (dossiers/applicant.ts, NĐ 13/2023).
 * Every push goes through the outbox; a batch's dedup key names its first dossier, which is
 * marked in the same pass, so neither a re-run nor a crash sends a batch twice.
 */
import type { InlineKeyboardMarkup } from "grammy/types";
import { isWorkingDay, type WorkCalendar } from "../../domain/calendar/index.js";
import { vnDate, type IsoDate } from "../../domain/directive/dates.js";
import { markDossiers, type Dossier } from "../../db/repos/dossiers.js";
import { dossierTexts as t } from "../../messages/dossiers.js";
import type { AppDeps } from "../context.js";
import { forgetApplicants } from "./applicant.js";
import { headChatIds, leaderChatIds, unitChatIds } from "./chats.js";
import { apologyState, briefOf, documentsOf, dossiersNeedingAttention } from "./query.js";
import { deadlineOf } from "./state.js";
import { byUnit, PROMPT_BATCH, pushLong, unitName } from "./fanout.js";
import { sweepSecondDeadline } from "./sweepSecond.js";
import { pushText } from "../notify.js";
import { dossierButton } from "../../render/callbackData.js";

export interface SweepCounts {
  skipped?: "day-off";
  prompted: number;
  escalatedToHead: number;
  escalatedToLeaders: number;
  withoutChat: number;
  applicantsForgotten: number;
  /** re-appointed dossiers near their new date, told to the unit */
  promptedAgain: number;
  /** re-appointed dossiers past their new date ("trễ hẹn lần 2"), told to unit, head and leaders */
  lateAgain: number;
}

export function promptKeyboard(items: readonly Dossier[]): InlineKeyboardMarkup {
  const many = items.length > 1;
  return {
    inline_keyboard: items.map((d, i) => [
      {
        text: many ? t.numbered(i + 1, t.apologyButton) : t.apologyButton,
        callback_data: dossierButton.encode({ action: "apology", dossierId: d.id }),
      },
      {
        text: many ? t.numbered(i + 1, t.returnedButton) : t.returnedButton,
        callback_data: dossierButton.encode({ action: "returned", dossierId: d.id }),
      },
    ]),
  };
}

export async function sweepOverdue(deps: AppDeps, today: IsoDate, cal: WorkCalendar): Promise<SweepCounts> {
  const counts: SweepCounts = {
    prompted: 0,
    escalatedToHead: 0,
    escalatedToLeaders: 0,
    withoutChat: 0,
    applicantsForgotten: 0,
    promptedAgain: 0,
    lateAgain: 0,
  };
  if (!isWorkingDay(today, cal)) return { ...counts, skipped: "day-off" };
  const now = deps.clock.now();
  const all = await dossiersNeedingAttention(deps, {}, today, cal);
  // Once an issued letter re-appointed a dossier, only the second deadline's rules apply to it.
  const attention = all.filter((a) => a.dossier.reappointment === null);
  const overdueIds = new Set(attention.filter((a) => a.phase === "overdue").map((a) => a.dossier.id));
  const docs = await documentsOf(deps, [...overdueIds]);
  const markAll = async (ids: number[], field: "promptedAt" | "escalatedAt" | "escalatedLeadersAt") => {
    await markDossiers(deps.prisma, ids, field, now);
  };

  // 1. prompts
  const toPrompt = attention.filter((a) => a.dossier.promptedAt === null).map((a) => a.dossier);
  for (const [unitCode, list] of byUnit(toPrompt)) {
    const chats = await unitChatIds(deps, unitCode);
    if (chats.length === 0) {
      counts.withoutChat += list.length; // prompted once a unit chat is registered
      continue;
    }
    for (let i = 0; i < list.length; i += PROMPT_BATCH) {
      const batch = list.slice(i, i + PROMPT_BATCH);
      const items = batch.map((d) => ({ ...briefOf(d, today, cal), overdue: overdueIds.has(d.id) }));
      for (const chatId of chats) {
        await pushText(deps, {
          chatId,
          dedupKey: `dossier-prompt:${batch[0]?.id}:${chatId}`,
          kind: "dossier-prompt",
          text: t.promptText(unitName(deps, unitCode), items),
          replyMarkup: promptKeyboard(batch),
        });
      }
      await markAll(
        batch.map((d) => d.id),
        "promptedAt",
      );
      counts.prompted += batch.length;
    }
  }

  const dayOf = (at: Date | null): IsoDate | null => (at ? vnDate(at) : null);
  const overdue = attention.filter((a) => a.phase === "overdue").map((a) => a.dossier);

  // 2. the unit head: prompted on an earlier day, one full working day overdue, no apology at all
  const toHead = overdue.filter((d) => {
    const prompted = dayOf(d.promptedAt);
    return (
      d.dueAt &&
      d.escalatedAt === null &&
      prompted !== null &&
      prompted < today &&
      today >= deadlineOf(d.dueAt.slice(0, 10), cal).headFrom &&
      apologyState(docs.get(d.id) ?? []) === "none"
    );
  });
  for (const [unitCode, list] of byUnit(toHead)) {
    const heads = await headChatIds(deps, unitCode);
    const text = t.headEscalation(
      unitName(deps, unitCode),
      list.map((d) => briefOf(d, today, cal)),
    );
    // No head chat: the unit chat hears it instead, with how to register one.
    const targets = heads.length > 0 ? heads : await unitChatIds(deps, unitCode);
    const suffix = heads.length > 0 ? "" : t.headEscalationNoChat(unitCode);
    for (const chatId of targets) {
      await pushLong(deps, {
        chatId,
        dedupKey: `dossier-head:${list[0]?.id}:${chatId}`,
        kind: "dossier-escalation",
        text: text + suffix,
      });
    }
    if (targets.length === 0) counts.withoutChat += list.length;
    await markAll(
      list.map((d) => d.id),
      "escalatedAt",
    );
    counts.escalatedToHead += list.length;
  }

  // 3. leaders: the head was told on an earlier day and no apology has been issued since
  const toLeaders = overdue.filter((d) => {
    const escalated = dayOf(d.escalatedAt);
    return (
      d.dueAt &&
      d.escalatedLeadersAt === null &&
      escalated !== null &&
      escalated < today &&
      today >= deadlineOf(d.dueAt.slice(0, 10), cal).leadersFrom &&
      apologyState(docs.get(d.id) ?? []) !== "issued"
    );
  });
  const perChat = new Map<bigint, Map<string, Dossier[]>>();
  for (const [unitCode, list] of byUnit(toLeaders)) {
    const chats = await leaderChatIds(deps, unitCode);
    if (chats.length === 0) counts.withoutChat += list.length;
    for (const chatId of chats) {
      const units = perChat.get(chatId) ?? new Map<string, Dossier[]>();
      units.set(unitCode, list);
      perChat.set(chatId, units);
    }
  }
  for (const [chatId, units] of perChat) {
    const groups = [...units].map(([code, list]) => ({
      unitName: unitName(deps, code),
      items: list.map((d) => briefOf(d, today, cal)),
    }));
    const first = Math.min(...[...units.values()].flat().map((d) => d.id));
    await pushLong(deps, {
      chatId,
      dedupKey: `dossier-leaders:${first}:${chatId}`,
      kind: "dossier-escalation",
      text: t.leadersEscalation(groups),
    });
  }
  await markAll(
    toLeaders.map((d) => d.id),
    "escalatedLeadersAt",
  );
  counts.escalatedToLeaders = toLeaders.length;

  // 4. the re-appointed date: near it, then past it ("trễ hẹn lần 2")
  const second = await sweepSecondDeadline(
    deps,
    all.filter((a) => a.dossier.reappointment !== null),
    today,
    cal,
  );
  counts.promptedAgain = second.promptedAgain;
  counts.lateAgain = second.lateAgain;
  counts.withoutChat += second.withoutChat;

  // 5. mostly names stored before the rule; every other path drops a name when it stops being needed
  counts.applicantsForgotten = await forgetApplicants(deps);
  return counts;
}
