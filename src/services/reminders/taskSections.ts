/**
 * The task-deadline section of the morning message: each task's lead and cooperating units are
 * reminded on the days of domain/schedule/countdown.ts (TASK_OFFSETS, then every working day
 * while overdue) until the lead unit marks it done. Lead units get a "✅ Xong" button per task,
 * pointing at the occurrence's TaskOccurrence row (created open here when first reminded).
 *
 * "Each reminder once": every countdown offset maps to exactly one working day and the morning
 * message of a day is enqueued once per chat.
 */
import type { InlineKeyboardButton } from "grammy/types";
import { taskButton } from "../../render/callbackData.js";
import { deadlineHit, TASK_OFFSETS, type DeadlineHit } from "../../domain/schedule/index.js";
import { taskTexts, type TaskLine } from "../../messages/tasks.js";
import { cooperatingUnits, markKeyOf, occurrenceRow, taskItems, type TaskItem } from "../tasks/tasks.js";
import type { MorningContributor, MorningSection } from "./reminders.js";

type Hit = { item: TaskItem; hit: DeadlineHit };
type Line = TaskLine & { item: TaskItem };

export const taskSections: MorningContributor = async (ctx) => {
  const catalog = ctx.deps.catalog.get();
  const hits: Hit[] = [];
  for (const item of await taskItems(ctx.deps.prisma, catalog, ctx.day)) {
    if (item.done) continue;
    const hit = deadlineHit(item.occ.due, ctx.day, TASK_OFFSETS, ctx.cal, true);
    if (hit) hits.push({ item, hit });
  }
  if (hits.length === 0) return [];
  // One occurrence, many open lead units: cooperating units get one line naming them.
  const byOccurrence = new Map<string, Hit[]>();
  for (const h of hits) {
    const k = `${h.item.ref.directive.id}|${h.item.ref.task.code}|${h.item.occ.key}`;
    byOccurrence.set(k, [...(byOccurrence.get(k) ?? []), h]);
  }
  const linesByUnit = new Map<string, Line[]>();
  const add = (unitCode: string, line: Line) => linesByUnit.set(unitCode, [...(linesByUnit.get(unitCode) ?? []), line]);
  for (const group of byOccurrence.values()) {
    const first = group[0];
    if (!first) continue;
    const base = {
      task: first.item.ref.task,
      due: first.item.occ.due,
      hit: first.hit,
      openLeads: group.map((h) => h.item.lead),
    };
    for (const h of group) add(h.item.lead.code, { ...base, role: "lead", item: h.item });
    for (const u of cooperatingUnits(catalog, first.item.ref))
      add(u.code, { ...base, role: "cooperating", item: first.item });
  }
  const out: MorningSection[] = [];
  for (const chat of ctx.chats) {
    const lines = (linesByUnit.get(chat.unit.code) ?? []).sort((a, b) => a.due.localeCompare(b.due));
    if (lines.length === 0) continue;
    const buttons: InlineKeyboardButton.CallbackButton[] = [];
    for (const l of lines) {
      if (l.role !== "lead") continue;
      const rowId = await occurrenceRow(
        ctx.deps.prisma,
        markKeyOf(l.item.ref, l.item.occ, chat.unit.code),
        l.item.occ.due,
      );
      buttons.push({ text: taskTexts.doneButton(l.task), callback_data: taskButton.encode({ rowId }) });
    }
    out.push({
      chatId: chat.chatId,
      unitCode: chat.unit.code,
      kind: "tasks",
      lines: taskTexts.section(lines, buttons.length > 0),
      buttons,
    });
  }
  return out;
};
