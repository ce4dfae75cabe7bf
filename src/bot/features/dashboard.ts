/**
 * `/bangdieukhien`: the button that opens the dashboard Mini App for this chat (docs/WEBAPP.md).
 * Who then sees what is decided by the Mini App's server from Telegram's signed launch data, not
 * by this button: a copied or edited link opens nothing more.
 */
import { Composer } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import { dashboardTexts as t } from "../../messages/dashboard.js";
import { escapeHtml } from "../../render/html.js";
import { dashboardButton } from "../../render/dashboardButton.js";
import type { BotContext } from "../context.js";
import { replyHtml } from "../reply.js";
import { headOfChat, isGroup, isLeader, leadersRootOfChat, unitOfChat } from "./access.js";

export const dashboardFeature = new Composer<BotContext>();

/** The dashboard button of this chat as a one-button keyboard, or undefined when the Mini App is off. */
export function dashboardMarkup(ctx: BotContext): InlineKeyboardMarkup | undefined {
  const chat = ctx.chat;
  if (!chat) return undefined;
  const button = dashboardButton(ctx.deps.dashboardLink(), { chatId: BigInt(chat.id), type: chat.type });
  return button ? { inline_keyboard: [[button]] } : undefined;
}

async function whatThisChatSees(ctx: BotContext): Promise<string | null> {
  const root = leadersRootOfChat(ctx);
  if (root) return t.leadersWhat(escapeHtml(root.name));
  const unit = unitOfChat(ctx) ?? headOfChat(ctx);
  if (unit) return t.unitWhat(escapeHtml(unit.name));
  if (!isGroup(ctx) && (await isLeader(ctx))) return t.allWhat;
  return null;
}

dashboardFeature.command("bangdieukhien", async (ctx) => {
  const what = await whatThisChatSees(ctx);
  if (!what) return replyHtml(ctx, t.notHere);
  const markup = dashboardMarkup(ctx);
  if (!markup) return replyHtml(ctx, t.off);
  return replyHtml(ctx, t.open(what), markup);
});
