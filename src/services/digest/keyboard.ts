/**
 * The buttons under a leaders' digest (docs/SCHEDULES.md "Bản tin tuần"): remind the units that
 * have not reported, the full list, the figures as .xlsx, one indicator's chart. They carry the
 * root and the month the digest showed (render/callbackData.ts `digestButton`).
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import type { CatalogUnit } from "../../domain/catalog.js";
import { digestActionTexts as t } from "../../messages/digestActions.js";
import { digestTitle } from "../../messages/digest.js";
import { escapeHtml } from "../../render/html.js";
import { CALLBACK_DATA_MAX, digestButton, type DigestButton } from "../../render/callbackData.js";
import type { IndicatorDigest } from "./data.js";

/** `text`: what the buttons' own message says when they cannot ride on a photo (after an album). */
export type DigestKeyboard = { markup: InlineKeyboardMarkup; text: string };

type Button = InlineKeyboardButton.CallbackButton;

/** A button, or none when its data would pass Telegram's 64 bytes (an unusually long code). */
export function digestCallback(text: string, press: DigestButton): Button[] {
  const data = digestButton.encode(press);
  return Buffer.byteLength(data) <= CALLBACK_DATA_MAX ? [{ text, callback_data: data }] : [];
}

/** Units below the root that have not reported at least one of the digest's indicators. */
export function unitsNotReported(data: readonly IndicatorDigest[]): CatalogUnit[] {
  const byCode = new Map<string, CatalogUnit>();
  for (const d of data) for (const u of d.notReported) byCode.set(u.code, u);
  return [...byCode.values()];
}

/** `dashboard`: the button opening the dashboard Mini App for this chat (render/dashboardButton.ts), last. */
export function digestKeyboard(
  root: CatalogUnit,
  data: readonly IndicatorDigest[],
  indicatorCount: number,
  dashboard: InlineKeyboardButton | null = null,
): DigestKeyboard | null {
  const [first] = data;
  if (!first) return null;
  const at = { root: root.code, period: first.period };
  const missing = unitsNotReported(data).length;
  const rows: InlineKeyboardButton[][] = [
    missing > 0 ? digestCallback(t.remindButton(missing), { action: "remind", ...at }) : [],
    [
      ...digestCallback(t.listButton, { action: "list", ...at }),
      ...digestCallback(t.xlsxButton, { action: "xlsx", ...at }),
    ],
    indicatorCount > 1 ? digestCallback(t.pickButton, { action: "pick", ...at }) : [],
    dashboard ? [dashboard] : [],
  ].filter((r) => r.length > 0);
  if (rows.length === 0) return null;
  return { markup: { inline_keyboard: rows }, text: `⬆️ ${escapeHtml(digestTitle(first))}` };
}
