/**
 * Command menus by scope, as Telegram keeps and shows them (Bot API, BotCommandScope,
 * "Determining list of commands"): `setMyCommands` stores a list per scope and language; a user
 * looking at a chat sees the first list set along a fixed order of scopes, narrowest first.
 */
import type { BotCommand } from "grammy/types";
import type { Core } from "./core.js";

export type ScopeParams = {
  scope?: { type: string; chat_id?: number | string | undefined; user_id?: number | undefined } | undefined;
  language_code?: string | undefined;
};

/** `${type}:${chat_id}:${language}`, and `:${user_id}` for a chat_member scope. */
export function scopeKey(p: ScopeParams): string {
  const base = `${p.scope?.type ?? "default"}:${p.scope?.chat_id ?? ""}:${p.language_code ?? ""}`;
  return p.scope?.user_id === undefined ? base : `${base}:${p.scope.user_id}`;
}

const key = (type: string, chatId: number | "" = "", userId?: number) =>
  scopeKey({ scope: { type, chat_id: chatId, ...(userId === undefined ? {} : { user_id: userId }) } });

/** The menu `userId` sees in `chatId` (no language-specific lists: the bot sets none). */
export function visibleCommands(core: Core, chatId: number, userId: number): BotCommand[] {
  const rec = core.store.findChat(chatId);
  const lists = core.settings.commands;
  const order =
    rec?.chat.type === "private"
      ? [key("chat", chatId), key("all_private_chats"), key("default")]
      : (() => {
          const status = rec?.members.get(userId);
          const admin = status === "administrator" || status === "creator";
          return [
            key("chat_member", chatId, userId),
            ...(admin ? [key("chat_administrators", chatId)] : []),
            key("chat", chatId),
            ...(admin ? [key("all_chat_administrators")] : []),
            key("all_group_chats"),
            key("default"),
          ];
        })();
  for (const k of order) {
    const list = lists.get(k);
    if (list) return list;
  }
  return [];
}
