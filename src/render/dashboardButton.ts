/**
 * The button that opens the dashboard Mini App. Telegram allows a `web_app` inline button only in a
 * private chat with the bot (Bot API InlineKeyboardButton.web_app: "Available only in private chats
 * between a user and the bot"); in a group the button is a `url` to the bot's Main Mini App link,
 * `https://t.me/<bot>?startapp=<parameter>` (core.telegram.org/api/links, "Main Mini App links"),
 * whose parameter names the group: Telegram hands it to the app signed, as `start_param`.
 */
import type { InlineKeyboardButton } from "grammy/types";
import { launchParamOf } from "../domain/dashboardScope.js";
import { dashboardTexts } from "../messages/dashboard.js";

/** Where the Mini App is: its public base (WEBAPP_URL) and the bot whose Main Mini App it is. */
export type DashboardLink = { appUrl: string; botUsername: string };

/** The page itself, as a `web_app` button or BotFather's Main Mini App URL points to it. */
export function dashboardPageUrl(link: Pick<DashboardLink, "appUrl">): string {
  return `${link.appUrl}/app`;
}

export function dashboardButton(
  link: DashboardLink | null | undefined,
  chat: { chatId: bigint; type: string },
): InlineKeyboardButton | null {
  if (!link) return null;
  if (chat.type === "private") return { text: dashboardTexts.button, web_app: { url: dashboardPageUrl(link) } };
  return {
    text: dashboardTexts.button,
    url: `https://t.me/${link.botUsername}?startapp=${launchParamOf(chat.chatId)}`,
  };
}
