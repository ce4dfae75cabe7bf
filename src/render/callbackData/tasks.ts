/** Buttons of task reminders and `/xong`. */
import { idFamily, actionFamily } from "./core.js";

/**
 * "✅ Xong <mã>" under a task reminder: a TaskOccurrence. The press only asks to confirm
 * (taskStepButton "confirm" marks it done), so a slip of the thumb in a busy group marks nothing.
 */
export type TaskButton = { rowId: number };
export const taskButton = idFamily<TaskButton>(
  "task",
  (rowId) => ({ rowId }),
  (v) => v.rowId,
);

/**
 * The steps after "✅ Xong": confirm / keep (the confirmation of the reminder's button), then
 * under the bot's "đã ghi nhận hoàn thành" "📎 Gửi minh chứng" (evidence) / "Bỏ qua" (skip).
 */
export type TaskStep = "confirm" | "keep" | "evidence" | "skip";
export type TaskStepButton = { step: TaskStep; rowId: number };
export const taskStepButton = actionFamily<TaskStep, TaskStepButton>(
  "tk",
  { c: "confirm", k: "keep", e: "evidence", s: "skip" },
  (step, rowId) => ({ step, rowId }),
  (v) => [v.step, v.rowId],
);
