/**
 * The morning message (docs/SCHEDULES.md "Tin nhắn buổi sáng"): a unit chat gets at most one message a
 * morning, so every kind of reminder for it — missing figures, reporting-day countdown, peak
 * week, task deadlines — is a *section* contributed by its own module and combined here into
 * one outbox row keyed `reminder:<day>:chat:<chatId>`. Re-running the same morning adds nothing.
 */
import type { InlineKeyboardButton } from "grammy/types";
import { activeChatsOfKind } from "../../db/repos/chats.js";
import { recordFigureReminders } from "./escalation.js";
import type { WorkCalendar } from "../../domain/calendar/index.js";
import type { CatalogUnit } from "../../domain/catalog.js";
import type { IsoDate } from "../../domain/directive/dates.js";
import { chatUnit } from "../../domain/chatUnit.js";
import { reminderTexts } from "../../messages/reminders.js";
import type { AppDeps } from "../context.js";
import { pushText } from "../notify.js";

export type UnitChat = { chatId: bigint; unit: CatalogUnit };

/** Fixed order of the sections inside the combined message. */
export const MORNING_KINDS = ["figures", "reporting", "peak", "tasks"] as const;
export type MorningKind = (typeof MORNING_KINDS)[number];

export type MorningSection = {
  chatId: bigint;
  unitCode: string;
  kind: MorningKind;
  /** HTML lines, already escaped. */
  lines: string[];
  buttons?: InlineKeyboardButton.CallbackButton[];
};

export interface MorningContext {
  deps: AppDeps;
  /** The working day this morning stands for (Vietnam's date of the fire time). */
  day: IsoDate;
  /** When the run happens: reports made up to this instant count as reported. */
  at: Date;
  cal: WorkCalendar;
  chats: readonly UnitChat[];
}

export type MorningContributor = (ctx: MorningContext) => Promise<MorningSection[]>;

/** Active unit chats whose unit is still in the catalog. */
export async function activeUnitChats(deps: AppDeps): Promise<UnitChat[]> {
  const catalog = deps.catalog.get();
  const out: UnitChat[] = [];
  for (const c of await activeChatsOfKind(deps.prisma, "unit")) {
    const unit = chatUnit(catalog, c, "unit");
    if (unit) out.push({ chatId: c.chatId, unit });
  }
  return out;
}

/** Telegram shows at most a few rows of buttons comfortably on a phone. */
const MAX_BUTTONS = 6;

export const morningDedupKey = (day: IsoDate, chatId: bigint): string => `reminder:${day}:chat:${chatId}`;

export type MorningResult = { chats: number; sections: Record<MorningKind, number> };

/** Groups the sections by chat and enqueues one combined message per chat. */
export async function sendMorningMessages(
  ctx: MorningContext,
  sections: readonly MorningSection[],
): Promise<MorningResult> {
  const byChat = new Map<bigint, MorningSection[]>();
  for (const s of sections) byChat.set(s.chatId, [...(byChat.get(s.chatId) ?? []), s]);
  const counts: Record<MorningKind, number> = { figures: 0, reporting: 0, peak: 0, tasks: 0 };
  for (const [chatId, list] of byChat) {
    const chat = ctx.chats.find((c) => c.chatId === chatId);
    if (!chat) continue;
    const ordered = MORNING_KINDS.flatMap((k) => list.filter((s) => s.kind === k));
    for (const s of ordered) counts[s.kind] += 1;
    const buttons = ordered.flatMap((s) => s.buttons ?? []).slice(0, MAX_BUTTONS);
    await pushText(ctx.deps, {
      chatId,
      dedupKey: morningDedupKey(ctx.day, chatId),
      kind: "reminder",
      text: reminderTexts.morning(
        chat.unit,
        ctx.day,
        ordered.map((s) => s.lines),
      ),
      ...(buttons.length > 0 ? { replyMarkup: { inline_keyboard: buttons.map((b) => [b]) } } : {}),
    });
  }
  await logFigureReminders(
    ctx,
    sections.filter((s) => s.kind === "figures"),
  );
  return { chats: byChat.size, sections: counts };
}

/** Figure reminders are counted for escalation (domain/schedule/escalation.ts). */
async function logFigureReminders(ctx: MorningContext, sections: readonly MorningSection[]): Promise<void> {
  await recordFigureReminders(ctx.deps, sections, ctx.day, ctx.at);
}
