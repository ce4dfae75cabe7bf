/** Texts of the morning message and of the peak-week status (docs/SCHEDULES.md). */
import { escapeHtml, fitMessage } from "../render/html.js";
import { daysBetween } from "../domain/calendar/index.js";
import type { CatalogUnit } from "../domain/catalog.js";
import { formatViDate, formatViMonth, type IsoDate } from "../domain/directive/dates.js";
import type { Indicator } from "../domain/directive/schema.js";
import { formatNumber } from "../domain/format.js";
import { describeEvaluation, targetPhrase, type Evaluation, type LevelCounts } from "../domain/evaluation/index.js";
import { countCommand, nopCommand } from "./grammar.js";
import { countsLine, levelIcon } from "./status.js";

export type FigureItem = {
  indicator: Indicator;
  /** Missing or stale: the reason this section exists. */
  due: boolean;
  hasFigures: boolean;
  lastDay: IsoDate | null;
  evaluation: Evaluation;
};

export type PeakLine = { indicator: Indicator; evaluation: Evaluation };

const name = (i: Indicator) => escapeHtml(i.shortName ?? i.name);

export function standingText(e: Evaluation): string {
  const f = e.figures;
  if (!f) return "chưa báo cáo";
  if (!e.percentText) return "chưa phát sinh hồ sơ";
  const m = e.inForce ?? e.next;
  const target = m ? `, chỉ tiêu ${targetPhrase(m.targetText, m.comparison)}` : "";
  return `${e.percentText} (${formatNumber(f.numerator)}/${formatNumber(f.denominator)})${target}`;
}

/** The gap line of the evaluation, when the unit is short of its milestone. */
export function gapText(e: Evaluation, indicator: Indicator): string | null {
  if (!(e.missingUnreachable || (e.missing !== null && e.missing > 0))) return null;
  return describeEvaluation(e, indicator)[1] ?? null;
}

/** How to answer, in the grammar's order; `period` is written out when it is not this month. */
function howToReply(items: readonly FigureItem[], defaultCode: string | null, period: string | null): string[] {
  const due = items.filter((i) => i.due);
  const lines: string[] = [];
  const example = (i: Indicator, isDefault: boolean) =>
    i.kind === "count"
      ? countCommand(i.code, 5, period)
      : nopCommand({ indicatorCode: isDefault ? null : i.code, total: 120, part: 95, period });
  const def = due.find((i) => i.indicator.code === defaultCode);
  if (def) {
    lines.push(
      `Trả lời: <code>${escapeHtml(example(def.indicator, true))}</code> (tổng số hồ sơ, rồi số hồ sơ trực tuyến — thay bằng số của đơn vị), hoặc /nop để bot hỏi từng bước.`,
    );
  }
  const coded = due.filter((i) => i.indicator.code !== defaultCode);
  if (coded.length > 0) {
    const codes = coded.map((i) => `<code>${escapeHtml(example(i.indicator, false))}</code>`);
    lines.push(`${lines.length > 0 ? "Chỉ tiêu khác" : "Trả lời"} (tổng trước, rồi số đạt): ${codes.join("; ")}.`);
  }
  return lines;
}

export const reminderTexts = {
  morning(unit: CatalogUnit, day: IsoDate, sections: readonly (readonly string[])[]): string {
    const head = `☀️ <b>Nhắc việc ngày ${formatViDate(day)}</b> — ${escapeHtml(unit.name)}`;
    const text = [head, ...sections.map((s) => s.join("\n"))].join("\n\n");
    return fitMessage(text, "\n… (còn nữa — xem /nhiemvu, /tinhtrang)");
  },

  /** `closing`: the first days of a month, when last month's figures (`period`) are closed. */
  figures(period: string, day: IsoDate, items: readonly FigureItem[], defaultCode: string | null, closing = false) {
    const lines = [
      closing
        ? `📝 <b>Chốt số liệu tháng ${formatViMonth(period)}</b> (tháng trước): gửi số cuối cùng của tháng.`
        : `📝 <b>Số liệu tháng ${formatViMonth(period)}</b>`,
    ];
    const none = closing ? `chưa có số liệu tháng ${formatViMonth(period)}` : "chưa có số liệu tháng này";
    for (const it of items) {
      const last = it.lastDay
        ? `cập nhật lần cuối ${formatViDate(it.lastDay)} (${daysBetween(it.lastDay, day)} ngày trước)`
        : "chưa từng báo cáo";
      const state = !it.due
        ? `${standingText(it.evaluation)}`
        : it.hasFigures
          ? `${last} — ${standingText(it.evaluation)}`
          : `${none}; ${last}`;
      lines.push(`• ${name(it.indicator)}: ${state}`);
      const gap = gapText(it.evaluation, it.indicator);
      if (gap) lines.push(`  ↳ ${escapeHtml(gap)}`);
    }
    return [...lines, ...howToReply(items, defaultCode, closing ? period : null)];
  },

  reporting(
    lines: readonly {
      directiveNumber: string;
      periodText: string;
      due: IsoDate;
      daysLeft: number;
      indicators: readonly Indicator[];
    }[],
  ): string[] {
    const out = ["📅 <b>Hạn báo cáo định kỳ</b>"];
    for (const l of lines) {
      const when = l.daysLeft === 0 ? "<b>hôm nay</b>" : `còn ${l.daysLeft} ngày`;
      out.push(
        `• Báo cáo ${escapeHtml(l.periodText)} theo ${escapeHtml(l.directiveNumber)}: hạn ${formatViDate(l.due)} (${when}).`,
      );
      out.push(`  Cập nhật số liệu mới nhất trước hạn: ${l.indicators.map(name).join(", ")} (/nop).`);
    }
    return out;
  },

  peakUnit(from: IsoDate, to: IsoDate, items: readonly PeakLine[]): string[] {
    return [
      `🔥 <b>Tuần lễ cao điểm</b> (${formatViDate(from)}–${formatViDate(to)}): tình hình hôm nay`,
      ...items.map((i) => `${levelIcon(i.evaluation)} ${name(i.indicator)}: ${standingText(i.evaluation)}`),
    ];
  },

  peakLeaders(
    root: CatalogUnit,
    day: IsoDate,
    from: IsoDate,
    to: IsoDate,
    parts: readonly { indicator: Indicator; counts: LevelCounts; worst: readonly string[]; notReported: number }[],
  ): string {
    const lines = [
      `🔥 <b>Tuần lễ cao điểm</b> ${formatViDate(from)}–${formatViDate(to)} — tình hình ngày ${formatViDate(day)}, các đơn vị thuộc <b>${escapeHtml(root.name)}</b>`,
    ];
    for (const p of parts) {
      lines.push("", `<b>${name(p.indicator)}</b>`, countsLine(p.counts));
      if (p.worst.length > 0) lines.push(`Cần đôn đốc: ${p.worst.map(escapeHtml).join(", ")}`);
    }
    lines.push("", "Chi tiết: /tinhtrang · biểu đồ: /bieudo");
    return lines.join("\n");
  },
};
