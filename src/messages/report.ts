/** Texts of `/nop` (docs/UPLOADS.md). */
import { formatViMonth } from "../domain/directive/dates.js";
import type { Indicator } from "../domain/directive/schema.js";
import { formatNumber } from "../domain/format.js";
import { UNDO_WINDOW_MS } from "../domain/limits.js";
import { formatMinutes } from "../render/format.js";
import { escapeHtml } from "../render/html.js";

export const reportTexts = {
  help(
    unitName: string,
    period: string,
    indicators: readonly Indicator[],
    defaultIndicator: Indicator | undefined,
  ): string {
    const lines = [`Cách báo cáo số liệu tháng ${formatViMonth(period)} của <b>${escapeHtml(unitName)}</b>:`];
    if (defaultIndicator) {
      lines.push(
        `• <code>/nop 120 95</code> — tổng 120 hồ sơ, trong đó 95 trực tuyến (chỉ tiêu: ${escapeHtml(defaultIndicator.name)})`,
      );
    }
    lines.push("• <code>/nop &lt;mã chỉ tiêu&gt; &lt;tử số&gt; &lt;mẫu số&gt;</code> với các mã:");
    for (const i of indicators) {
      lines.push(
        i.denominator === undefined
          ? `  – <code>${escapeHtml(i.code)}</code>: ${escapeHtml(i.shortName ?? i.name)} (một số: ${escapeHtml(i.numerator)})`
          : `  – <code>${escapeHtml(i.code)}</code>: ${escapeHtml(i.shortName ?? i.name)} (tử số: ${escapeHtml(i.numerator)}; mẫu số: ${escapeHtml(i.denominator)})`,
      );
    }
    lines.push("• Báo cáo tháng trước: thêm <code>thang 10/2026</code> vào cuối lệnh.");
    lines.push("• Gửi cả bảng số liệu: /nhap (tệp mẫu: /mau).");
    return lines.join("\n");
  },
  noIndicators: (unitName: string) =>
    `Chưa có chỉ thị nào giao chỉ tiêu cho <b>${escapeHtml(unitName)}</b>, nên chưa có gì để báo cáo. Liên hệ quản trị viên.`,
  invalid: (error: string) =>
    `⚠️ ${escapeHtml(error)}\nVí dụ đúng: <code>/nop 120 95</code> (tổng số hồ sơ, số hồ sơ trực tuyến). Gửi /nop để xem hướng dẫn.`,
  unknownIndicator: (code: string, valid: readonly Indicator[]) =>
    `⚠️ Không có chỉ tiêu mã <code>${escapeHtml(code)}</code> cho đơn vị này. Các mã hợp lệ: ${valid.map((i) => `<code>${escapeHtml(i.code)}</code>`).join(", ")}.`,
  ratioNeedsTwo: (code: string) =>
    `⚠️ Chỉ tiêu <code>${escapeHtml(code)}</code> là tỷ lệ: cần tử số và mẫu số, ví dụ <code>/nop ${escapeHtml(code)} 95 120</code>. Chưa ghi gì.`,
  countNeedsOne: (code: string) =>
    `⚠️ Chỉ tiêu <code>${escapeHtml(code)}</code> là số lượng: gửi một số, ví dụ <code>/nop ${escapeHtml(code)} 5</code>. Chưa ghi gì.`,
  futurePeriod: (period: string) =>
    `⚠️ Kỳ tháng ${formatViMonth(period)} chưa đến, chưa thể báo cáo. Bỏ phần tháng để báo cáo tháng hiện tại.`,
  saved(
    unitName: string,
    period: string,
    evaluationLines: readonly string[],
    previous: { numerator: number; denominator: number } | null,
  ): string {
    const head = `✅ Đã ghi số liệu tháng ${formatViMonth(period)} của <b>${escapeHtml(unitName)}</b>.`;
    const prev = previous
      ? [
          `(Thay cho số liệu cũ ${formatNumber(previous.numerator)}/${formatNumber(previous.denominator)}; lịch sử vẫn được lưu.)`,
        ]
      : [];
    return [head, ...evaluationLines.map(escapeHtml), ...prev].join("\n");
  },
  undoButton: `↩️ Hoàn tác (trong ${formatMinutes(UNDO_WINDOW_MS)})`,
  undone: (restored: { numerator: number; denominator: number } | null) =>
    restored
      ? `↩️ Đã hoàn tác: số liệu trở lại ${formatNumber(restored.numerator)}/${formatNumber(restored.denominator)}.`
      : "↩️ Đã hoàn tác: số liệu vừa gửi đã được xoá.",
  undoExpired: `Đã quá ${formatMinutes(UNDO_WINDOW_MS)}, không thể hoàn tác. Gửi lại /nop với số liệu đúng.`,
  undoSuperseded: "Số liệu này đã được cập nhật sau đó, không hoàn tác được. Gửi lại /nop với số liệu đúng.",
  undoAlready: "Báo cáo này đã được hoàn tác rồi.",
  undoNoUnit: "Nhóm này không còn gắn với đơn vị. Gửi /dangky <mã đơn vị> để đăng ký lại.",
  undoNotFound: "Không tìm thấy báo cáo này trong nhóm. Gửi /nop để báo cáo lại nếu cần.",
  undoOfUndo: "Đây là một lần hoàn tác, không hoàn tác lại được. Cần số liệu khác thì gửi lại /nop với số liệu đúng.",
  leadersCannotReport: "Nhóm lãnh đạo không báo cáo số liệu. Xem tình hình các đơn vị bằng /tinhtrang.",
};
