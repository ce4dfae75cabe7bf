/**
 * Names for approvers the bot has never heard named: a heads' chat registered before approvers
 * were recorded gives only its registrar's id. Telegram knows the name; it is kept once asked, so
 * refusals and lists say "Hùng", not "id 601".
 */
import type { User } from "grammy/types";
import type { Approver } from "../../domain/approvers.js";
import type { BotContext } from "../context.js";

export const fullName = (u: Pick<User, "first_name" | "last_name">): string | null =>
  [u.first_name, u.last_name].filter(Boolean).join(" ") || null;

export async function withNames(
  ctx: BotContext,
  unitCode: string,
  approvers: readonly Approver[],
): Promise<Approver[]> {
  if (approvers.every((a) => a.name || a.telegramName)) return [...approvers];
  const heads = await ctx.uc.approvers.headChatIds(unitCode);
  const out: Approver[] = [];
  for (const a of approvers) {
    out.push(a.name || a.telegramName ? a : await named(ctx, unitCode, heads, a));
  }
  return out;
}

async function named(ctx: BotContext, unitCode: string, heads: readonly bigint[], a: Approver): Promise<Approver> {
  for (const chatId of heads) {
    const m = await ctx.api.getChatMember(Number(chatId), Number(a.telegramId)).catch(() => null);
    const telegramName = m ? fullName(m.user) : null;
    if (!telegramName) continue;
    await ctx.uc.approvers.updateApproverNames({ ...a, unitCode }, { telegramName });
    return { ...a, telegramName };
  }
  return a;
}
