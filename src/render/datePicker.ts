/**
 * An inline date picker: a month as a grid of buttons, ‹ › to move between months, days before
 * `min` shown as "·" and refused with why when pressed (the question's own rule, not a silent
 * no-op). Hand-written rather than taken from npm: the one maintained package
 * (telegram-inline-calendar) keeps its state in memory per chat — lost on a restart, and wrong
 * with several instances — and writes its own callback data outside callbackData.ts, where
 * every press is bounded and parsed before it reaches a query.
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import { isoWeekday } from "../domain/calendar/index.js";
import { daysInMonth, pad2, type IsoDate } from "../domain/directive/dates.js";
import { datePickerButton, type DatePickerButton } from "./callbackData.js";

/** How far ahead the picker goes: a new appointment or a deadline a year out is already unusual. */
export const DATE_PICKER_MONTHS_AHEAD = 12;
const WEEKDAYS = ["T2", "T3", "T4", "T5", "T6", "T7", "CN"];

const button = (text: string, value: DatePickerButton): InlineKeyboardButton => ({
  text,
  callback_data: datePickerButton.encode(value),
});
const none = (text: string) => button(text, { kind: "none" });
const monthIndex = (year: number, month: number) => year * 12 + (month - 1);
const fromIndex = (i: number) => ({ year: Math.floor(i / 12), month: (i % 12) + 1 });

export type DatePickerView = { year: number; month: number };

/** The month a picker opens on: the one holding `min`. */
export function firstMonth(min: IsoDate): DatePickerView {
  return { year: Number(min.slice(0, 4)), month: Number(min.slice(5, 7)) };
}

/** Whether `view` is a month the picker for `min` may show (a forged "month" press is not). */
export function inPickerRange(view: DatePickerView, min: IsoDate): boolean {
  const first = firstMonth(min);
  const i = monthIndex(view.year, view.month);
  const lo = monthIndex(first.year, first.month);
  return i >= lo && i <= lo + DATE_PICKER_MONTHS_AHEAD;
}

/** The keyboard of `view`; days before `min` cannot be picked. */
export function datePickerKeyboard(view: DatePickerView, min: IsoDate): InlineKeyboardMarkup {
  const first = firstMonth(min);
  const i = monthIndex(view.year, view.month);
  const lo = monthIndex(first.year, first.month);
  const prev = i > lo ? button("‹", { kind: "month", ...fromIndex(i - 1) }) : none(" ");
  const next = i < lo + DATE_PICKER_MONTHS_AHEAD ? button("›", { kind: "month", ...fromIndex(i + 1) }) : none(" ");
  const rows: InlineKeyboardButton[][] = [
    [prev, none(`Tháng ${pad2(view.month)}/${view.year}`), next],
    WEEKDAYS.map(none),
  ];
  const monthStart = `${view.year}-${pad2(view.month)}-01`;
  let week: InlineKeyboardButton[] = Array.from({ length: isoWeekday(monthStart) - 1 }, () => none(" "));
  for (let d = 1; d <= daysInMonth(view.year, view.month); d++) {
    const date = `${view.year}-${pad2(view.month)}-${pad2(d)}`;
    week.push(date < min ? button("·", { kind: "past", date }) : button(String(d), { kind: "pick", date }));
    if (week.length === 7) {
      rows.push(week);
      week = [];
    }
  }
  if (week.length > 0) rows.push([...week, ...Array.from({ length: 7 - week.length }, () => none(" "))]);
  return { inline_keyboard: rows };
}
