/** Small helpers the page's HTML shares: escaping for text and attributes, level names and colours. */
import { formatViDate } from "../../domain/directive/dates.js";
import { LEVEL_NAMES, type Level, type MilestoneRef } from "../../domain/evaluation/index.js";
import { escapeHtml } from "../../render/html.js";

export { escapeHtml };

/** Attribute values are quoted with `"`: escape it as well as what `escapeHtml` does. */
export const attr = (text: string): string => escapeHtml(text).replace(/"/g, "&quot;");

export const levelName = (l: Level | null): string => (l ? LEVEL_NAMES[l] : "");

/** "70% (đến 30/06/2026)" — the milestone as a leader reads it. */
export function milestoneText(m: MilestoneRef | null): string {
  return m ? `${m.targetText} (đến ${formatViDate(m.deadline)})` : "";
}
