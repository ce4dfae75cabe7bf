/** Who may do what in this update (docs/UPLOADS.md). */
import type { CatalogUnit } from "../../domain/catalog.js";
import { chatUnit } from "../../domain/chatUnit.js";
import type { BotContext } from "../context.js";

export async function isAdmin(ctx: BotContext): Promise<boolean> {
  const id = ctx.from?.id;
  if (id === undefined) return false;
  const uid = BigInt(id);
  if (ctx.deps.adminIds.includes(uid)) return true;
  return (await ctx.uc.roles.roleOf(uid))?.role === "admin";
}

/** Leaders and administrators (an administrator may do whatever a leader may); one role lookup. */
export async function isLeader(ctx: BotContext): Promise<boolean> {
  const id = ctx.from?.id;
  if (id === undefined) return false;
  const uid = BigInt(id);
  if (ctx.deps.adminIds.includes(uid)) return true;
  const role = (await ctx.uc.roles.roleOf(uid))?.role;
  return role === "admin" || role === "leader";
}

/**
 * The unit this chat reports for: a registered, active unit chat. Its members are the unit's
 * officers ("reports for the units whose chats they are in").
 */
export function unitOfChat(ctx: BotContext): CatalogUnit | null {
  return chatUnit(ctx.deps.catalog.get(), ctx.chatRecord, "unit");
}

/** The root of the subtree a leaders' chat oversees. */
export function leadersRootOfChat(ctx: BotContext): CatalogUnit | null {
  return chatUnit(ctx.deps.catalog.get(), ctx.chatRecord, "leaders");
}

/**
 * The unit whose heads' chat this is (registration kind "head", approved): it approves the
 * unit's letters and sees the unit's standing, but reports nothing.
 */
export function headOfChat(ctx: BotContext): CatalogUnit | null {
  return chatUnit(ctx.deps.catalog.get(), ctx.chatRecord, "head");
}

export function isGroup(ctx: BotContext): boolean {
  return ctx.chat?.type === "group" || ctx.chat?.type === "supergroup";
}
