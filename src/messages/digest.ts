/**
 * The digest caption (docs/SCHEDULES.md: at most 1,024 characters — counts per colour, three best and
 * three worst, change since last week, units that have not reported, overdue tasks, units that
 * ignored three reminders). Lists shrink until the caption fits; the counts always stay.
 */
import { escapeHtml } from "../render/html.js";
import type { CatalogUnit } from "../domain/catalog.js";
import { formatViDate, formatViMonth, type IsoDate } from "../domain/directive/dates.js";
import type { Task } from "../domain/directive/schema.js";
import { formatRatioPercent } from "../domain/format.js";
import { percentOf, type Figures } from "../domain/evaluation/index.js";
import { ESCALATE_AFTER } from "../domain/schedule/escalation.js";
import { shortenUnitName } from "../render/unit-name.js";
import type { DigestRow, IndicatorDigest } from "./views.js";
import { countsLine } from "./status.js";

export const CAPTION_LIMIT = 1024;

export type OverdueTask = { task: Task; due: IsoDate; leads: readonly CatalogUnit[] };
export type DigestExtras = { overdue: readonly OverdueTask[]; escalated: readonly CatalogUnit[] };

const short = (u: CatalogUnit) => escapeHtml(shortenUnitName(u.name));

/** "▲2,3" / "▼1" / "=": change in percentage points; "mới" when there was nothing a week ago. */
export function changeText(now: Figures | null, before: Figures | null): string {
  const a = percentOf(now);
  const b = percentOf(before);
  if (a === null) return "";
  if (b === null) return "mới";
  const d = Math.round((a - b) * 10) / 10;
  if (d === 0) return "=";
  return `${d > 0 ? "▲" : "▼"}${Math.abs(d).toFixed(1).replace(/\.0$/, "").replace(".", ",")}`;
}

function rowText(r: DigestRow): string {
  const f = r.evaluation.figures;
  const pct = f ? (r.evaluation.percentText ?? "") : "";
  const change = changeText(f, r.weekAgo);
  return `${short(r.unit)} ${pct}${change ? ` (${change})` : ""}`;
}

function capped<T>(items: readonly T[], max: number, text: (t: T) => string): string {
  const shown = items.slice(0, max).map(text);
  const more = items.length - shown.length;
  return more > 0 ? `${shown.join(", ")}${shown.length > 0 ? ", " : ""}… +${more}` : shown.join(", ");
}

export function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase("vi") + s.slice(1);
}

export function digestTitle(d: IndicatorDigest, week: string): string {
  return `${capitalize(d.indicator.shortName ?? d.indicator.name)} — tuần ${week.slice(6)}/${week.slice(0, 4)}`;
}

function captionAt(
  d: IndicatorDigest,
  root: CatalogUnit,
  week: string,
  extras: DigestExtras | null,
  max: number,
): string {
  const lines = [
    `📊 <b>${escapeHtml(digestTitle(d, week))}</b>`,
    `${escapeHtml(root.name)} · số liệu tháng ${formatViMonth(d.period)}`,
  ];
  const total = d.total.now;
  if (total && total.denominator > 0) {
    const change = changeText(total, d.total.weekAgo);
    const since =
      change === "="
        ? " (không đổi so với tuần trước)"
        : change && change !== "mới"
          ? ` (${change} điểm so với tuần trước)`
          : "";
    lines.push(`Chung: ${formatRatioPercent(total.numerator, total.denominator) ?? ""}${since}`);
  }
  lines.push(countsLine(d.counts));
  if (d.best.length > 0) lines.push(`🏆 Tốt nhất: ${d.best.map(rowText).join("; ")}`);
  if (d.worst.length > 0) lines.push(`⚠️ Kém nhất: ${d.worst.map(rowText).join("; ")}`);
  if (d.notReported.length > 0)
    lines.push(`⚪ Chưa báo cáo (${d.notReported.length}): ${capped(d.notReported, max, short)}`);
  if (extras && extras.overdue.length > 0) {
    const t = (o: OverdueTask) =>
      `${escapeHtml(o.task.code)} (${o.leads.length > 1 ? `${o.leads.length} đơn vị` : o.leads.map(short).join("")}, hạn ${formatViDate(o.due)})`;
    lines.push(`⏰ Nhiệm vụ quá hạn (${extras.overdue.length}): ${capped(extras.overdue, max, t)}`);
  }
  if (extras && extras.escalated.length > 0) {
    lines.push(
      `🔔 Không phản hồi ${ESCALATE_AFTER} lần nhắc liên tiếp: ${capped(extras.escalated, Math.max(max, 3), short)}`,
    );
  }
  return lines.join("\n");
}

export const digestTexts = {
  caption(d: IndicatorDigest, root: CatalogUnit, week: string, extras: DigestExtras | null): string {
    for (const max of [8, 5, 3, 2, 1, 0]) {
      const text = captionAt(d, root, week, extras, max);
      if (text.length <= CAPTION_LIMIT) return text;
    }
    // Only unusually long unit names get here: keep whole lines, drop from the end.
    const lines = captionAt(d, root, week, extras, 0).split("\n");
    while (lines.join("\n").length > CAPTION_LIMIT - 2 && lines.length > 1) lines.pop();
    return `${lines.join("\n")}\n…`;
  },
  chartSubtitle: (root: CatalogUnit, d: IndicatorDigest) =>
    `Các đơn vị thuộc ${root.name} · số liệu tháng ${formatViMonth(d.period)} · ngày ${formatViDate(d.day)}`,
  noUnits: (root: CatalogUnit) =>
    `Chưa có đơn vị nào thuộc <b>${escapeHtml(root.name)}</b> được giao chỉ tiêu, nên chưa có biểu đồ.`,
  notLeaders: "Biểu đồ (/bieudo) chỉ dùng trong nhóm lãnh đạo. Trong nhóm đơn vị, xem tình hình bằng /tinhtrang.",
  unknownIndicator: (code: string) =>
    `⚠️ Không có chỉ tiêu mã <code>${escapeHtml(code)}</code> cho các đơn vị của nhóm này. Gửi /bieudo để xem tất cả.`,
};
