/**
 * What the page draws, derived from the emulator's transcript (docs/SANDBOX.md): text + entities (the
 * page builds DOM nodes from them, never HTML), photo and document links, inline buttons,
 * albums, force-reply prompts. Nothing here invents a message the bot did not send.
 */
import type { Message, MessageEntity } from "grammy/types";
import { z } from "zod";
import type { Emulator, SentParams, TranscriptEntry } from "../emulator/index.js";

/** `webApp`: a `web_app` button's page (private chats); a `url` to the bot's Mini App opens the dashboard pane too. */
export type ViewButton = { text: string; data?: string; url?: string; webApp?: string };
export type ViewMessage = {
  id: number;
  date: number;
  edited: boolean;
  from: { id: number; name: string; isBot: boolean };
  text: string;
  entities: MessageEntity[];
  photo?: { url: string; width: number; height: number };
  document?: { url: string; name: string; size: number };
  mediaGroupId?: string;
  replyTo?: { id: number; from: string; text: string };
  buttons: ViewButton[][];
  /** The bot asked for an answer: the page's next message in this chat replies to it. */
  forceReply: boolean;
  /** What the bot asked Telegram to show in the empty input field while it waits. */
  placeholder?: string;
  /**
   * A `selective` force-reply: the only users Telegram opens the reply bar for (the sender of the
   * message it replies to, the users it mentions). Absent: everyone in the chat.
   */
  replyFor?: number[];
  /** User messages: false when privacy mode kept the bot from seeing it. */
  delivered: boolean;
};
export type ViewEvent =
  | { type: "message"; chatId: number; message: ViewMessage }
  | { type: "edit"; chatId: number; message: ViewMessage }
  | { type: "delete"; chatId: number; messageId: number };

const forceReplyMarkup = z.object({
  force_reply: z.literal(true),
  input_field_placeholder: z.string().max(64).optional(),
  selective: z.boolean().optional(),
});
type ForceReplyView = { placeholder?: string; selective?: true };

/** The force-reply markup as sent (an object in JSON calls, a JSON string in multipart ones), if any. */
export function forceReplyOf(sent: SentParams | undefined): ForceReplyView | undefined {
  const raw = sent?.reply_markup;
  let value: unknown = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  const parsed = forceReplyMarkup.safeParse(value);
  if (!parsed.success) return undefined;
  return {
    ...(parsed.data.input_field_placeholder ? { placeholder: parsed.data.input_field_placeholder } : {}),
    ...(parsed.data.selective ? { selective: true as const } : {}),
  };
}

/** Whom a selective force-reply is for (Bot API, ForceReply): the replied-to sender and mentioned users. */
export function selectiveTargets(m: Message): number[] {
  const ids = new Set<number>();
  const replied = m.reply_to_message?.from;
  if (replied && !replied.is_bot) ids.add(replied.id);
  for (const e of m.entities ?? []) {
    if (e.type === "text_mention") ids.add(e.user.id);
    const byLink = e.type === "text_link" ? /^tg:\/\/user\?id=(\d+)$/.exec(e.url)?.[1] : undefined;
    if (byLink) ids.add(Number(byLink));
  }
  return [...ids];
}

export const fileUrl = (fileId: string, download = false): string =>
  `/api/files/${encodeURIComponent(fileId)}${download ? "?download=1" : ""}`;

const nameOf = (u: Message["from"]): string => (u ? [u.first_name, u.last_name].filter(Boolean).join(" ") : "?");

/** Telegram marks a message "edited" when its text or caption changed, not its buttons. */
const TEXT_EDITS = new Set(["editMessageText", "editMessageCaption", "editMessageMedia"]);
type Flags = { forceReply?: ForceReplyView | undefined; delivered: boolean; edited: boolean };

export function toViewMessage(m: Message, flags: Flags): ViewMessage {
  const photo = m.photo?.[m.photo.length - 1];
  const reply = m.reply_to_message;
  return {
    id: m.message_id,
    date: m.date,
    edited: flags.edited,
    from: { id: m.from?.id ?? 0, name: nameOf(m.from), isBot: m.from?.is_bot ?? false },
    text: m.text ?? m.caption ?? "",
    entities: m.entities ?? m.caption_entities ?? [],
    ...(photo ? { photo: { url: fileUrl(photo.file_id), width: photo.width, height: photo.height } } : {}),
    ...(m.document
      ? {
          document: {
            url: fileUrl(m.document.file_id, true),
            name: m.document.file_name ?? "tệp",
            size: m.document.file_size ?? 0,
          },
        }
      : {}),
    ...(m.media_group_id ? { mediaGroupId: m.media_group_id } : {}),
    ...(reply
      ? {
          replyTo: {
            id: reply.message_id,
            from: nameOf(reply.from),
            text: (
              reply.text ??
              reply.caption ??
              (reply.document ? `📎 ${reply.document.file_name ?? "tệp"}` : reply.photo ? "🖼 Ảnh" : "")
            ).slice(0, 120),
          },
        }
      : {}),
    buttons: (m.reply_markup?.inline_keyboard ?? []).map((row) =>
      row.map((b) => ({
        text: b.text,
        ...("callback_data" in b && b.callback_data !== undefined ? { data: b.callback_data } : {}),
        ...("url" in b && b.url !== undefined ? { url: b.url } : {}),
        ...("web_app" in b && b.web_app !== undefined ? { webApp: b.web_app.url } : {}),
      })),
    ),
    forceReply: flags.forceReply !== undefined,
    ...(flags.forceReply?.placeholder ? { placeholder: flags.forceReply.placeholder } : {}),
    ...(flags.forceReply?.selective ? { replyFor: selectiveTargets(m) } : {}),
    delivered: flags.delivered,
  };
}

/** One transcript entry as a page event; undefined for entries the page does not draw. */
export function toViewEvent(emu: Emulator, chatId: number, entry: TranscriptEntry): ViewEvent | undefined {
  switch (entry.kind) {
    case "message":
      return {
        type: "message",
        chatId,
        message: toViewMessage(entry.message, {
          forceReply: forceReplyOf(entry.sent),
          delivered: entry.delivered,
          edited: false,
        }),
      };
    case "edit": {
      const history = emu.transcript(chatId);
      const original = history.find((e) => e.kind === "message" && e.message.message_id === entry.messageId);
      const forceReply = original?.kind === "message" ? forceReplyOf(original.sent) : undefined;
      const edited = history.some(
        (e) => e.kind === "edit" && e.messageId === entry.messageId && TEXT_EDITS.has(e.method),
      );
      return { type: "edit", chatId, message: toViewMessage(entry.message, { forceReply, delivered: true, edited }) };
    }
    case "delete":
      return { type: "delete", chatId, messageId: entry.messageId };
    default:
      return undefined;
  }
}

/** The chat as it stands now: every message still there, edits applied, oldest first. */
export function chatMessages(emu: Emulator, chatId: number): ViewMessage[] {
  const out: ViewMessage[] = [];
  const history = emu.transcript(chatId);
  const edited = new Set(history.flatMap((e) => (e.kind === "edit" && TEXT_EDITS.has(e.method) ? [e.messageId] : [])));
  for (const entry of history) {
    if (entry.kind !== "message") continue;
    const id = entry.message.message_id;
    const current = emu.message(chatId, id);
    if (current)
      out.push(
        toViewMessage(current, {
          forceReply: forceReplyOf(entry.sent),
          delivered: entry.delivered,
          edited: edited.has(id),
        }),
      );
  }
  return out;
}
