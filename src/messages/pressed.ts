/**
 * The line a message gets when one of its buttons has been pressed: what was done, by whom and
 * when ("✅ Xong — Nguyễn Văn A, 14:05 05/12/2026"), so a group reading the chat later sees the
 * outcome on the message itself, not only in a reply further down.
 */
import { escapeHtml } from "../render/html.js";
import { timeLabel } from "./approvers.js";

export type PressedAction =
  | "done"
  | "returned"
  | "cancelled"
  | "approved"
  | "rejected"
  | "saved"
  | "undone"
  | "skipped"
  | "evidenceAsked"
  | "picked"
  | "sentToHead"
  | "salutation";

const LABELS: Record<PressedAction, string> = {
  done: "✅ Xong",
  returned: "📦 Đã trả kết quả",
  cancelled: "✖️ Đã huỷ",
  approved: "✅ Đã duyệt",
  rejected: "❌ Đã từ chối",
  saved: "💾 Đã lưu",
  undone: "↩️ Đã hoàn tác",
  skipped: "⏭ Không gửi minh chứng",
  evidenceAsked: "📎 Đang chờ minh chứng",
  picked: "📅 Ngày hẹn mới",
  sentToHead: "📨 Đã gửi thủ trưởng duyệt",
  salutation: "👤 Gửi",
};

export const pressedTexts = {
  /** "✅ Xong T-1 — Lan, 14:05 05/12/2026"; `what` (a code, a count) is plain text. */
  line: (action: PressedAction, who: string, at: Date, what?: string) =>
    `${LABELS[action]}${what ? ` ${escapeHtml(what)}` : ""} — ${escapeHtml(who)}, ${timeLabel(at)}`,
  /** The pressed message's HTML with the line under it. */
  withLine: (html: string, line: string) => `${html}\n\n<b>${line}</b>`,
  confirmYes: "✔️ Xác nhận",
  confirmNo: "Không",
  keptAsWas: "Đã giữ nguyên.",
};
