/**
 * Edge: reads the holiday calendar file; parsing and validation are pure
 * (`src/domain/calendar/schema.ts`).
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parseCalendarText, type CalendarParseResult } from "../domain/calendar/schema.js";

/** `directives/calendar/vn-holidays.yaml` of this checkout. */
export const DEFAULT_CALENDAR_PATH = fileURLToPath(
  new URL("../../directives/calendar/vn-holidays.yaml", import.meta.url),
);

export async function loadCalendarFile(path: string = DEFAULT_CALENDAR_PATH): Promise<CalendarParseResult> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ path: "(tệp)", message: `không đọc được ${path}: ${message}` }] };
  }
  return parseCalendarText(text);
}
