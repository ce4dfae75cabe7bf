import type { InlineKeyboardMarkup, ForceReply } from "grammy/types";
import type { BotContext } from "./context.js";
import { splitMessage } from "../render/html.js";

/**
 * Replies in HTML, split on line boundaries when longer than Telegram allows; buttons go
 * on the last part, so they stay next to the text they act on.
 */
export async function replyHtml(
  ctx: BotContext,
  html: string,
  markup?: InlineKeyboardMarkup | ForceReply,
): Promise<number | undefined> {
  const parts = splitMessage(html);
  let lastId: number | undefined;
  for (let i = 0; i < parts.length; i++) {
    const isLast = i === parts.length - 1;
    const msg = await ctx.reply(parts[i] ?? "", {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...(isLast && markup ? { reply_markup: markup } : {}),
    });
    lastId = msg.message_id;
  }
  return lastId;
}
