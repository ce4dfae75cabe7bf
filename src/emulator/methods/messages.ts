import type { Message } from "grammy/types";
import { z } from "zod";
import { assertCanSend, chatFor, commitBotMessage, draftBotMessage, type Core } from "../core.js";
import { badRequest } from "../errors.js";
import { bool, chatIdParam, int, parseModeParam, parseParams, replyMarkupParam } from "../params.js";
import type { ChatRecord } from "../store.js";
import {
  asReply,
  CAPTION_LIMIT,
  inlineMarkupOf,
  prepareSend,
  renderChecked,
  sendBase,
  TEXT_LIMIT,
  type MethodCall,
  type MethodDef,
} from "./common.js";

const sendMessageSchema = sendBase.extend({ text: z.string() });

function sendMessage({ core, req, method }: MethodCall): Message {
  const p = parseParams(sendMessageSchema, req.params);
  if (p.text.trim() === "") throw badRequest("message text is empty");
  const target = prepareSend(core, p);
  const { text, entities } = renderChecked(p.text, p.parse_mode, TEXT_LIMIT, "message is too long");
  const message: Message = {
    ...draftBotMessage(core, target.rec),
    text,
    ...(entities.length ? { entities } : {}),
    ...(target.replyTo ? { reply_to_message: asReply(target.replyTo) } : {}),
    ...(target.inlineMarkup ? { reply_markup: target.inlineMarkup } : {}),
  };
  commitBotMessage(core, target.rec, message, method, req.params);
  return message;
}

const editTarget = z.object({ chat_id: chatIdParam, message_id: int });

function botMessage(core: Core, p: z.output<typeof editTarget>): { rec: ChatRecord; message: Message } {
  const rec = chatFor(core, p.chat_id);
  const message = rec.messages.get(p.message_id);
  if (!message) throw badRequest("message to edit not found");
  if (message.from?.id !== core.bot.id) throw badRequest("message can't be edited");
  return { rec, message };
}

function applyEdit(
  core: Core,
  rec: ChatRecord,
  before: Message,
  after: Message,
  method: string,
  sent: Record<string, unknown>,
): Message {
  if (visible(before) === visible(after)) {
    throw badRequest(
      "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
    );
  }
  rec.messages.set(after.message_id, after);
  core.store.record(rec.chat.id, {
    kind: "edit",
    at: core.now(),
    messageId: after.message_id,
    message: after,
    method,
    sent,
  });
  return after;
}

/** What Telegram compares for "message is not modified": content and inline keyboard. */
const visible = (m: Message): string =>
  JSON.stringify([m.text ?? null, m.caption ?? null, m.entities ?? [], m.reply_markup ?? null]);

/**
 * Entities sent as such (no parse_mode): Telegram keeps them as given. Not checked against the
 * text: the bot only sends back entities Telegram gave it.
 */
function entitiesSent(parseMode: string | undefined, sent: unknown): Message["entities"] | undefined {
  const raw: unknown = typeof sent === "string" ? JSON.parse(sent) : sent;
  return parseMode === undefined && Array.isArray(raw) ? (raw as Message["entities"]) : undefined;
}

const editTextSchema = editTarget.extend({
  text: z.string(),
  parse_mode: parseModeParam,
  entities: z.unknown().optional(),
  reply_markup: replyMarkupParam.optional(),
});

function editMessageText({ core, req, method }: MethodCall): Message {
  const p = parseParams(editTextSchema, req.params);
  const { rec, message } = botMessage(core, p);
  if (message.text === undefined) throw badRequest("there is no text in the message to edit");
  if (p.text.trim() === "") throw badRequest("message text is empty");
  const rendered = renderChecked(p.text, p.parse_mode, TEXT_LIMIT, "message is too long");
  const text = rendered.text;
  const entities = entitiesSent(p.parse_mode, p.entities) ?? rendered.entities;
  const markup = inlineMarkupOf(p.reply_markup, rec.chat.type);
  const { entities: _old, reply_markup: _oldMarkup, ...rest } = message;
  const after: Message = {
    ...rest,
    text,
    edit_date: Math.floor(core.now() / 1000),
    ...(entities.length ? { entities } : {}),
    ...(markup ? { reply_markup: markup } : {}),
  };
  return applyEdit(core, rec, message, after, method, req.params);
}

