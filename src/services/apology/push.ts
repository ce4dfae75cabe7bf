/** Documents (.docx) through the outbox: stored once as a Blob, sent by the delivery worker. */
import type { InlineKeyboardMarkup } from "grammy/types";
import { enqueue, storeBlob } from "../../delivery/outbox.js";
import { clipText } from "../../domain/text.js";
import type { AppDeps } from "../context.js";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface RenderedDocument {
  bytes: Buffer;
  filename: string;
  caption: string;
  /** Default: .docx. */
  mime?: string;
}

export async function pushDocument(
  deps: Pick<AppDeps, "prisma" | "kickDelivery" | "clock">,
  msg: { chatId: bigint; dedupKey: string; kind: string; doc: RenderedDocument; replyMarkup?: InlineKeyboardMarkup },
): Promise<void> {
  const blob = await storeBlob(deps.prisma, msg.doc.bytes, msg.doc.mime ?? DOCX_MIME, msg.doc.filename);
  await enqueue(deps.prisma, {
    dedupKey: msg.dedupKey,
    chatId: msg.chatId,
    kind: msg.kind,
    now: deps.clock.now(),
    method: "sendDocument",
    payload: {
      document: { blobId: blob.id },
      caption: clipText(msg.doc.caption, 1024),
      ...(msg.replyMarkup ? { reply_markup: msg.replyMarkup } : {}),
    },
  });
  deps.kickDelivery();
}

/** "H15.50.05.13-261008-0975" → a file name every OS accepts. */
export function safeFilePart(text: string): string {
  return text.replace(/[^A-Za-z0-9.-]+/g, "_").slice(0, 60);
}
