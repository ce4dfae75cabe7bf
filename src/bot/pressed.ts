/**
 * After a button press the message it was on says what was done, by whom and when, and loses
 * the buttons that no longer apply (Telegram keeps an inline keyboard until the bot edits it, so
 * a group would otherwise see "✅ Xong" still offered on a task already done). The text is edited
 * from the message as Telegram returns it, its formatting rebuilt (render/entitiesHtml.ts).
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup, Message } from "grammy/types";
import { pressedTexts } from "../messages/pressed.js";
import { entitiesToHtml } from "../render/entitiesHtml.js";
import { MESSAGE_LIMIT } from "../render/html.js";
import type { ButtonContext } from "./buttons.js";

/** "Lan Nguyễn", else "@lan", else the id: who pressed, as the group knows them. */
export function presserName(from: { id: number; first_name: string; last_name?: string; username?: string }): string {
  return (
    [from.first_name, from.last_name].filter(Boolean).join(" ") ||
    (from.username ? `@${from.username}` : String(from.id))
  );
}

/** The HTML of a message the bot sent, rebuilt from its text and entities ("" when it has no text). */
export function messageHtml(m: Pick<Message, "text" | "entities"> | undefined): string {
  return m?.text === undefined ? "" : entitiesToHtml(m.text, m.entities);
}

/**
 * Edits the pressed message: `line` under its text, and `keyboard` (none when left out) as its
 * buttons. A message that cannot take the line (no text, too long, too old to edit) at least
 * loses its buttons. Never throws: the press itself has already been answered.
 */
export async function markPressed(
  ctx: ButtonContext,
  line: string,
  keyboard?: InlineKeyboardMarkup,
  opts: { strike?: boolean } = {},
): Promise<void> {
  const m = ctx.callbackQuery.message;
  const html = m && "text" in m ? messageHtml(m) : "";
  // `strike`: what the message said no longer holds (an undone report); it stays readable, struck through.
  const text = pressedTexts.withLine(html && opts.strike ? `<s>${html}</s>` : html, line);
  const markup = keyboard && keyboard.inline_keyboard.length > 0 ? keyboard : undefined;
  if (html && text.length <= MESSAGE_LIMIT) {
    const edited = await ctx
      .editMessageText(text, { parse_mode: "HTML", reply_markup: markup, link_preview_options: { is_disabled: true } })
      .then(() => true)
      .catch(() => false);
    if (edited) return;
  }
  await setButtons(ctx, markup);
}

/** Replaces only the buttons of the pressed message (a confirmation step, or the way back from it). */
export async function setButtons(ctx: ButtonContext, keyboard?: InlineKeyboardMarkup): Promise<void> {
  await ctx.editMessageReplyMarkup({ reply_markup: keyboard }).catch(() => undefined);
}

/** The pressed message's keyboard, or an empty one. */
export function pressedKeyboard(ctx: ButtonContext): InlineKeyboardMarkup {
  const m = ctx.callbackQuery.message;
  return m && "reply_markup" in m && m.reply_markup ? m.reply_markup : { inline_keyboard: [] };
}

const dataOf = (b: InlineKeyboardButton) => ("callback_data" in b ? b.callback_data : undefined);

/**
 * `keyboard` with the button carrying `data` replaced by `by` (its row keeps its other buttons;
 * an empty `by` removes it, and an emptied row goes too).
 */
export function replaceButton(
  keyboard: InlineKeyboardMarkup,
  data: string,
  by: readonly InlineKeyboardButton[],
): InlineKeyboardMarkup {
  const rows = keyboard.inline_keyboard
    .map((row) => row.flatMap((b) => (dataOf(b) === data ? [...by] : [b])))
    .filter((row) => row.length > 0);
  return { inline_keyboard: rows };
}

/** `keyboard` without the buttons whose data `drop` matches. */
export function withoutButtons(keyboard: InlineKeyboardMarkup, drop: (data: string) => boolean): InlineKeyboardMarkup {
  const rows = keyboard.inline_keyboard
    .map((row) => row.filter((b) => !drop(dataOf(b) ?? "")))
    .filter((row) => row.length > 0);
  return { inline_keyboard: rows };
}

/** "✔️ Xác nhận …" / "Không" in place of the pressed button: the confirmation a one-tap change asks. */
export function confirmRow(yesLabel: string, yesData: string, noData: string): InlineKeyboardButton[] {
  return [
    { text: yesLabel, callback_data: yesData },
    { text: pressedTexts.confirmNo, callback_data: noData },
  ];
}
