import type { BotCommand, ChatMember, Update, UserFromGetMe } from "grammy/types";
import { z } from "zod";
import { chatFor, type BotSettings } from "../core.js";
import { ApiError, badRequest } from "../errors.js";
import { changeBotStatus, chatMember } from "../membership.js";
import { scopeKey } from "../menus.js";
import { bool, chatIdParam, int, json, parseParams } from "../params.js";
import type { MethodCall, MethodDef } from "./common.js";

const getUpdatesSchema = z.object({ offset: int.optional(), limit: int.optional(), timeout: int.optional() });

function getUpdates({ core, req, signal }: MethodCall): Promise<Update[]> {
  if (core.settings.webhookUrl) {
    throw new ApiError(
      409,
      "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    );
  }
  const p = parseParams(getUpdatesSchema, req.params);
  return core.updates.take(
    {
      ...(p.offset !== undefined ? { offset: p.offset } : {}),
      ...(p.limit !== undefined ? { limit: p.limit } : {}),
      ...(p.timeout !== undefined ? { timeoutSec: p.timeout } : {}),
    },
    signal,
  );
}

const dropSchema = z.object({ drop_pending_updates: bool.optional(), url: z.string().optional() });

function setWebhook(settings: BotSettings, url: string | undefined): void {
  if (url) settings.webhookUrl = url;
  else delete settings.webhookUrl;
}

const commandsSchema = z.object({
  commands: json(
    z.array(z.object({ command: z.string().regex(/^[a-z0-9_]{1,32}$/), description: z.string().min(1).max(256) })),
  ),
  scope: json(z.object({ type: z.string(), chat_id: chatIdParam.optional(), user_id: int.optional() })).optional(),
  language_code: z.string().optional(),
});
const scopeSchema = commandsSchema.pick({ scope: true, language_code: true });

const SCOPE_TYPES = [
  "default",
  "all_private_chats",
  "all_group_chats",
  "all_chat_administrators",
  "chat",
  "chat_administrators",
  "chat_member",
];

/** The scope's key, after Telegram's checks: a known type, and a chat the bot knows for the chat scopes. */
function checkedScopeKey(core: MethodCall["core"], p: z.output<typeof scopeSchema>): string {
  const type = p.scope?.type ?? "default";
  if (!SCOPE_TYPES.includes(type)) throw badRequest("unsupported bot command scope type");
  if (type.startsWith("chat")) {
    if (p.scope?.chat_id === undefined) throw badRequest("chat_id is empty");
    chatFor(core, p.scope.chat_id);
  }
  return scopeKey(p);
}

const memberSchema = z.object({ chat_id: chatIdParam, user_id: int });

function getChatMember({ core, req }: MethodCall): ChatMember {
  const p = parseParams(memberSchema, req.params);
  const rec = chatFor(core, p.chat_id);
  if (p.user_id === core.bot.id) return chatMember(core.bot, rec.botStatus);
  const user = core.store.users.get(p.user_id);
  if (!user) throw badRequest("user not found");
  if (rec.chat.type === "private") return chatMember(user, rec.chat.id === user.id ? "member" : "left");
  return chatMember(user, rec.members.get(user.id) ?? "left");
}

/** A subset of ChatFullInfo: the fields this project reads. */
function getChat({ core, req }: MethodCall): Record<string, unknown> {
  const p = parseParams(z.object({ chat_id: chatIdParam }), req.params);
  const rec = chatFor(core, p.chat_id);
  return {
    ...rec.chat,
    accent_color_id: 0,
    max_reaction_count: 11,
    accepted_gift_types: {
      unlimited_gifts: false,
      limited_gifts: false,
      unique_gifts: false,
      premium_subscription: false,
      gifts_from_channels: false,
    },
  };
}

function leaveChat({ core, req }: MethodCall): true {
  const p = parseParams(z.object({ chat_id: chatIdParam }), req.params);
  const rec = chatFor(core, p.chat_id);
  if (rec.chat.type === "private") throw badRequest("chat member status can't be changed in private chats");
  changeBotStatus(core, rec, "left", core.bot, true);
  return true;
}

export const metaMethods: Record<string, MethodDef> = {
  getMe: { handle: ({ core }): UserFromGetMe => core.bot },
  getUpdates: { handle: getUpdates },
  deleteWebhook: {
    handle: ({ core, req }) => {
      const p = parseParams(dropSchema, req.params);
      if (p.drop_pending_updates) core.updates.dropPending();
      setWebhook(core.settings, undefined);
      return true;
    },
  },
  setWebhook: {
    handle: ({ core, req }) => {
      const p = parseParams(dropSchema, req.params);
      if (p.drop_pending_updates) core.updates.dropPending();
      setWebhook(core.settings, p.url);
      return true;
    },
  },
  getWebhookInfo: {
    handle: ({ core }) => ({
      url: core.settings.webhookUrl ?? "",
      has_custom_certificate: false,
      pending_update_count: core.updates.size(),
    }),
  },
  setMyCommands: {
    handle: ({ core, req }) => {
      const p = parseParams(commandsSchema, req.params);
      core.settings.commands.set(checkedScopeKey(core, p), p.commands);
      return true;
    },
  },
  getMyCommands: {
    handle: ({ core, req }): BotCommand[] =>
      core.settings.commands.get(checkedScopeKey(core, parseParams(scopeSchema, req.params))) ?? [],
  },
  deleteMyCommands: {
    handle: ({ core, req }) =>
      core.settings.commands.delete(checkedScopeKey(core, parseParams(scopeSchema, req.params))) || true,
  },
  getChat: { handle: getChat },
  getChatMember: { handle: getChatMember },
  leaveChat: { handle: leaveChat },
};
