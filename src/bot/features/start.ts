import { Composer } from "grammy";
import { helpTexts } from "../../messages/help.js";
import { registerTexts } from "../../messages/register.js";
import type { BotContext } from "../context.js";
import { replyHtml } from "../reply.js";
import { headOfChat, isAdmin, leadersRootOfChat, unitOfChat } from "./access.js";

export const startFeature = new Composer<BotContext>();

startFeature.command(["start", "help"], async (ctx) => {
  if (ctx.chat.type === "private") {
    return replyHtml(ctx, helpTexts.privateWelcome + ((await isAdmin(ctx)) ? helpTexts.adminExtra : ""));
  }
  if (unitOfChat(ctx)) return replyHtml(ctx, helpTexts.unitGroup);
  if (leadersRootOfChat(ctx)) return replyHtml(ctx, helpTexts.leadersGroup);
  const head = headOfChat(ctx);
  if (head) return replyHtml(ctx, helpTexts.headGroup(head.name, head.code));
  return replyHtml(ctx, registerTexts.usage);
});
