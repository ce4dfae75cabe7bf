/**
 * `my_chat_member`: the bot added, promoted or removed (docs/UPLOADS.md). Removed → the chat is
 * inactive (no pushes go there); promoted to administrator → it sees every message, so
 * ordinary conversation must be ignored silently.
 */
import { Composer } from "grammy";
import { registerTexts } from "../../messages/register.js";
import type { BotContext } from "../context.js";

export const membershipFeature = new Composer<BotContext>();

membershipFeature.on("my_chat_member", async (ctx) => {
  const update = ctx.myChatMember;
  const status = update.new_chat_member.status;
  const chatId = BigInt(update.chat.id);
  const wasIn = ["member", "administrator", "creator", "restricted"].includes(update.old_chat_member.status);
  if (status === "left" || status === "kicked") {
    await ctx.uc.chats.setMembership(chatId, { active: false, botIsAdmin: false });
    ctx.deps.logger.info({ chatId: String(chatId) }, "bot removed from chat; chat marked inactive");
    return;
  }
  await ctx.uc.chats.setMembership(chatId, { active: true, botIsAdmin: status === "administrator" });
  const isGroup = update.chat.type === "group" || update.chat.type === "supergroup";
  if (!wasIn && isGroup) await ctx.api.sendMessage(update.chat.id, registerTexts.botAdded, { parse_mode: "HTML" });
});
