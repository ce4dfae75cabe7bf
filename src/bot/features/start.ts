/** `/start` and `/help`: what works in this chat, for this person (messages/help.ts). */
import { Composer } from "grammy";
import { helpTexts } from "../../messages/help.js";
import type { BotContext } from "../context.js";
import { replyHtml } from "../reply.js";
import { headOfChat, isAdmin, isLeader, leadersRootOfChat, unitOfChat } from "./access.js";

export const startFeature = new Composer<BotContext>();

async function privateHelp(ctx: BotContext, opened: boolean): Promise<string> {
  const role = (await isAdmin(ctx)) ? "admin" : (await isLeader(ctx)) ? "leader" : null;
  // Their "/" menu at /start, the chat's first message: a grant made before this chat existed
  // could not set it (services/menus/). /help asks again and again; it sets nothing.
  if (opened && role && ctx.from) await ctx.uc.roles.privateChatOpened(BigInt(ctx.from.id), role);
  if (role === "admin") return helpTexts.privateAdmin;
  return role === "leader" ? helpTexts.privateLeader : helpTexts.privateWelcome;
}

function groupHelp(ctx: BotContext): string {
  const index = ctx.uc.index.hasIndex();
  const unit = unitOfChat(ctx);
  if (unit) return helpTexts.unitGroup(unit.name, unit.code, index);
  const root = leadersRootOfChat(ctx);
  if (root) return helpTexts.leadersGroup(root.name, root.code, index);
  const head = headOfChat(ctx);
  if (head) return helpTexts.headGroup(head.name, head.code, index);
  return helpTexts.unregisteredGroup;
}

startFeature.command(["start", "help"], async (ctx) => {
  if (ctx.chat.type === "private") return replyHtml(ctx, await privateHelp(ctx, ctx.hasCommand("start")));
  const admin = await isAdmin(ctx);
  return replyHtml(ctx, groupHelp(ctx) + (admin ? helpTexts.adminInGroup : ""));
});
