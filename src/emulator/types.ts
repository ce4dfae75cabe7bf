import type { Chat, Message, Update, User } from "grammy/types";

/** Chats the emulator can host. Channels are out of scope for this bot. */
export type HostedChat = Exclude<Chat, Chat.ChannelChat>;
export type HostedChatType = HostedChat["type"];

/** The bot's own membership in a group; drives privacy mode and 403s on send. */
export type BotStatus = "member" | "administrator" | "left" | "kicked";
/** A human member's status, as getChatMember reports it. */
export type MemberStatus = "creator" | "administrator" | "member" | "left" | "kicked";

export interface UserInput {
  id: number;
  firstName: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
}

export interface ChatInput {
  id: number;
  type: HostedChatType;
  /** Required for group/supergroup. */
  title?: string;
  username?: string;
  /** Private chats: defaults to the user's first name (the user is created if missing). */
  firstName?: string;
  /** Groups only; default "member" (privacy mode applies). */
  botStatus?: BotStatus;
  /** Private chats: the user blocked the bot, sends answer 403. */
  blocked?: boolean;
  /** Group members and their status; senders are added as "member" automatically. */
  members?: Record<number, MemberStatus>;
}

export interface StoredFile {
  fileId: string;
  fileUniqueId: string;
  /** Relative path used by getFile and `/file/bot<token>/<path>`. */
  filePath: string;
  bytes: Buffer;
  fileName?: string;
  mimeType?: string;
  /** When the bot sent a URL instead of bytes (the emulator is offline, nothing is fetched). */
  sourceUrl?: string;
}

/** The parameters the bot actually sent (HTML before parsing, reply_markup as given). */
export type SentParams = Record<string, unknown>;

export type TranscriptEntry =
  | {
      kind: "message";
      at: number;
      direction: "bot" | "user";
      message: Message;
      /** User messages: whether it became an update (privacy mode / membership may drop it). */
      delivered: boolean;
      /** Bot messages: method name and raw parameters (files replaced by their file_id). */
      method?: string;
      sent?: SentParams;
    }
  | { kind: "edit"; at: number; messageId: number; message: Message; method: string; sent: SentParams }
  | { kind: "delete"; at: number; messageId: number }
  | {
      kind: "button_press";
      at: number;
      messageId: number;
      fromId: number;
      data?: string;
      callbackQueryId: string;
    }
  | {
      kind: "callback_answer";
      at: number;
      callbackQueryId: string;
      text?: string;
      showAlert: boolean;
      url?: string;
    }
  | { kind: "chat_action"; at: number; action: string }
  | { kind: "bot_status"; at: number; byId: number; oldStatus: BotStatus; newStatus: BotStatus }
  | { kind: "rejected"; at: number; method: string; errorCode: number; description: string };

export interface CallbackAnswer {
  callbackQueryId: string;
  answered: boolean;
  text?: string;
  showAlert?: boolean;
  url?: string;
}

export interface InjectResult {
  message: Message & Update.NonChannel;
  /** False when privacy mode or the bot's membership kept it from the bot. */
  delivered: boolean;
  updateId?: number;
}

export interface SendCounters {
  /** Messages the bot successfully created in the chat (album items count one each). */
  sent: number;
  /** Send attempts answered with an error (faults, rate limit, validation). */
  rejected: number;
}

export interface EmulatorEvents {
  /** Every transcript entry, in order, for every chat. */
  transcript: { chatId: number; entry: TranscriptEntry };
  /** Message entries only (bot or user) — what the sandbox pushes over SSE. */
  message: { chatId: number; direction: "bot" | "user"; message: Message };
  /** An update was queued for the bot. */
  update: { update: Update };
  /** Every Bot API call as answered (token never included). */
  request: { method: string; status: number; chatId?: number; ms: number };
}

export type { Chat, Message, Update, User };
