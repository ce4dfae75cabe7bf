/**
 * `/nop` questions waiting for an answer, in the one pending-question store (db/repos/prompts.ts):
 * the guided flow (indicator → month → figures → Ghi), and a report held for Ghi / Huỷ (figures
 * swapped back into order, a month long past). A button carries the question's id; the figures
 * typed in the guided flow reply to its force-reply message. Kept in the database so a restart
 * loses no question.
 */
import { z } from "zod";
import {
  dropPrompt,
  findLivePrompt,
  findPromptById,
  purgeExpiredPrompts,
  recordPrompt,
  updatePrompt,
} from "../../db/repos/prompts.js";
import { NOP_QUESTION_TTL_MS } from "../../domain/limits.js";
import type { AppDeps } from "../context.js";

const KIND = "nop";

const stateSchema = z.object({
  /** Where the flow stands: choosing an indicator, a month, typing figures, or held for Ghi. */
  step: z.enum(["indicator", "period", "figures", "confirm"]),
  /** The `/nop` message: the force-reply answers it, so only its sender gets the reply box. */
  commandMessageId: z.number().int().positive(),
  indicatorCode: z.string().min(1).optional(),
  period: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
  numerator: z.number().int().nonnegative().optional(),
  denominator: z.number().int().nonnegative().optional(),
});
export type NopQuestion = z.infer<typeof stateSchema>;

export type FoundQuestion = { id: number; userId: bigint; state: NopQuestion };

function read(row: { id: number; userId: bigint; data: string } | null): FoundQuestion | null {
  if (!row) return null;
  let json: unknown;
  try {
    json = JSON.parse(row.data);
  } catch {
    return null;
  }
  const parsed = stateSchema.safeParse(json);
  return parsed.success ? { id: row.id, userId: row.userId, state: parsed.data } : null;
}

export async function askNop(
  deps: Pick<AppDeps, "prisma" | "clock">,
  q: { chatId: bigint; userId: bigint; messageId?: number; state: NopQuestion },
): Promise<number> {
  const now = deps.clock.now();
  await purgeExpiredPrompts(deps.prisma, KIND, now);
  const row = await recordPrompt(deps.prisma, {
    chatId: q.chatId,
    userId: q.userId,
    kind: KIND,
    ...(q.messageId !== undefined ? { messageId: q.messageId } : {}),
    data: JSON.stringify(q.state),
    createdAt: now,
    expiresAt: new Date(now.getTime() + NOP_QUESTION_TTL_MS),
  });
  return row.id;
}

/** The question a button of `chatId` carries, while it is answerable. */
export async function findNopQuestion(
  deps: Pick<AppDeps, "prisma" | "clock">,
  chatId: bigint,
  id: number,
): Promise<FoundQuestion | null> {
  return read(await findPromptById(deps.prisma, { id, chatId, kind: KIND, now: deps.clock.now() }));
}

/** The guided question a message of `chatId` replies to (the force-reply asking for figures). */
export async function nopQuestionRepliedTo(
  deps: Pick<AppDeps, "prisma" | "clock">,
  chatId: bigint,
  messageId: number,
): Promise<FoundQuestion | null> {
  return read(await findLivePrompt(deps.prisma, { chatId, messageId, kind: KIND, now: deps.clock.now() }));
}

/** Moves the question on; `messageId`: the message its answer now replies to. */
export async function moveNopQuestion(
  deps: Pick<AppDeps, "prisma">,
  id: number,
  state: NopQuestion,
  messageId?: number,
): Promise<boolean> {
  return updatePrompt(deps.prisma, id, {
    data: JSON.stringify(state),
    ...(messageId !== undefined ? { messageId } : {}),
  });
}

/** Closes the question once: false when a second press (or a second person) got there first. */
export async function closeNopQuestion(deps: Pick<AppDeps, "prisma">, id: number): Promise<boolean> {
  return dropPrompt(deps.prisma, id);
}
