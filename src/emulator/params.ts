import { z } from "zod";
import { safeJson, type ParsedRequest, type RawParams } from "./body.js";
import { badRequest } from "./errors.js";
import type { UploadedPart } from "./multipart.js";

/**
 * Zod coercions for Bot API parameters. Form and query values arrive as strings
 * (grammY JSON-encodes objects inside multipart), JSON bodies carry real types.
 */
export const int = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);
export const bool = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);
export const chatIdParam = z.union([int, z.string().regex(/^@\w+$/)]);

export function json<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (typeof v === "string" ? safeJson(v) : v), schema);
}

const inlineButton = z
  .object({
    text: z.string().min(1),
    callback_data: z.string().optional(),
    url: z.string().optional(),
  })
  .passthrough();
export type InlineButton = z.infer<typeof inlineButton>;

/**
 * All four reply_markup kinds; only inline keyboards end up on the returned Message. The
 * transcript keeps the raw parameter, so stripping unknown keys here loses nothing.
 */
export const replyMarkupParam = json(
  z.union([
    z.object({ inline_keyboard: z.array(z.array(inlineButton)) }),
    z.object({ keyboard: z.array(z.array(z.unknown())) }),
    z.object({ remove_keyboard: z.literal(true) }),
    z.object({ force_reply: z.literal(true) }),
  ]),
);
export type ReplyMarkupParam = z.infer<typeof replyMarkupParam>;

export const replyParametersParam = json(
  z
    .object({
      message_id: int,
      chat_id: chatIdParam.optional(),
      allow_sending_without_reply: bool.optional(),
    })
    .passthrough(),
);

export const parseModeParam = z.enum(["HTML", "html", "MarkdownV2", "Markdown"]).optional();

const MISSING: Record<string, string> = {
  chat_id: "chat_id is empty",
  text: "message text is empty",
  message_id: "message identifier is not specified",
  callback_query_id: "query_id is empty",
  file_id: "file_id is empty",
  user_id: "user_id is empty",
};

/** Parse with a method's schema; failures read like Telegram's own 400s. */
export function parseParams<T extends z.ZodType>(schema: T, params: RawParams): z.output<T> {
  const result = schema.safeParse(params);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const key = String(issue?.path[0] ?? "");
  if (key && params[key] === undefined && MISSING[key]) throw badRequest(MISSING[key]);
  throw badRequest(`invalid parameter "${issue?.path.join(".") ?? "?"}": ${issue?.message ?? "invalid"}`);
}

/** An input file as the bot referenced it: uploaded bytes, an existing file_id, or a URL. */
export type InputFileRef =
  | { kind: "upload"; part: UploadedPart }
  | { kind: "file_id"; fileId: string }
  | { kind: "url"; url: string };

export function resolveInputFile(req: ParsedRequest, key: string, value: unknown): InputFileRef {
  if (typeof value === "string" && value.startsWith("attach://")) {
    const part = req.files.get(value.slice("attach://".length));
    if (!part) throw badRequest(`file must be non-empty (missing multipart part for ${value})`);
    return { kind: "upload", part };
  }
  const direct = req.files.get(key);
  if (direct && (value === undefined || value === "")) return { kind: "upload", part: direct };
  if (typeof value !== "string" || value === "") throw badRequest(`there is no ${key} in the request`);
  if (/^https?:\/\//i.test(value)) return { kind: "url", url: value };
  return { kind: "file_id", fileId: value };
}

export function normalizeChatId(value: unknown): number | string | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^-?\d+$/.test(value)) return Number(value);
  if (typeof value === "string" && value.startsWith("@")) return value;
  return undefined;
}
