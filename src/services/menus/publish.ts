/**
 * Sets Telegram's command menus by scope (Bot API BotCommandScope; Telegram shows, in a group,
 * the `chat` scope's list before `all_group_chats` and `default`, and in a private chat the
 * `chat` scope's before `all_private_chats`). So: defaults for every private chat and every
 * group once at start, then one `chat`-scoped list per registered group (by its kind) and per
 * leader's or administrator's private chat (a private chat's id is its user's id).
 * A menu is a convenience: a refusal or a network error is logged and never breaks an update.
 */
import type { BotCommand, BotCommandScope } from "grammy/types";
import type { ChatKind } from "../../db/repos/chats.js";
import type { Role } from "../../db/repos/people.js";
import type { Logger } from "../../logger.js";
import { menuOf, type MenuKind } from "../../messages/menus.js";

/** The two Bot API methods used, as grammY's `bot.api` offers them. */
export interface CommandsPort {
  setMyCommands(commands: readonly BotCommand[], other?: { scope?: BotCommandScope }): Promise<unknown>;
  deleteMyCommands(other?: { scope?: BotCommandScope }): Promise<unknown>;
}

export type MenuPublisher = ReturnType<typeof createMenuPublisher>;

/** Telegram's "Bad Request: chat not found", as grammY's error carries it (no grammY import here). */
function chatNotFound(e: unknown): boolean {
  return typeof e === "object" && e !== null && "description" in e && /chat not found/i.test(String(e.description));
}

const CHAT_MENUS: Partial<Record<ChatKind, MenuKind>> = { unit: "unit", leaders: "leaders", head: "head" };

/** `hasIndex`: whether a scored index is loaded now (its `/chiso` joins the menus that show standings). */
export function createMenuPublisher(api: CommandsPort, logger: Logger, hasIndex: () => boolean = () => false) {
  async function attempt(scope: BotCommandScope, call: () => Promise<unknown>): Promise<boolean> {
    try {
      await call();
      return true;
    } catch (e) {
      // The logger redacts the token grammY errors quote (src/logger.ts); the scope says which menu.
      // A person who never opened a private chat with the bot has none to set a menu in: expected,
      // and their menu is set when they send /start there (features/start.ts).
      if (scope.type === "chat" && chatNotFound(e))
        logger.info({ scope }, "command menu not set: no private chat with the bot yet");
      else logger.warn({ err: e, scope }, "command menu not set");
      return false;
    }
  }
  const set = (scope: BotCommandScope, kind: MenuKind) =>
    attempt(scope, () => api.setMyCommands(menuOf(kind, { index: hasIndex() }), { scope }));

  return {
    /** The menus every chat falls back to: private chats, unregistered groups, anything else. */
    async publishDefaults(): Promise<void> {
      await set({ type: "default" }, "default");
      await set({ type: "all_private_chats" }, "private");
      await set({ type: "all_group_chats" }, "group");
    },
    /** A group's own menu after it registers or changes kind; a chat of no kind falls back to the groups' menu. */
    async publishChat(chatId: bigint, kind: ChatKind): Promise<boolean> {
      const scope: BotCommandScope = { type: "chat", chat_id: Number(chatId) };
      const menu = CHAT_MENUS[kind];
      return menu ? set(scope, menu) : attempt(scope, () => api.deleteMyCommands({ scope }));
    },
    /** A person's private menu after a grant or a revocation: administrators and leaders see their tools. */
    async publishPerson(telegramId: bigint, role: Role | null): Promise<boolean> {
      const scope: BotCommandScope = { type: "chat", chat_id: Number(telegramId) };
      if (role === "admin") return set(scope, "privateAdmin");
      if (role === "leader") return set(scope, "privateLeader");
      return attempt(scope, () => api.deleteMyCommands({ scope }));
    },
  };
}