const editCaptionSchema = editTarget.extend({
  caption: z.string().optional(),
  parse_mode: parseModeParam,
  caption_entities: z.unknown().optional(),
  reply_markup: replyMarkupParam.optional(),
});

/** A media message's caption (and keyboard); entities given as such are kept as sent. */
function editMessageCaption({ core, req, method }: MethodCall): Message {
  const p = parseParams(editCaptionSchema, req.params);
  const { rec, message } = botMessage(core, p);
  if (message.text !== undefined) throw badRequest("there is no caption in the message to edit");
  const rendered = renderChecked(p.caption ?? "", p.parse_mode, CAPTION_LIMIT, "message caption is too long");
  const caption = rendered.text;
  const markup = inlineMarkupOf(p.reply_markup, rec.chat.type);
  const { caption_entities: _old, reply_markup: _oldMarkup, caption: _oldCaption, ...rest } = message;
  const kept = entitiesSent(p.parse_mode, p.caption_entities) ?? rendered.entities;
  const after: Message = {
    ...rest,
    edit_date: Math.floor(core.now() / 1000),
    ...(caption ? { caption } : {}),
    ...(kept?.length ? { caption_entities: kept } : {}),
    ...(markup ? { reply_markup: markup } : {}),
  };
  return applyEdit(core, rec, message, after, method, req.params);
}

const editMarkupSchema = editTarget.extend({ reply_markup: replyMarkupParam.optional() });

function editMessageReplyMarkup({ core, req, method }: MethodCall): Message {
  const p = parseParams(editMarkupSchema, req.params);
  const { rec, message } = botMessage(core, p);
  const markup = inlineMarkupOf(p.reply_markup, rec.chat.type);
  const { reply_markup: _old, ...rest } = message;
  const after: Message = {
    ...rest,
    edit_date: Math.floor(core.now() / 1000),
    ...(markup ? { reply_markup: markup } : {}),
  };
  return applyEdit(core, rec, message, after, method, req.params);
}

function deleteMessage({ core, req }: MethodCall): true {
  const p = parseParams(editTarget, req.params);
  const rec = chatFor(core, p.chat_id);
  if (!rec.messages.delete(p.message_id)) throw badRequest("message to delete not found");
  core.store.record(rec.chat.id, { kind: "delete", at: core.now(), messageId: p.message_id });
  return true;
}

const answerSchema = z.object({
  callback_query_id: z.string(),
  text: z.string().max(200).optional(),
  show_alert: bool.optional(),
  url: z.string().optional(),
});

function answerCallbackQuery({ core, req }: MethodCall): true {
  const p = parseParams(answerSchema, req.params);
  const answer = {
    showAlert: p.show_alert ?? false,
    ...(p.text !== undefined ? { text: p.text } : {}),
    ...(p.url !== undefined ? { url: p.url } : {}),
  };
  const chatId = core.callbacks.answer(p.callback_query_id, answer);
  if (chatId === undefined) throw badRequest("query is too old and response timeout expired or query ID is invalid");
  core.store.record(chatId, {
    kind: "callback_answer",
    at: core.now(),
    callbackQueryId: p.callback_query_id,
    ...answer,
  });
  return true;
}

const chatActionSchema = z.object({ chat_id: chatIdParam, action: z.string() });

function sendChatAction({ core, req }: MethodCall): true {
  const p = parseParams(chatActionSchema, req.params);
  const rec = chatFor(core, p.chat_id);
  assertCanSend(rec);
  core.store.record(rec.chat.id, { kind: "chat_action", at: core.now(), action: p.action });
  return true;
}

export const messageMethods: Record<string, MethodDef> = {
  sendMessage: { handle: sendMessage, sends: () => 1 },
  editMessageText: { handle: editMessageText },
  editMessageReplyMarkup: { handle: editMessageReplyMarkup },
  editMessageCaption: { handle: editMessageCaption },
  deleteMessage: { handle: deleteMessage },
  answerCallbackQuery: { handle: answerCallbackQuery },
  sendChatAction: { handle: sendChatAction },
};
