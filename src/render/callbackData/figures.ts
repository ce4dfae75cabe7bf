/** Buttons of reporting figures: `/nop`'s undo and guided questions, held uploads and their undo. */
import { idFamily, actionFamily, parseRowId, type CallbackFamily } from "./core.js";

/** "↩️ Hoàn tác" under a `/nop` answer: a FigureRevision. */
export type UndoButton = { revisionId: number };
export const undoButton = idFamily<UndoButton>(
  "undo",
  (revisionId) => ({ revisionId }),
  (v) => v.revisionId,
);

/** "Lưu …" / "Huỷ" under a held upload: a PendingUpload. */
export type HeldUploadButton = { save: boolean; pendingId: number };
export const heldUploadButton = actionFamily<"save" | "cancel", HeldUploadButton>(
  "up",
  { ok: "save", no: "cancel" },
  (action, pendingId) => ({ save: action === "save", pendingId }),
  (v) => [v.save ? "save" : "cancel", v.pendingId],
);

/** "↩️ Hoàn tác" under a held upload once saved: the PendingUpload whose save it reverts. */
export type UploadUndoButton = { pendingId: number };
export const uploadUndoButton = idFamily<UploadUndoButton>(
  "uu",
  (pendingId) => ({ pendingId }),
  (v) => v.pendingId,
);

/**
 * The buttons of a `/nop` question (services/figures/questions.ts), its id first: "choose"
 * indicator number `index` of the list shown, "month" 0 (this month) or 1 (last month), "save"
 * (Ghi), "cancel" (Huỷ). An index beyond MAX_NOP_CHOICE is no button the bot drew.
 */
export type NopButton =
  | { action: "choose"; questionId: number; index: number }
  | { action: "month"; questionId: number; index: 0 | 1 }
  | { action: "save" | "cancel"; questionId: number };
export const MAX_NOP_CHOICE = 49;
const NOP_WHOLE = /^nop:([icsp]):(\d+)(?::(\d{1,2}))?$/;
export const nopButton: CallbackFamily<NopButton> = {
  pattern: /^nop:/,
  encode(v) {
    if (v.action === "choose") return `nop:i:${v.questionId}:${v.index}`;
    if (v.action === "month") return `nop:p:${v.questionId}:${v.index}`;
    return `nop:${v.action === "save" ? "s" : "c"}:${v.questionId}`;
  },
  parse(data) {
    const m = NOP_WHOLE.exec(data ?? "");
    const questionId = parseRowId(m?.[2]);
    if (!m || questionId === null) return null;
    const index = m[3] === undefined ? null : Number(m[3]);
    switch (m[1]) {
      case "i":
        return index !== null && index <= MAX_NOP_CHOICE ? { action: "choose", questionId, index } : null;
      case "p":
        return index === 0 || index === 1 ? { action: "month", questionId, index } : null;
      case "s":
        return index === null ? { action: "save", questionId } : null;
      default:
        return index === null ? { action: "cancel", questionId } : null;
    }
  },
};
