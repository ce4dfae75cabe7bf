/**
 * The new appointment date of an apology, asked with the inline date picker (render/datePicker.ts):
 * a tap on a day answers, ‹ › move between months, a day already past is refused with why. A
 * typed dd/mm/yyyy replying to the same message still answers (dossiersReplies.ts), so the
 * question is a plain message, not a force-reply: Telegram allows one or the other on a message.
 */
import { Composer } from "grammy";
import { addDays, nextWorkingDay } from "../../domain/calendar/index.js";
import { formatViDate } from "../../domain/directive/dates.js";
import { dossierTexts as t } from "../../messages/dossiers.js";
import { dossierButtonTexts as bt } from "../../messages/dossiersButtons.js";
import { pressedTexts } from "../../messages/pressed.js";
import { datePickerButton } from "../../render/callbackData.js";
import { plainText } from "../../render/html.js";
import { datePickerKeyboard, firstMonth, inPickerRange } from "../../render/datePicker.js";
import { checkNewIsoDate } from "../../services/apology/flow.js";
import { todayOf, workCalendar } from "../../services/calendar.js";
import type { PendingData } from "../../services/dossiers/pending.js";
import { alert, onButton, type ButtonContext } from "../buttons.js";
import type { BotContext } from "../context.js";
import { markPressed, presserName, setButtons } from "../pressed.js";
import { replyTarget } from "../askTarget.js";

type DateData = PendingData<"dossier-date">;
/** What the conversation does once the date is known (the salutation question or the drafts). */
export type OnDate = (ctx: BotContext, data: DateData, date: string) => Promise<unknown>;

/** The first day a new appointment may be: tomorrow (the rule is "after today"). */
const firstDay = (ctx: BotContext) => addDays(todayOf(ctx.deps), 1);

/** Asks for the new date: the picker on the month of tomorrow; `before` says why it is asked again. */
export async function askNewDate(ctx: BotContext, code: string, data: DateData, before?: string): Promise<void> {
  const chat = ctx.chat;
  if (!chat) return;
  const example = nextWorkingDay(todayOf(ctx.deps), await workCalendar());
  const min = firstDay(ctx);
  const target = replyTarget(ctx);
  const text = `${before ? `${before}\n\n` : ""}${target.prefix}${t.askDate(code, example)}`;
  const msg = await ctx.reply(text, {
    parse_mode: "HTML",
    reply_markup: datePickerKeyboard(firstMonth(min), min),
    ...target.params,
  });
  await ctx.uc.dossiers.askPending({
    chatId: BigInt(chat.id),
    userId: BigInt(ctx.from?.id ?? 0),
    messageId: msg.message_id,
    kind: "dossier-date",
    data,
  });
}

/** The picker's presses; `onDate` continues the conversation with the chosen day. */
export function dossiersDateFeature(onDate: OnDate): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  onButton(feature, datePickerButton, async (ctx, press) => {
    if (press.kind === "none") return ctx.answerCallbackQuery();
    const question = ctx.callbackQuery.message;
    const pending = question && (await ctx.uc.dossiers.findPending(BigInt(question.chat.id), question.message_id));
    if (pending?.kind !== "dossier-date") {
      await setButtons(ctx);
      return alert(ctx, bt.dateAskGone);
    }
    if (pending.userId !== BigInt(ctx.from.id)) return alert(ctx, t.notYourQuestion);
    const min = firstDay(ctx);
    switch (press.kind) {
      case "month":
        if (!inPickerRange(press, min)) return ctx.answerCallbackQuery();
        await setButtons(ctx, datePickerKeyboard(press, min));
        return ctx.answerCallbackQuery();
      case "past":
        return alert(ctx, bt.datePast(press.date, min));
      case "pick":
        return picked(ctx, pending.id, pending.data, press.date, onDate);
    }
  });
  return feature;
}

async function picked(ctx: ButtonContext, id: number, data: DateData, date: string, onDate: OnDate) {
  const checked = checkNewIsoDate(date, todayOf(ctx.deps), await workCalendar());
  if (!checked.ok) return alert(ctx, plainText(checked.message));
  if (!(await ctx.uc.dossiers.closePending(id))) return ctx.answerCallbackQuery();
  await ctx.answerCallbackQuery({ text: bt.datePicked(date) });
  await markPressed(ctx, pressedTexts.line("picked", presserName(ctx.from), ctx.deps.clock.now(), formatViDate(date)));
  return onDate(ctx, data, checked.date);
}
