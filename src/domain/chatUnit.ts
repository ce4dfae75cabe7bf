/**
 * "Which unit is this chat": the one lookup. A chat stands for a unit only once an administrator
 * approved its `/dangky` (kind and unit recorded on the chat) and while the bot is still in it;
 * the unit must still be in the catalog (a unit list reloaded without it unbinds its chats).
 * The bot asks it of the chat of an update (bot/features/access.ts), the jobs of every chat
 * they write to.
 */
import type { Catalog, CatalogUnit } from "./catalog.js";

/** unit: an officers' chat that reports; leaders: oversees a subtree; head: approves letters. */
export type ChatBindingKind = "unit" | "leaders" | "head";
export type BoundChat = { kind: string; unitCode: string | null; active: boolean };

export function chatUnit(catalog: Catalog, chat: BoundChat | null, kind: ChatBindingKind): CatalogUnit | null {
  if (!chat?.active || chat.kind !== kind || !chat.unitCode) return null;
  return catalog.unit(chat.unitCode) ?? null;
}
