import type { ChatMember, User } from "grammy/types";
import { enqueue, unixTime, type Core } from "./core.js";
import type { ChatRecord } from "./store.js";
import type { BotStatus, MemberStatus } from "./types.js";

/** ChatMember objects as getChatMember and my_chat_member carry them. */
export function chatMember(user: User, status: MemberStatus): ChatMember {
  switch (status) {
    case "creator":
      return { status, user, is_anonymous: false };
    case "administrator":
      return {
        status,
        user,
        can_be_edited: false,
        is_anonymous: false,
        can_manage_chat: true,
        can_delete_messages: true,
        can_manage_video_chats: true,
        can_restrict_members: true,
        can_promote_members: false,
        can_change_info: true,
        can_invite_users: true,
        can_post_stories: false,
        can_edit_stories: false,
        can_delete_stories: false,
        can_pin_messages: true,
        can_send_welcome_messages: false,
      };
    case "member":
      return { status, user };
    case "left":
      return { status, user };
    case "kicked":
      return { status, user, until_date: 0 };
  }
}

/**
 * Changes the bot's membership in a group and, like Telegram, tells the bot with a
 * `my_chat_member` update. Promotion to administrator is what lifts privacy mode.
 */
export function changeBotStatus(
  core: Core,
  rec: ChatRecord,
  newStatus: BotStatus,
  by: User,
  notify: boolean,
): number | undefined {
  const oldStatus = rec.botStatus;
  rec.botStatus = newStatus;
  core.store.record(rec.chat.id, { kind: "bot_status", at: core.now(), byId: by.id, oldStatus, newStatus });
  if (!notify || oldStatus === newStatus) return undefined;
  const updateId = core.updates.nextId();
  const update = {
    update_id: updateId,
    my_chat_member: {
      chat: rec.chat,
      from: by,
      date: unixTime(core),
      old_chat_member: chatMember(core.bot, oldStatus),
      new_chat_member: chatMember(core.bot, newStatus),
    },
  };
  enqueue(core, update);
  return updateId;
}
