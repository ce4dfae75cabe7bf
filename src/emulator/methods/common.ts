import type { InlineKeyboardMarkup, Message, MessageEntity } from "grammy/types";
import { z } from "zod";
import type { ParsedRequest, RawParams } from "../body.js";
import { asReply, assertCanSend, chatFor, type Core } from "../core.js";

export { asReply };
import { badRequest } from "../errors.js";
import { renderedText } from "../html.js";
import {
  chatIdParam,
  int,
  parseModeParam,
  replyMarkupParam,
  replyParametersParam,
  type ReplyMarkupParam,
} from "../params.js";
import type { ChatRecord } from "../store.js";

export interface MethodCall {
  core: Core;
  req: ParsedRequest;
  method: string;
  /** Aborted when the HTTP client goes away (ends a held long poll). */
  signal: AbortSignal;
}

export interface MethodDef {
  handle(call: MethodCall): unknown;
  /** Send methods: how many messages this call would create (for the rate limiter). */
  sends?: (params: RawParams) => number;
}

export const TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;

/** Parameters every send method shares. */
export const sendBase = z.object({
  chat_id: chatIdParam,
  reply_markup: replyMarkupParam.optional(),
  reply_parameters: replyParametersParam.optional(),
  reply_to_message_id: int.optional(),
  parse_mode: parseModeParam,
});

export interface SendTarget {
  rec: ChatRecord;
  replyTo?: Message;
  inlineMarkup?: InlineKeyboardMarkup;
}

export function prepareSend(core: Core, p: z.output<typeof sendBase>): SendTarget {
  const rec = chatFor(core, p.chat_id);
  assertCanSend(rec);
  const replyId = p.reply_parameters?.message_id ?? p.reply_to_message_id;
  let replyTo: Message | undefined;
  if (replyId !== undefined) {
    replyTo = rec.messages.get(replyId);
    if (!replyTo && p.reply_parameters?.allow_sending_without_reply !== true) {
      throw badRequest("message to be replied not found");
    }
  }
  const inlineMarkup = inlineMarkupOf(p.reply_markup, rec.chat.type);
  return { rec, ...(replyTo ? { replyTo } : {}), ...(inlineMarkup ? { inlineMarkup } : {}) };
}

/**
 * Only inline keyboards are echoed on the returned Message (Telegram drops the others).
 * callback_data is limited to 1–64 *bytes*: Vietnamese text in it overflows early. A `web_app`
 * button is "available only in private chats between a user and the bot" (Bot API
 * InlineKeyboardButton): elsewhere Telegram answers BUTTON_TYPE_INVALID. A `url` or `web_app`
 * address that is not http(s) (or tg: for `url`) is BUTTON_URL_INVALID. Telegram also wants
 * https for `web_app`; the emulator lets http through so the sandbox's loopback page opens.
 */
export function inlineMarkupOf(
  markup: ReplyMarkupParam | undefined,
  chatType: string,
): InlineKeyboardMarkup | undefined {
  if (!markup || !("inline_keyboard" in markup)) return undefined;
  for (const row of markup.inline_keyboard) {
    for (const button of row) {
      const { text: _text, ...rest } = button;
      if (Object.keys(rest).length === 0) {
        throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
      }
      const data = button.callback_data;
      if (data !== undefined && (data.length === 0 || Buffer.byteLength(data) > 64)) {
        throw badRequest("BUTTON_DATA_INVALID");
      }
      if (button.url !== undefined && !/^(https?:\/\/[^\s/]+|tg:)/i.test(button.url)) {
        throw badRequest("BUTTON_URL_INVALID");
      }
      if ("web_app" in button) {
        if (chatType !== "private") throw badRequest("BUTTON_TYPE_INVALID");
        const url = (button.web_app as { url?: unknown } | undefined)?.url;
        if (typeof url !== "string" || !/^https?:\/\/[^\s/]+/i.test(url)) throw badRequest("BUTTON_URL_INVALID");
      }
    }
  }
  return { inline_keyboard: markup.inline_keyboard } as InlineKeyboardMarkup;
}

/** Text or caption after parse_mode, checked against Telegram's length limit. */
export function renderChecked(
  raw: string,
  parseMode: string | undefined,
  limit: number,
  tooLong: string,
): { text: string; entities: MessageEntity[] } {
  const parsed = renderedText(raw, parseMode);
  // UTF-16 units: the stricter reading of "4096 characters", so passing here passes there.
  if (parsed.text.length > limit) throw badRequest(tooLong);
  return parsed;
}
