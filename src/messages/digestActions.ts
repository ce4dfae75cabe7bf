/** Texts of the buttons under a leaders' digest and of what they answer (docs/SCHEDULES.md "Bản tin tuần"). */
import type { CatalogUnit } from "../domain/catalog.js";
import { formatViDate, formatViMonth, vnDate, vnTime, type IsoDate } from "../domain/directive/dates.js";
import type { Indicator } from "../domain/directive/schema.js";
import { formatNumber } from "../domain/format.js";
import { gapToTarget, judgedMilestone } from "../domain/evaluation/index.js";
import { escapeHtml } from "../render/html.js";
import { capitalize, changeText, periodText, type OverdueTask } from "./digest.js";
import { countsLine, levelIcon } from "./status.js";
import type { DigestRow, IndicatorDigest } from "./views.js";

const points = (n: number) => n.toFixed(1).replace(/\.0$/, "").replace(".", ",");

function listRow(r: DigestRow, i: number): string {
  const e = r.evaluation;
  const f = e.figures;
  const target = judgedMilestone(e);
  const gap = gapToTarget(e);
  const against =
    target === null
      ? ""
      : gap !== null && gap > 0
        ? ` · chỉ tiêu ${target.targetText}, thiếu ${points(gap)} điểm`
        : ` · chỉ tiêu ${target.targetText}, đạt`;
  const change = changeText(f, r.weekAgo);
  const since = change === "mới" ? " · mới báo cáo trong tuần" : change && change !== "=" ? ` · ${change}` : "";
  const counts = f && f.denominator > 0 ? ` (${formatNumber(f.numerator)}/${formatNumber(f.denominator)})` : "";
  return `${i + 1}. ${levelIcon(e)} ${escapeHtml(r.unit.name)} — ${e.percentText ?? ""}${counts}${against}${since}`;
}

export const digestActionTexts = {
  remindButton: (n: number) => `🔔 Nhắc ${n} đơn vị chưa báo cáo`,
  listButton: "📋 Danh sách đầy đủ",
  xlsxButton: "📥 Tải .xlsx",
  pickButton: "📊 Xem một chỉ tiêu",
  /** The note added under the digest after "Nhắc": who pressed it and what it did. Plain text (kept with the message's entities). */
  reminded: (who: string, at: Date, reminded: number, withoutChat: number) =>
    `🔔 ${who} đã nhắc ${reminded} đơn vị chưa báo cáo lúc ${vnTime(at)} ngày ${formatViDate(vnDate(at))}.${withoutChat > 0 ? ` ${withoutChat} đơn vị chưa có nhóm nên chưa nhắc được.` : ""}`,
  nobodyToRemind: "Các đơn vị đều đã báo cáo tháng này — không có ai để nhắc.",
  remindedAlert: (n: number) => `Đã gửi lời nhắc tới ${n} nhóm đơn vị.`,
  /** In the unit's own chat. */
  reminder: (unit: CatalogUnit, period: string, closed: boolean, indicators: readonly Indicator[]) =>
    [
      `🔔 <b>Lãnh đạo nhắc: ${closed ? "chốt " : ""}số liệu tháng ${formatViMonth(period)}</b>`,
      `${escapeHtml(unit.name)} chưa báo cáo: ${indicators.map((i) => escapeHtml(i.shortName ?? i.name)).join(", ")}.`,
      "Báo cáo ngay bằng lệnh /nop (cần mẫu thì gửi /mau).",
    ].join("\n"),
  list(root: CatalogUnit, d: IndicatorDigest): string {
    const lines = [
      `📋 <b>${escapeHtml(capitalize(d.indicator.shortName ?? d.indicator.name))}</b> — ${escapeHtml(root.name)} · ${periodText(d)}`,
      countsLine(d.counts),
      "Xa chỉ tiêu của mình nhất trước:",
      ...d.ranked.map(listRow),
    ];
    if (d.notReported.length > 0)
      lines.push(
        `⚪ Chưa báo cáo (${d.notReported.length}): ${d.notReported.map((u) => escapeHtml(u.name)).join(", ")}`,
      );
    return lines.join("\n");
  },
  /** Every overdue task below the root (the caption names only the earliest). */
  overdue: (items: readonly OverdueTask[]) =>
    [
      `⏰ <b>Nhiệm vụ quá hạn (${items.length})</b>`,
      ...items.map(
        (o) =>
          `• ${escapeHtml(o.task.code)} — ${o.leads.map((u) => escapeHtml(u.name)).join(", ")} · hạn ${formatViDate(o.due)}`,
      ),
    ].join("\n"),
  xlsxCaption: (root: CatalogUnit, period: string, day: IsoDate) =>
    `📥 Số liệu ${escapeHtml(root.name)} — tháng ${formatViMonth(period)} (đến ngày ${formatViDate(day)})`,
  pickPrompt: (root: CatalogUnit) => `Chọn chỉ tiêu để xem biểu đồ các đơn vị thuộc <b>${escapeHtml(root.name)}</b>:`,
  pickIndicator: (i: Indicator) => capitalize(i.shortName ?? i.name),
  notYours: "Nút này thuộc bản tin của nhóm lãnh đạo khác. Gửi /bieudo để xem bản tin của nhóm này.",
  notLeader: "Chỉ lãnh đạo dùng được các nút của bản tin.",
};
