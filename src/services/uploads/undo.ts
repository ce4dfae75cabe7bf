/**
 * "↩️ Hoàn tác" under a saved upload: reverts every figure that "Lưu N dòng" / "Xác nhận lưu"
 * wrote, within the same window as `/nop`'s undo (UNDO_WINDOW_MS). The revisions of the save
 * carry its upload id (FigureRevision.uploadId), so the undo touches exactly those; a figure
 * changed again since is kept and reported, as `/nop`'s undo refuses a superseded report.
 */
import { undoUploadRevisions, uploadSavedAt } from "../../db/repos/figures.js";
import { claimSavedUpload, findHeldUpload, settleHeldUpload } from "../../db/repos/uploads.js";
import { UNDO_WINDOW_MS } from "../../domain/limits.js";
import type { KeptFigure, UploadUndoRefusal } from "../../messages/views.js";
import type { AppDeps } from "../context.js";
import { FIGURE_KINDS, type PressRequest } from "./pending.js";

export type { KeptFigure, UploadUndoRefusal } from "../../messages/views.js";

export type UploadUndoResult =
  | { ok: true; reverted: number; kept: KeptFigure[] }
  | { ok: false; reason: UploadUndoRefusal };

export async function undoSavedUpload(deps: AppDeps, req: PressRequest): Promise<UploadUndoResult> {
  const now = deps.clock.now();
  const row = await findHeldUpload(deps.prisma, req.id);
  if (!row) {
    // A saved row is kept until its undo window ends (confirmPending), then may be purged.
    const savedAt = await uploadSavedAt(deps.prisma, req.id);
    const expired = savedAt !== null && now.getTime() - savedAt.getTime() > UNDO_WINDOW_MS;
    return { ok: false, reason: expired ? "expired" : "not-found" };
  }
  if (row.chatId !== req.chatId || !FIGURE_KINDS.includes(row.kind)) return { ok: false, reason: "not-found" };
  if (row.userId !== req.userId && !req.isAdmin) return { ok: false, reason: "forbidden" };
  if (row.status === "undone" || row.status === "undoing") return { ok: false, reason: "already-undone" };
  if (row.status !== "saved") return { ok: false, reason: "not-found" };
  if (!(await claimSavedUpload(deps.prisma, req.id))) return { ok: false, reason: "already-undone" };
  const prov = { byUser: req.userId, chatId: req.chatId, source: "undo", at: now };
  let outcome: Awaited<ReturnType<typeof undoUploadRevisions>>;
  try {
    outcome = await undoUploadRevisions(deps.prisma, req.id, now, UNDO_WINDOW_MS, prov);
  } catch (e) {
    await settleHeldUpload(deps.prisma, req.id, "saved");
    throw e;
  }
  const done = outcome.ok || outcome.reason === "already-undone";
  await settleHeldUpload(deps.prisma, req.id, done ? "undone" : "saved");
  if (!outcome.ok) return outcome;
  const catalog = deps.catalog.get();
  const kept = outcome.superseded.map((k) => ({
    unitName: catalog.unit(k.unitCode)?.name ?? k.unitCode,
    indicatorCode: k.indicatorCode,
    period: k.period,
  }));
  return { ok: true, reverted: outcome.reverted.length, kept };
}
