/**
 * Whom a question is for. A force-reply with `selective: true` opens the reply bar only for the
 * users Telegram sees as its targets: the sender of the message it replies to, and the users it
 * mentions (Bot API, ForceReply). Without it every member of a group gets the bar, and the next
 * command anyone types is sent as the answer. After a typed command the question replies to it;
 * after a button press (no message of the person's to reply to) it names the person.
 */
import type { ReplyParameters } from "grammy/types";
import { escapeHtml } from "../render/html.js";
import type { BotContext } from "./context.js";
import { presserName } from "./pressed.js";

export type AskTarget = { prefix: string; params: { reply_parameters?: ReplyParameters } };

export function replyTarget(ctx: BotContext): AskTarget {
  const message = ctx.message;
  if (message)
    return {
      prefix: "",
      params: { reply_parameters: { message_id: message.message_id, allow_sending_without_reply: true } },
    };
  const from = ctx.from;
  if (!from) return { prefix: "", params: {} };
  return { prefix: `<a href="tg://user?id=${from.id}">${escapeHtml(presserName(from))}</a>: `, params: {} };
}
