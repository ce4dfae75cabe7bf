import type { File, Message } from "grammy/types";
import { z } from "zod";
import { safeJson, type ParsedRequest } from "../body.js";
import { commitBotMessage, draftBotMessage, type Core } from "../core.js";
import { badRequest } from "../errors.js";
import { imageSize } from "../imagesize.js";
import { json, parseModeParam, parseParams, resolveInputFile } from "../params.js";
import type { StoredFile } from "../types.js";
import {
  asReply,
  CAPTION_LIMIT,
  prepareSend,
  renderChecked,
  sendBase,
  type MethodCall,
  type MethodDef,
  type SendTarget,
} from "./common.js";

type MediaKind = "photo" | "document";

const MIME: Record<string, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  txt: "text/plain",
  csv: "text/csv",
  zip: "application/zip",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** Stores what the bot referenced (bytes, an earlier file_id, or a URL) as a file. */
export function storeInput(core: Core, req: ParsedRequest, key: string, value: unknown, kind: MediaKind): StoredFile {
  const ref = resolveInputFile(req, key, value);
  if (ref.kind === "file_id") {
    const known = core.store.file(ref.fileId);
    if (!known) throw badRequest("wrong file identifier/HTTP URL specified");
    return known;
  }
  const folder = kind === "photo" ? "photos" : "documents";
  if (ref.kind === "url") {
    // Offline by design: the URL is recorded, not fetched.
    return core.store.saveFile(Buffer.alloc(0), { folder, ext: extOf(ref.url, kind), sourceUrl: ref.url });
  }
  const ext = extOf(ref.part.filename, kind);
  if (ref.part.bytes.length === 0) throw badRequest("file must be non-empty");
  return core.store.saveFile(ref.part.bytes, {
    folder,
    ext,
    fileName: ref.part.filename,
    mimeType: MIME[ext] ?? "application/octet-stream",
  });
}

function extOf(name: string, kind: MediaKind): string {
  const m = /\.([a-zA-Z0-9]{1,8})(?:[?#].*)?$/.exec(name);
  return m?.[1]?.toLowerCase() ?? (kind === "photo" ? "jpg" : "dat");
}

function mediaFields(file: StoredFile, kind: MediaKind): Partial<Message> {
  if (kind === "photo") {
    const { width, height } = imageSize(file.bytes);
    return {
      photo: [{ file_id: file.fileId, file_unique_id: file.fileUniqueId, width, height, file_size: file.bytes.length }],
    };
  }
  return {
    document: {
      file_id: file.fileId,
      file_unique_id: file.fileUniqueId,
      file_size: file.bytes.length,
      ...(file.fileName ? { file_name: file.fileName } : {}),
      ...(file.mimeType ? { mime_type: file.mimeType } : {}),
    },
  };
}

function captionFields(raw: string | undefined, parseMode: string | undefined): Partial<Message> {
  if (raw === undefined || raw === "") return {};
  const { text, entities } = renderChecked(raw, parseMode, CAPTION_LIMIT, "message caption is too long");
  return { caption: text, ...(entities.length ? { caption_entities: entities } : {}) };
}

function buildMessage(core: Core, target: SendTarget, fields: Partial<Message>): Message {
  return {
    ...draftBotMessage(core, target.rec),
    ...fields,
    ...(target.replyTo ? { reply_to_message: asReply(target.replyTo) } : {}),
    ...(target.inlineMarkup ? { reply_markup: target.inlineMarkup } : {}),
  };
}

function sendSingle(kind: MediaKind): MethodDef["handle"] {
  const schema = sendBase.extend({ caption: z.string().optional() });
  return ({ core, req, method }: MethodCall): Message => {
    const p = parseParams(schema, req.params);
    const target = prepareSend(core, p);
    const caption = captionFields(p.caption, p.parse_mode);
    const file = storeInput(core, req, kind, req.params[kind], kind);
    const message = buildMessage(core, target, { ...mediaFields(file, kind), ...caption });
    commitBotMessage(core, target.rec, message, method, { ...req.params, [kind]: file.fileId });
    return message;
  };
}

const albumItem = z
  .object({
    type: z.enum(["photo", "document"]),
    media: z.string(),
    caption: z.string().optional(),
    parse_mode: parseModeParam,
  })
  .passthrough();
const albumSchema = sendBase.omit({ reply_markup: true }).extend({ media: json(z.array(albumItem)) });

function sendMediaGroup({ core, req, method }: MethodCall): Message[] {
  const p = parseParams(albumSchema, req.params);
  if (p.media.length < 2 || p.media.length > 10) throw badRequest("media must include 2-10 items");
  const kinds = new Set(p.media.map((m) => m.type));
  if (kinds.has("document") && kinds.size > 1) throw badRequest("document can't be mixed with other media types");
  const target = prepareSend(core, p);
  const captions = p.media.map((item) => captionFields(item.caption, item.parse_mode));
  const files = p.media.map((item) => storeInput(core, req, item.type, item.media, item.type));
  const groupId = `${core.now()}${target.rec.nextMessageId}`;
  return p.media.map((item, i) => {
    const file = files[i];
    if (!file) throw new Error("unreachable: album file missing");
    const message = buildMessage(
      core,
      { rec: target.rec, ...(target.replyTo ? { replyTo: target.replyTo } : {}) },
      {
        media_group_id: groupId,
        ...mediaFields(file, item.type),
        ...captions[i],
      },
    );
    commitBotMessage(core, target.rec, message, method, { ...item, media: file.fileId, album_index: i });
    return message;
  });
}

const DOWNLOAD_LIMIT = 20 * 1024 * 1024;

function getFile({ core, req }: MethodCall): File {
  const p = parseParams(z.object({ file_id: z.string() }), req.params);
  const file = core.store.file(p.file_id);
  if (!file) throw badRequest("invalid file_id");
  if (file.bytes.length > DOWNLOAD_LIMIT) throw badRequest("file is too big");
  return {
    file_id: file.fileId,
    file_unique_id: file.fileUniqueId,
    file_size: file.bytes.length,
    file_path: file.filePath,
  };
}

function albumSize(params: Record<string, unknown>): number {
  const media = typeof params.media === "string" ? safeJson(params.media) : params.media;
  return Array.isArray(media) ? Math.max(media.length, 1) : 1;
}

export const mediaMethods: Record<string, MethodDef> = {
  sendPhoto: { handle: sendSingle("photo"), sends: () => 1 },
  sendDocument: { handle: sendSingle("document"), sends: () => 1 },
  sendMediaGroup: { handle: sendMediaGroup, sends: albumSize },
  getFile: { handle: getFile },
};
