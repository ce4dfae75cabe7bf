/**
 * Uploads waiting for a button press (PendingUpload) and `/nhap` prompts waiting for a file
 * (PendingInput). Both live in the database so a restart loses neither.
 */
import { z } from "zod";
import { findLivePrompt, purgeExpiredPrompts, recordPrompt } from "../../db/repos/prompts.js";
import {
  cancelHeldUpload,
  claimHeldUpload,
  findHeldUpload,
  holdUpload,
  settleHeldUpload,
} from "../../db/repos/uploads.js";
import { PENDING_UPLOAD_TTL_MS, UNDO_WINDOW_MS } from "../../domain/limits.js";
import type { AppDeps } from "../context.js";
import { saveItems, type FigureItem, type SavedSummary } from "./save.js";
import type { PressRefusal } from "../../messages/views.js";

export type { PressRefusal } from "../../messages/views.js";

export { PENDING_UPLOAD_TTL_MS } from "../../domain/limits.js";
/** How long a reply to a `/nhap` prompt is recognised as an upload. */
export const UPLOAD_PROMPT_TTL_MS = 24 * 3600_000;
const PROMPT_KIND = "upload-file";

export type PendingKind = "figures" | "onestop";
export type PendingRef = { id: number; expiresAt: Date };

const payloadSchema = z.array(
  z.object({
    unitCode: z.string().min(1),
    indicatorCode: z.string().min(1),
    period: z.string().regex(/^\d{4}-\d{2}$/),
    numerator: z.number().int().nonnegative(),
    denominator: z.number().int().nonnegative(),
  }),
);

export async function holdPending(
  deps: AppDeps,
  input: { kind: PendingKind; items: readonly FigureItem[]; userId: bigint; chatId: bigint },
): Promise<PendingRef> {
  const now = deps.clock.now();
  const items = input.items.map((i) => ({
    unitCode: i.unitCode,
    indicatorCode: i.indicatorCode,
    period: i.period,
    numerator: i.numerator,
    denominator: i.denominator,
  }));
  const row = await holdUpload(
    deps.prisma,
    {
      chatId: input.chatId,
      userId: input.userId,
      kind: input.kind,
      payload: JSON.stringify(items),
      createdAt: now,
      expiresAt: new Date(now.getTime() + PENDING_UPLOAD_TTL_MS),
    },
    now,
  );
  return { id: row.id, expiresAt: row.expiresAt };
}

export type PressRequest = { id: number; chatId: bigint; userId: bigint; isAdmin: boolean };
export type ConfirmOutcome =
  | { ok: true; kind: PendingKind; summary: SavedSummary }
  | { ok: false; reason: PressRefusal };

/** The kinds the figure buttons act on; a held directive (directives/pending.ts) is not theirs. */
export const FIGURE_KINDS: readonly string[] = ["figures", "onestop"];

/**
 * Why a press cannot proceed, or null when the held item (of one of `kinds`) is still pending
 * for this person. Shared by every button that confirms a held upload.
 */
export async function pressRefusal(
  deps: AppDeps,
  req: PressRequest,
  kinds: readonly string[],
): Promise<PressRefusal | null> {
  const row = await findHeldUpload(deps.prisma, req.id);
  if (!row || row.chatId !== req.chatId || !kinds.includes(row.kind)) return "not-found";
  if (row.userId !== req.userId && !req.isAdmin) return "forbidden";
  if (row.status === "cancelled") return "cancelled";
  if (row.status !== "pending") return "already-saved";
  if (row.expiresAt.getTime() <= deps.clock.now().getTime()) return "expired";
  return null;
}

/** Saves the held rows once: a second press (or two people at once) finds nothing to claim. */
export async function confirmPending(deps: AppDeps, req: PressRequest): Promise<ConfirmOutcome> {
  const refused = await pressRefusal(deps, req, FIGURE_KINDS);
  if (refused) return { ok: false, reason: refused };
  const now = deps.clock.now();
  const row = await claimHeldUpload(deps.prisma, req.id, now);
  if (!row) return { ok: false, reason: "already-saved" };
  try {
    const items = payloadSchema.parse(JSON.parse(row.payload));
    const prov = { byUser: req.userId, chatId: req.chatId, source: "upload", at: now, uploadId: req.id };
    const summary = await saveItems(deps, items, prov);
    // Kept (not purged as expired) while its "↩️ Hoàn tác" is offered (undo.ts).
    await settleHeldUpload(deps.prisma, req.id, "saved", new Date(now.getTime() + UNDO_WINDOW_MS));
    return { ok: true, kind: row.kind === "onestop" ? "onestop" : "figures", summary };
  } catch (e) {
    // Nothing was written (writeFigures is one transaction): let the sender try again.
    await settleHeldUpload(deps.prisma, req.id, "pending");
    throw e;
  }
}

export async function cancelPending(
  deps: AppDeps,
  req: PressRequest,
): Promise<{ ok: true } | { ok: false; reason: PressRefusal }> {
  const refused = await pressRefusal(deps, req, FIGURE_KINDS);
  if (refused && refused !== "expired") return { ok: false, reason: refused };
  return (await cancelHeldUpload(deps.prisma, req.id)) ? { ok: true } : { ok: false, reason: "already-saved" };
}

/** Remembers the force-reply prompt so the file sent in reply is taken, even after a restart. */
export async function recordUploadPrompt(
  deps: AppDeps,
  p: { chatId: bigint; userId: bigint; messageId: number },
): Promise<void> {
  const now = deps.clock.now();
  await purgeExpiredPrompts(deps.prisma, PROMPT_KIND, now);
  await recordPrompt(deps.prisma, {
    ...p,
    kind: PROMPT_KIND,
    createdAt: now,
    expiresAt: new Date(now.getTime() + UPLOAD_PROMPT_TTL_MS),
  });
}

export async function isUploadPrompt(deps: AppDeps, chatId: bigint, messageId: number): Promise<boolean> {
  const found = await findLivePrompt(deps.prisma, { chatId, messageId, kind: PROMPT_KIND, now: deps.clock.now() });
  return found !== null;
}
