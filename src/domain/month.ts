/**
 * Calendar months as the deployment files them: "YYYY-MM" (IsoMonth), the period figures are
 * reported for and late lists are drawn up for. The day-level helpers are in directive/dates.ts.
 */
import type { IsoDate, IsoMonth } from "./directive/dates.js";

/**
 * The month before the one `of` falls in: `2026-01` → `2025-12`, and a day `2027-01-04` →
 * `2026-12` (the late list and the reminders ask "last month" of today, the figures of a period).
 */
export function previousMonth(of: IsoMonth | IsoDate): IsoMonth {
  const y = Number(of.slice(0, 4));
  const m = Number(of.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}
