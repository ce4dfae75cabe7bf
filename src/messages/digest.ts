/**
 * The digest caption (docs/SCHEDULES.md "Bản tin tuần"), read on a phone: at most DIGEST_LINES
 * lines and 1,024 characters — the indicator and week, the overall figure with its change in
 * words, the units per colour, who is farthest below their own target, who to chase, overdue
 * tasks. Name lists shrink until it fits; the counts always stay. The full list is a button.
 */
import { escapeHtml } from "../render/html.js";
import type { CatalogUnit } from "../domain/catalog.js";
import { workWeekOf } from "../domain/digest/period.js";
import { formatViDate, formatViMonth, type IsoDate } from "../domain/directive/dates.js";
import type { Task } from "../domain/directive/schema.js";
import { formatRatioPercent } from "../domain/format.js";
import { judgedMilestone, percentOf, type Figures } from "../domain/evaluation/index.js";
import { ESCALATE_AFTER } from "../domain/schedule/escalation.js";
import { shortenUnitName } from "../render/unit-name.js";
import type { DigestRow, IndicatorDigest } from "./views.js";
import { countsLine } from "./status.js";

export const CAPTION_LIMIT = 1024;
/** A phone shows about this many caption lines under a photo before "more". */
export const DIGEST_LINES = 6;

/** Visible characters a caption line may take: about three lines on a phone. */
export const DIGEST_LINE_CHARS = 130;

export type OverdueTask = { task: Task; due: IsoDate; leads: readonly CatalogUnit[] };
export type DigestExtras = { overdue: readonly OverdueTask[]; escalated: readonly CatalogUnit[] };

const short = (u: CatalogUnit) => escapeHtml(shortenUnitName(u.name));
const comma = (n: number) => n.toFixed(1).replace(/\.0$/, "").replace(".", ",");

/** "▲2,3" / "▼1" / "=": change in percentage points; "mới" when there was nothing a week ago. */
export function changeText(now: Figures | null, before: Figures | null): string {
  const a = percentOf(now);
  const b = percentOf(before);
  if (a === null) return "";
  if (b === null) return "mới";
  const d = Math.round((a - b) * 10) / 10;
  if (d === 0) return "=";
  return `${d > 0 ? "▲" : "▼"}${comma(Math.abs(d))}`;
}

/** The change since last week in words: "tăng 1,3 điểm so với tuần trước". */
export function changeWords(now: Figures | null, before: Figures | null): string {
  const a = percentOf(now);
  const b = percentOf(before);
  if (a === null) return "";
  if (b === null) return "tuần trước chưa có số liệu";
  const d = Math.round((a - b) * 10) / 10;
  if (d === 0) return "không đổi so với tuần trước";
  return `${d > 0 ? "tăng" : "giảm"} ${comma(Math.abs(d))} điểm so với tuần trước`;
}

/** "tuần 30/11–04/12": the working week, by its dates. */
export function weekText(day: IsoDate): string {
  const { monday, friday } = workWeekOf(day);
  const dm = (d: IsoDate) => formatViDate(d).slice(0, 5);
  return `tuần ${dm(monday)}–${dm(friday)}`;
}

/** "tháng 11/2026" or, in the first days of the next month, "số liệu chốt tháng 10/2026". */
export const periodText = (d: Pick<IndicatorDigest, "period" | "closed">) =>
  `${d.closed ? "số liệu chốt " : ""}tháng ${formatViMonth(d.period)}`;

export function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase("vi") + s.slice(1);
}

export function digestTitle(d: IndicatorDigest): string {
  return `${capitalize(d.indicator.shortName ?? d.indicator.name)} — ${weekText(d.day)}`;
}

/** "Xã Dương Quang 45% (chỉ tiêu 75%)". */
export function rowText(r: DigestRow): string {
  const target = judgedMilestone(r.evaluation);
  return `${short(r.unit)} ${r.evaluation.percentText ?? ""}${target ? ` (chỉ tiêu ${target.targetText})` : ""}`;
}

