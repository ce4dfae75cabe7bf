/**
 * When a directive binds, and for how long its targets speak (docs/DIRECTIVES.md "Hiệu lực").
 *
 * - A directive binds nothing before it takes effect: `effectiveFrom`, by default the issue
 *   date (Luật Ban hành văn bản: an administrative document takes effect on signature unless it
 *   says otherwise).
 * - It stops binding after `effectiveUntil`, or the day before the directive named in
 *   `replacedBy` takes over (its `on`, else that directive's own effective date when loaded).
 *   Replaced by a directive that is not loaded and with no date: it is treated as ended.
 * - A directive with no end date stays in force, but its targets do not outlive their horizon:
 *   a milestone measures the figures up to its deadline (or its `measures` period), and the
 *   last milestone a directive sets for a unit and indicator stays in force only to the end of
 *   the year of its deadline — "mục tiêu năm 2022" (seed 002 mục 1), "đến tháng 11/2023"
 *   (seed 001 Điều 1), the year-end roadmap to 31/12/2025 (seed 000 Phụ lục), the 2022 plan
 *   (seed 004). Earlier milestones stay in force until a later one of the same directive falls
 *   due. After that nothing of that directive is in force, and dondoc says so.
 *
 * Pure: dates are ISO strings.
 */
import { lastDayOfMonth, type IsoDate } from "./dates.js";
import type { Directive, Milestone } from "./schema.js";

export function effectiveFrom(d: Pick<Directive, "effectiveFrom" | "issuedOn">): IsoDate {
  return d.effectiveFrom ?? d.issuedOn;
}

/** `2024-01-01` → `2023-12-31`. */
export function dayBefore(date: IsoDate): IsoDate {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}

export type DirectiveEnd =
  | { kind: "open" }
  | { kind: "until"; date: IsoDate }
  | { kind: "replaced"; date: IsoDate | null; by: string };

/** How a directive ends, given the directives of the deployment (to date a replacement). */
export function directiveEnd(d: Directive, all: readonly Directive[]): DirectiveEnd {
  if (d.replacedBy) {
    const by = all.find((o) => o.id === d.replacedBy?.id);
    const takesOver = d.replacedBy.on ?? (by ? effectiveFrom(by) : null);
    const replacedEnd = takesOver === null ? null : dayBefore(takesOver);
    const date =
      d.effectiveUntil !== undefined && (replacedEnd === null || d.effectiveUntil < replacedEnd)
        ? d.effectiveUntil
        : replacedEnd;
    return { kind: "replaced", date, by: by?.number ?? d.replacedBy.text ?? d.replacedBy.id };
  }
  return d.effectiveUntil !== undefined ? { kind: "until", date: d.effectiveUntil } : { kind: "open" };
}

export type ValidityStatus = "not-yet" | "in-force" | "ended";

export function validityOn(d: Directive, asOf: IsoDate, all: readonly Directive[]): ValidityStatus {
  if (asOf < effectiveFrom(d)) return "not-yet";
  const end = directiveEnd(d, all);
  if (end.kind === "open") return "in-force";
  if (end.date === null) return "ended";
  return asOf <= end.date ? "in-force" : "ended";
}

/** The last day of the directive's binding, or null when open-ended (or replaced, undated: "ended"). */
function endDate(d: Directive, all: readonly Directive[]): IsoDate | null | "ended" {
  const end = directiveEnd(d, all);
  if (end.kind === "open") return null;
  return end.date ?? "ended";
}

/**
 * The days a milestone can be applied to a unit: from the directive's effect (and the start of
 * its `measures` period) to the end of its horizon (see the module comment). `lastDeadline` is
 * the latest deadline among the directive's milestones binding this unit for this indicator:
 * once its year is over, every milestone of the directive for them has lapsed.
 */
export function milestoneWindow(
  milestone: Milestone,
  directive: Directive,
  lastDeadline: IsoDate,
  all: readonly Directive[],
): { from: IsoDate; until: IsoDate } | null {
  const end = endDate(directive, all);
  if (end === "ended") return null;
  let from = effectiveFrom(directive);
  if (milestone.measures?.from !== undefined && `${milestone.measures.from}-01` > from)
    from = `${milestone.measures.from}-01`;
  let until: IsoDate = `${lastDeadline.slice(0, 4)}-12-31`;
  if (milestone.measures && lastDayOfMonth(milestone.measures.to) < until)
    until = lastDayOfMonth(milestone.measures.to);
  if (end !== null && end < until) until = end;
  return until < from ? null : { from, until };
}
