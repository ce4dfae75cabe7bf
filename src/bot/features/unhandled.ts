/**
 * Last in the chain (grammY template habit). Anything addressed to the bot that no feature
 * took — an unknown command, a reply to the bot, a private message — gets a short pointer to
 * /help; ordinary group conversation (seen when the bot is an administrator) is ignored.
 */
import { Composer } from "grammy";
import { common } from "../../messages/common.js";
import type { BotContext } from "../context.js";
import { replyHtml } from "../reply.js";

export const unhandledFeature = new Composer<BotContext>();

unhandledFeature.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: "Nút này không còn hiệu lực." }));

unhandledFeature.on("message", async (ctx) => {
  const msg = ctx.message;
  if (ctx.chat.type === "private") return replyHtml(ctx, common.unknownCommand);
  const text = msg.text ?? msg.caption ?? "";
  const me = ctx.me.username.toLowerCase();
  const isCommand = text.startsWith("/");
  const repliesToBot = msg.reply_to_message?.from?.id === ctx.me.id;
  const mentionsBot = text.toLowerCase().includes(`@${me}`);
  if (isCommand) {
    // "/lenh@otherbot" is for another bot in the group: not ours to answer.
    const target = /^\/[^\s@]+@(\S+)/.exec(text)?.[1];
    if (target && target.toLowerCase() !== me) return;
    return replyHtml(ctx, common.unknownCommand);
  }
  if (repliesToBot || mentionsBot) return replyHtml(ctx, common.unknownCommand);
});