function capped<T>(items: readonly T[], max: number, text: (t: T) => string): string {
  const shown = items.slice(0, max).map(text);
  const more = items.length - shown.length;
  return more > 0 ? `${shown.join(", ")}${shown.length > 0 ? ", " : ""}… +${more}` : shown.join(", ");
}

function captionAt(d: IndicatorDigest, root: CatalogUnit, extras: DigestExtras | null, max: number): string {
  const total = d.total.now;
  const overall =
    total && total.denominator > 0
      ? `: chung <b>${formatRatioPercent(total.numerator, total.denominator) ?? ""}</b>, ${changeWords(total, d.total.weekAgo)}`
      : ": chưa có số liệu";
  const lines = [
    `📊 <b>${escapeHtml(digestTitle(d))}</b>`,
    `${short(root)} · ${periodText(d)}${overall}`,
    countsLine(d.counts),
  ];
  if (d.belowTarget.length > 0) lines.push(`⚠️ Xa chỉ tiêu nhất: ${capped(d.belowTarget, Math.max(1, max), rowText)}`);
  else if (d.ranked.length > 0) lines.push("✅ Các đơn vị đã báo cáo đều đạt chỉ tiêu của mình.");
  const chase: string[] = [];
  if (d.notReported.length > 0)
    chase.push(`chưa báo cáo (${d.notReported.length}): ${capped(d.notReported, max, short)}`);
  if (extras && extras.escalated.length > 0)
    chase.push(`bỏ qua ${ESCALATE_AFTER} lần nhắc: ${capped(extras.escalated, Math.max(max, 1), short)}`);
  if (chase.length > 0) lines.push(`👉 Cần đôn đốc — ${chase.join("; ")}`);
  const [firstOverdue] = extras?.overdue ?? [];
  if (extras && firstOverdue) {
    const o = firstOverdue;
    const leads = o.leads.length > 1 ? `${o.leads.length} đơn vị` : o.leads.map(short).join("");
    const more = extras.overdue.length > 1 ? `, sớm nhất ` : ": ";
    lines.push(
      `⏰ ${extras.overdue.length} nhiệm vụ quá hạn${more}${escapeHtml(o.task.code)} (${leads}, hạn ${formatViDate(o.due)})`,
    );
  }
  return lines.join("\n");
}

export const digestTexts = {
  caption(d: IndicatorDigest, root: CatalogUnit, extras: DigestExtras | null): string {
    for (const max of [2, 1, 0]) {
      const text = captionAt(d, root, extras, max);
      const widest = Math.max(...text.split("\n").map((l) => l.replace(/<[^>]+>/g, "").length));
      if (text.length <= CAPTION_LIMIT && widest <= DIGEST_LINE_CHARS) return text;
    }
    // Only unusually long unit names get here: keep whole lines, drop from the end.
    const shortest = captionAt(d, root, extras, 0);
    if (shortest.length <= CAPTION_LIMIT) return shortest;
    const lines = shortest.split("\n");
    while (lines.join("\n").length > CAPTION_LIMIT - 2 && lines.length > 1) lines.pop();
    return `${lines.join("\n")}\n…`;
  },
  chartSubtitle: (root: CatalogUnit, d: IndicatorDigest) =>
    `${shortenUnitName(root.name)} · ${periodText(d)} · đến ngày ${formatViDate(d.day)}`,
  /** Drawn on the image (no emoji: the chart font has none). */
  chartFootnote: (shown: number, left: number) =>
    `Hiện ${shown}/${shown + left} đơn vị, xa chỉ tiêu nhất trước · xem đủ: "Danh sách đầy đủ", "Tải .xlsx"`,
  noUnits: (root: CatalogUnit) =>
    `Chưa có đơn vị nào thuộc <b>${escapeHtml(root.name)}</b> được giao chỉ tiêu, nên chưa có biểu đồ.`,
  notLeaders: "Biểu đồ (/bieudo) chỉ dùng trong nhóm lãnh đạo. Trong nhóm đơn vị, xem tình hình bằng /tinhtrang.",
  unknownIndicator: (code: string) =>
    `⚠️ Không có chỉ tiêu mã <code>${escapeHtml(code)}</code> cho các đơn vị của nhóm này. Gửi /bieudo để xem tất cả.`,
};
