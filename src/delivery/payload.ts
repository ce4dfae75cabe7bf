/**
 * What an outbox row carries (docs/SCHEDULES.md): the Bot API parameters minus chat_id, as JSON.
 * Files never travel inline: they are stored once in `Blob` and referenced by `{ blobId }`.
 * Parsed with zod when enqueued and again when sent, so a bad row fails loudly, not silently.
 */
import type { InlineKeyboardMarkup } from "grammy/types";
import { z } from "zod";

export const blobRef = z.object({ blobId: z.number().int().positive() });
export type BlobRef = z.infer<typeof blobRef>;

const parseMode = z.enum(["HTML", "MarkdownV2", "Markdown"]);

const inlineKeyboard = z.custom<InlineKeyboardMarkup>(
  (v) => typeof v === "object" && v !== null && Array.isArray((v as { inline_keyboard?: unknown }).inline_keyboard),
  { message: "reply_markup phải là inline keyboard { inline_keyboard: [...] }" },
);

const common = {
  disable_notification: z.boolean().optional(),
  protect_content: z.boolean().optional(),
};

export const messagePayload = z.object({
  ...common,
  text: z.string().min(1).max(4096),
  parse_mode: parseMode.optional(),
  reply_markup: inlineKeyboard.optional(),
  link_preview_options: z.object({ is_disabled: z.boolean().optional() }).optional(),
});

const captioned = {
  ...common,
  caption: z.string().max(1024).optional(),
  parse_mode: parseMode.optional(),
  reply_markup: inlineKeyboard.optional(),
};

export const photoPayload = z.object({ ...captioned, photo: blobRef });
export const documentPayload = z.object({ ...captioned, document: blobRef });

const albumItem = z.object({
  type: z.enum(["photo", "document"]),
  media: blobRef,
  caption: z.string().max(1024).optional(),
  parse_mode: parseMode.optional(),
});

// Telegram: 2–10 items, and documents cannot be mixed with photos in one album.
export const mediaGroupPayload = z
  .object({ ...common, media: z.array(albumItem).min(2).max(10) })
  .refine((p) => new Set(p.media.map((m) => m.type)).size === 1, "album không được trộn ảnh với tài liệu");

export type MessagePayload = z.infer<typeof messagePayload>;
export type PhotoPayload = z.infer<typeof photoPayload>;
export type DocumentPayload = z.infer<typeof documentPayload>;
export type MediaGroupPayload = z.infer<typeof mediaGroupPayload>;

export type OutboxRequest =
  | { method: "sendMessage"; payload: MessagePayload }
  | { method: "sendPhoto"; payload: PhotoPayload }
  | { method: "sendDocument"; payload: DocumentPayload }
  | { method: "sendMediaGroup"; payload: MediaGroupPayload };

export type OutboxMethod = OutboxRequest["method"];

/** Parses a stored (method, payload JSON) pair back into a typed request. */
export function parseRequest(method: string, payload: unknown): OutboxRequest {
  switch (method) {
    case "sendMessage":
      return { method, payload: messagePayload.parse(payload) };
    case "sendPhoto":
      return { method, payload: photoPayload.parse(payload) };
    case "sendDocument":
      return { method, payload: documentPayload.parse(payload) };
    case "sendMediaGroup":
      return { method, payload: mediaGroupPayload.parse(payload) };
    default:
      throw new Error(`outbox: unsupported method "${method}"`);
  }
}

/** Every Blob a request references, in order. */
export function blobIdsOf(req: OutboxRequest): number[] {
  switch (req.method) {
    case "sendMessage":
      return [];
    case "sendPhoto":
      return [req.payload.photo.blobId];
    case "sendDocument":
      return [req.payload.document.blobId];
    case "sendMediaGroup":
      return req.payload.media.map((m) => m.media.blobId);
  }
}

/** How many Telegram messages a request creates (albums count per item for the rate limits). */
export function messageCount(req: OutboxRequest): number {
  return req.method === "sendMediaGroup" ? req.payload.media.length : 1;
}
