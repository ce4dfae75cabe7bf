/** Texts of `/tinhtrang` (docs/UPLOADS.md). */
import { escapeHtml } from "../render/html.js";
import type { CatalogUnit } from "../domain/catalog.js";
import { formatViMonth } from "../domain/directive/dates.js";
import { formatNumber } from "../domain/format.js";
import type { Indicator } from "../domain/directive/schema.js";
import { describeEvaluation, LEVEL_NAMES, type LevelCounts } from "../domain/evaluation/index.js";
import { countCommand, nopCommand } from "./grammar.js";
import { LEVEL_ICONS, levelIcon } from "./levels.js";
import type { SubtreeStatus, UnitIndicatorStatus } from "./views.js";

export { LEVEL_ICONS, levelIcon } from "./levels.js";

export function countsLine(c: LevelCounts): string {
  const parts = (["xanh", "vang", "cam", "do"] as const).map((l) => `${LEVEL_ICONS[l]} ${LEVEL_NAMES[l]} ${c[l]}`);
  parts.push(`⚪ chưa báo cáo ${c.notReported}`);
  return parts.join(" · ");
}

/**
 * A command that reports `indicator` for `period`, built by the grammar (grammar.ts) so it parses:
 * the unit's own indicator code (several may be unreported), total first, the month when not this one.
 */
function reportExample(indicator: Indicator, period: string, current: string): string {
  const month = period === current ? null : period;
  return indicator.kind === "count"
    ? countCommand(indicator.code, 5, month)
    : nopCommand({ indicatorCode: indicator.code, total: 120, part: 95, period: month });
}

export const statusTexts = {
  /** `current`: this month, left out of the `/nop` examples (a command without a month reports it). */
  unit(unit: CatalogUnit, period: string, items: readonly UnitIndicatorStatus[], current: string): string {
    const lines = [`📊 Tình hình tháng ${formatViMonth(period)} — <b>${escapeHtml(unit.name)}</b>`];
    for (const { indicator, evaluation } of items) {
      const [first, ...rest] = describeEvaluation(evaluation, indicator);
      lines.push(`${levelIcon(evaluation)} ${escapeHtml(first ?? "")}`);
      for (const r of rest) lines.push(`   ${escapeHtml(r)}`);
      if (evaluation.status === "not-reported")
        lines.push(`   Báo cáo, ví dụ: <code>${escapeHtml(reportExample(indicator, period, current))}</code>`);
    }
    if (items.length === 0) lines.push("Chưa có chỉ thị nào giao chỉ tiêu cho đơn vị này.");
    return lines.join("\n");
  },
  subtree(root: CatalogUnit, period: string, s: SubtreeStatus, others: readonly Indicator[]): string {
    const name = s.indicator.shortName ?? s.indicator.name;
    const lines = [
      `📊 Tháng ${formatViMonth(period)} — ${escapeHtml(name)} — các đơn vị thuộc <b>${escapeHtml(root.name)}</b>`,
      countsLine(s.counts),
    ];
    if (s.rows.length > 0) lines.push("Kém nhất trước:");
    s.rows.forEach((r, i) => {
      const e = r.evaluation;
      const f = e.figures;
      const value =
        e.percentText && f
          ? `${e.percentText} (${formatNumber(f.numerator)}/${formatNumber(f.denominator)})`
          : "chưa phát sinh hồ sơ";
      const target = e.inForce
        ? `, chỉ tiêu ${e.inForce.targetText}`
        : e.next
          ? `, chỉ tiêu tới ${e.next.targetText}`
          : "";
      lines.push(`${i + 1}. ${levelIcon(e)} ${escapeHtml(r.unit.name)} — ${value}${target}`);
    });
    if (s.notReported.length > 0) {
      lines.push(`Chưa báo cáo (${s.notReported.length}): ${s.notReported.map((u) => escapeHtml(u.name)).join(", ")}`);
    }
    if (others.length > 0)
      lines.push(`Chỉ tiêu khác: ${others.map((i) => `<code>/tinhtrang ${escapeHtml(i.code)}</code>`).join(", ")}`);
    return lines.join("\n");
  },
  noUnitsBelow: (root: CatalogUnit) => `Chưa có đơn vị nào thuộc <b>${escapeHtml(root.name)}</b> được giao chỉ tiêu.`,
  nothingInForceBelow: (root: CatalogUnit) =>
    `Hiện không có chỉ tiêu nào đang áp dụng cho các đơn vị thuộc <b>${escapeHtml(root.name)}</b>: chỉ tiêu của các văn bản đã giao đều đã hết kỳ. Xem /chithi để biết văn bản nào còn hiệu lực.`,
  unknownIndicator: (code: string, valid: readonly Indicator[]) =>
    `⚠️ Không có chỉ tiêu mã <code>${escapeHtml(code)}</code>. Các mã: ${valid.map((i) => `<code>${escapeHtml(i.code)}</code>`).join(", ")}.`,
};
