import { z } from "zod";

/** Bodies of the `/__emulator/*` control API (see README.md). */
const id = z.number().int();
const memberStatus = z.enum(["creator", "administrator", "member", "left", "kicked"]);
const botStatus = z.enum(["member", "administrator", "left", "kicked"]);

export const userBody = z.object({
  id,
  firstName: z.string().min(1),
  lastName: z.string().optional(),
  username: z.string().optional(),
  languageCode: z.string().optional(),
});

export const chatBody = z.object({
  id,
  type: z.enum(["private", "group", "supergroup"]),
  title: z.string().optional(),
  username: z.string().optional(),
  firstName: z.string().optional(),
  botStatus: botStatus.optional(),
  blocked: z.boolean().optional(),
  members: z.record(z.string(), memberStatus).optional(),
});

export const botStatusBody = z.object({
  chatId: id,
  status: botStatus,
  byId: id.optional(),
  notify: z.boolean().optional(),
});
export const memberStatusBody = z.object({ chatId: id, userId: id, status: memberStatus });
export const blockedBody = z.object({ userId: id, blocked: z.boolean() });
export const migrateBody = z.object({ chatId: id, byId: id, newChatId: id.optional() });

export const textBody = z.object({ chatId: id, fromId: id, text: z.string().min(1), replyToMessageId: id.optional() });
export const documentBody = z.object({
  chatId: id,
  fromId: id,
  fileName: z.string().min(1),
  base64: z.string(),
  mimeType: z.string().optional(),
  caption: z.string().optional(),
  replyToMessageId: id.optional(),
});
export const pressBody = z.object({
  chatId: id,
  messageId: id,
  fromId: id,
  data: z.string().optional(),
  text: z.string().optional(),
  timeoutMs: z.number().int().positive().max(60_000).optional(),
});
export const rawUpdateBody = z.object({
  update: z.record(z.string(), z.unknown()),
  times: z.number().int().min(1).max(10).optional(),
});
export const redeliverBody = z.object({ updateId: id });

const fault = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("retry_after"), retryAfter: z.number().int().min(1) }),
  z.object({ kind: z.literal("blocked") }),
  z.object({ kind: z.literal("kicked") }),
  z.object({ kind: z.literal("migrated"), migrateToChatId: id }),
  z.object({
    kind: z.literal("server_error"),
    status: z.number().int().min(500).max(599).optional(),
    description: z.string().optional(),
  }),
  z.object({
    kind: z.literal("error"),
    errorCode: z.number().int(),
    description: z.string(),
    retryAfter: z.number().int().optional(),
    migrateToChatId: id.optional(),
  }),
  z.object({ kind: z.literal("network") }),
  z.object({ kind: z.literal("lost_response") }),
]);
export const faultBody = z.object({
  method: z.string().min(1),
  chatId: id.optional(),
  times: z.number().int().min(1).optional(),
  fault,
});

export const rateLimitBody = z.object({
  enabled: z.boolean(),
  perSecond: z.number().int().positive().optional(),
  perGroupPerMinute: z.number().int().positive().optional(),
});
export const waitBody = z.object({
  chatId: id,
  count: z.number().int().min(1),
  timeoutMs: z.number().int().positive().max(120_000).optional(),
});
