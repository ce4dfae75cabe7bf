/**
 * One outbox request → one Bot API call. Files come from `Blob`: the first send uploads the
 * bytes (grammY `InputFile`), later sends reuse Telegram's file_id, so a chart fanned out to
 * 4,000 chats is uploaded about once (docs/SCHEDULES.md) — and, through FileIdCache, read about once.
 */
import { InputFile, type Api } from "grammy";
import type { InputMediaDocument, InputMediaPhoto, Message } from "grammy/types";
import type { Db } from "../db/client.js";
import { blobIdsOf, type OutboxRequest } from "./payload.js";

export interface SendOutcome {
  /** The (first) message Telegram created. */
  messageId: number;
  /** file_ids learnt from uploads, to store on their Blob rows. */
  learnt: { blobId: number; fileId: string }[];
  /** Whether a cached file_id was sent (a 400 about it then means "upload again"). */
  usedCachedFile: boolean;
}

type Media = InputFile | string;

/**
 * file_ids this worker has read or learnt, by blob. Correct to keep: a blob's bytes never
 * change (one row per sha256, never updated or deleted), so any file_id Telegram gave for them
 * stays usable until Telegram refuses it — and then `forgetFileIds` evicts it here too and the
 * bytes are uploaded again. Another instance may hold a different id for the same bytes; both work.
 */
export class FileIdCache {
  private readonly ids = new Map<number, string>();

  /** A few hundred charts a week; the cap only bounds a worker that runs for years. */
  constructor(private readonly max = 2_000) {}

  get(blobId: number): string | undefined {
    return this.ids.get(blobId);
  }

  set(blobId: number, fileId: string): void {
    this.ids.delete(blobId);
    this.ids.set(blobId, fileId);
    const oldest = this.ids.keys().next();
    if (this.ids.size > this.max && !oldest.done) this.ids.delete(oldest.value);
  }

  forget(blobIds: number[]): void {
    for (const id of blobIds) this.ids.delete(id);
  }
}

async function resolveMedia(
  prisma: Db,
  cache: FileIdCache,
  ids: number[],
  useCache: boolean,
): Promise<Map<number, Media>> {
  if (ids.length === 0) return new Map();
  const out = new Map<number, Media>();
  for (const id of ids) {
    const cached = useCache ? cache.get(id) : undefined;
    if (cached) out.set(id, cached);
  }
  const unknown = ids.filter((id) => !out.has(id));
  if (unknown.length === 0) return out;
  const heads = await prisma.blob.findMany({ where: { id: { in: unknown } }, select: { id: true, fileId: true } });
  const upload: number[] = [];
  for (const h of heads) {
    if (useCache && h.fileId) {
      out.set(h.id, h.fileId);
      cache.set(h.id, h.fileId);
    } else upload.push(h.id);
  }
  if (upload.length) {
    const blobs = await prisma.blob.findMany({
      where: { id: { in: upload } },
      select: { id: true, data: true, filename: true },
    });
    for (const b of blobs) out.set(b.id, new InputFile(b.data, b.filename));
  }
  for (const id of ids) if (!out.has(id)) throw new Error(`outbox: blob ${id} không còn trong cơ sở dữ liệu`);
  return out;
}

function fileIdOf(m: Message): string | undefined {
  return m.photo?.[m.photo.length - 1]?.file_id ?? m.document?.file_id;
}

function learn(ids: number[], media: Map<number, Media>, messages: Message[]): SendOutcome["learnt"] {
  const learnt: SendOutcome["learnt"] = [];
  ids.forEach((blobId, i) => {
    const msg = messages[i];
    const fileId = msg ? fileIdOf(msg) : undefined;
    if (fileId && media.get(blobId) instanceof InputFile) learnt.push({ blobId, fileId });
  });
  return learnt;
}

export async function sendRequest(
  api: Api,
  prisma: Db,
  cache: FileIdCache,
  chatId: bigint,
  req: OutboxRequest,
  useCache: boolean,
): Promise<SendOutcome> {
  const chat = Number(chatId); // Telegram ids fit in 52 bits (Bot API docs, "chat_id")
  const ids = blobIdsOf(req);
  const media = await resolveMedia(prisma, cache, ids, useCache);
  const usedCachedFile = [...media.values()].some((m) => typeof m === "string");
  const pick = (id: number): Media => media.get(id) ?? "";
  let messages: Message[];
  switch (req.method) {
    case "sendMessage":
      messages = [await api.sendMessage(chat, req.payload.text, { ...req.payload })];
      break;
    case "sendPhoto": {
      const { photo, ...other } = req.payload;
      messages = [await api.sendPhoto(chat, pick(photo.blobId), other)];
      break;
    }
    case "sendDocument": {
      const { document, ...other } = req.payload;
      messages = [await api.sendDocument(chat, pick(document.blobId), other)];
      break;
    }
    case "sendMediaGroup": {
      const { media: items, ...other } = req.payload;
      // The payload schema guarantees one type per album; Telegram's types want it proven.
      const photos = items.map((it): InputMediaPhoto => ({ ...it, type: "photo", media: pick(it.media.blobId) }));
      const docs = items.map((it): InputMediaDocument => ({ ...it, type: "document", media: pick(it.media.blobId) }));
      messages = await api.sendMediaGroup(chat, items[0]?.type === "document" ? docs : photos, other);
      break;
    }
  }
  const first = messages[0];
  if (!first) throw new Error(`${req.method}: Telegram trả về kết quả rỗng`);
  return { messageId: first.message_id, learnt: learn(ids, media, messages), usedCachedFile };
}

/** Only fills an empty fileId: two uploads racing keep the first answer. */
export async function rememberFileIds(prisma: Db, cache: FileIdCache, learnt: SendOutcome["learnt"]): Promise<void> {
  for (const { blobId, fileId } of learnt) {
    cache.set(blobId, fileId);
    await prisma.blob.updateMany({ where: { id: blobId, fileId: null }, data: { fileId } });
  }
}

export async function forgetFileIds(prisma: Db, cache: FileIdCache, req: OutboxRequest): Promise<void> {
  cache.forget(blobIdsOf(req));
  await prisma.blob.updateMany({ where: { id: { in: blobIdsOf(req) } }, data: { fileId: null } });
}
