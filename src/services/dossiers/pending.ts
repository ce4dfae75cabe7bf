/**
 * Questions the dossier features ask with force-reply (PendingInput): the upload prompt, the
 * reason, new date and the applicant's salutation of an apology, the head's reason for sending a draft back. An answer is
 * matched by the message it replies to, so two conversations in one chat never cross.
 */
import { z } from "zod";
import { dropPrompt, findLivePrompt, purgeExpiredPrompts, recordPrompt } from "../../db/repos/prompts.js";
import type { AppDeps } from "../context.js";

/** Long enough to find the paper file; short enough that a stale question dies the same day. */
export const PENDING_TTL_MS = 4 * 3600_000;

export const pendingSchemas = {
  "dossier-upload": z.object({}),
  "dossier-reason": z.object({ dossierId: z.number().int(), withApology: z.boolean() }),
  "dossier-date": z.object({ dossierId: z.number().int(), reason: z.string() }),
  /** The approval request pressed, so the decision can be written under it once the reason comes. */
  "dossier-return": z.object({
    dossierId: z.number().int(),
    requestMessageId: z.number().int().optional(),
    requestText: z.string().optional(),
  }),
  "dossier-salutation": z.object({ dossierId: z.number().int(), reason: z.string(), newDate: z.string() }),
} as const;

export type PendingKind = keyof typeof pendingSchemas;
export type PendingData<K extends PendingKind> = z.infer<(typeof pendingSchemas)[K]>;

export type Pending = {
  [K in PendingKind]: { id: number; kind: K; userId: bigint; data: PendingData<K> };
}[PendingKind];

const KINDS = Object.keys(pendingSchemas) as PendingKind[];

export async function askPending<K extends PendingKind>(
  deps: Pick<AppDeps, "prisma" | "clock">,
  input: { chatId: bigint; userId: bigint; messageId: number; kind: K; data: PendingData<K> },
): Promise<void> {
  const now = deps.clock.now();
  // Questions of these kinds that expired are cleared first, so the table does not grow.
  await purgeExpiredPrompts(deps.prisma, KINDS, now);
  await recordPrompt(deps.prisma, {
    chatId: input.chatId,
    userId: input.userId,
    messageId: input.messageId,
    kind: input.kind,
    data: JSON.stringify(input.data),
    createdAt: now,
    expiresAt: new Date(now.getTime() + PENDING_TTL_MS),
  });
}

/** The live question a message replies to, if it is one of ours. */
export async function findPending(
  deps: Pick<AppDeps, "prisma" | "clock">,
  chatId: bigint,
  messageId: number,
): Promise<Pending | null> {
  const row = await findLivePrompt(deps.prisma, { chatId, messageId, kind: KINDS, now: deps.clock.now() });
  if (!row) return null;
  return parsePending(row.id, row.kind, row.userId, row.data);
}

function parsePending(id: number, kind: string, userId: bigint, json: string): Pending | null {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isPendingKind(kind)) return null;
  const parsed = pendingSchemas[kind].safeParse(raw);
  // The schema is the kind's own, so data and kind agree; TypeScript cannot follow that through the index.
  return parsed.success ? ({ id, kind, userId, data: parsed.data } as Pending) : null;
}

function isPendingKind(kind: string): kind is PendingKind {
  return (KINDS as string[]).includes(kind);
}

/** Answered: the question is gone (deleteMany, so a double answer is harmless). */
export async function closePending(deps: Pick<AppDeps, "prisma">, id: number): Promise<boolean> {
  return dropPrompt(deps.prisma, id);
}
