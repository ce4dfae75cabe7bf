/** Texts of `/nop` (docs/UPLOADS.md "Cú pháp /nop"); every example is built by grammar.ts. */
import { formatViMonth } from "../domain/directive/dates.js";
import type { Indicator } from "../domain/directive/schema.js";
import type { Evaluation } from "../domain/evaluation/index.js";
import { formatNumber } from "../domain/format.js";
import { UNDO_WINDOW_MS } from "../domain/limits.js";
import { formatMinutes } from "../render/format.js";
import { escapeHtml } from "../render/html.js";
import { countCommand, figuresPhrase, nopCommand, partLabel, resultDetails, resultLine } from "./grammar.js";

const code = (s: string) => `<code>${escapeHtml(s)}</code>`;
const b = (s: string) => `<b>${escapeHtml(s)}</b>`;

/** A figure as the grammar labels it: "tổng 120, hồ sơ trực tuyến 95", or "5 bộ dữ liệu". */
export type FigureView = { indicator: Indicator; period: string; numerator: number; denominator: number };
function phrase(f: Omit<FigureView, "period">): string {
  return f.indicator.kind === "count"
    ? `${formatNumber(f.numerator)} ${f.indicator.itemWord}`
    : figuresPhrase(f.indicator, f.denominator, f.numerator);
}

/** The command that reports `f` (the one a button under a refusal stands for). */
export function commandOf(f: FigureView, isDefault: boolean, current: string): string {
  const period = f.period === current ? null : f.period;
  const indicatorCode = isDefault ? null : f.indicator.code;
  return f.indicator.kind === "count"
    ? countCommand(f.indicator.code, f.numerator, period)
    : nopCommand({ indicatorCode, total: f.denominator, part: f.numerator, period });
}

function exampleOf(i: Indicator, isDefault: boolean): string {
  return i.kind === "count"
    ? countCommand(i.code, 5, null)
    : nopCommand({ indicatorCode: isDefault ? null : i.code, total: 120, part: 95, period: null });
}

export const reportTexts = {
  help(unitName: string, period: string, previous: string, indicators: readonly Indicator[], def?: Indicator): string {
    const lines = [
      `Cách báo cáo số liệu tháng ${formatViMonth(period)} của ${b(unitName)} — luôn ghi <b>tổng trước</b>, rồi số đạt:`,
      `• ${code("/nop")} — bot hỏi từng bước bằng nút bấm.`,
    ];
    if (def && def.kind !== "count") {
      lines.push(
        `• ${code(exampleOf(def, true))} — ${escapeHtml(def.name)}: ${escapeHtml(figuresPhrase(def, 120, 95))}.`,
      );
      lines.push(`• ${code("/nop tổng 120 trực tuyến 95")} — ghi nhãn cũng được.`);
    }
    lines.push("• Chỉ tiêu khác: <code>/nop &lt;mã&gt; &lt;tổng&gt; &lt;số đạt&gt;</code>, các mã:");
    for (const i of indicators) {
      const what =
        i.kind === "count"
          ? `một số: ${escapeHtml(i.numerator)}`
          : `tổng: ${escapeHtml(i.denominator ?? "")}; số đạt: ${escapeHtml(i.numerator)}`;
      lines.push(
        `  – ${code(i.code)} ${escapeHtml(i.shortName ?? i.name)} (${what}), ví dụ ${code(exampleOf(i, false))}`,
      );
    }
    lines.push(`• Báo cáo tháng trước: thêm ${code(`tháng ${formatViMonth(previous)}`)} vào cuối lệnh.`);
    lines.push("• Gửi cả bảng số liệu: /nhap (tệp mẫu điền sẵn cho đơn vị: /mau).");
    return lines.join("\n");
  },
  noIndicators: (unitName: string) =>
    `Chưa có chỉ thị nào giao chỉ tiêu cho ${b(unitName)}, nên chưa có gì để báo cáo. Liên hệ quản trị viên.`,
  invalid: (error: string, example: string) =>
    `⚠️ ${escapeHtml(error)}\nVí dụ đúng: ${code(example)} (tổng trước, rồi số trực tuyến). Gửi /nop để bot hỏi từng bước.`,
  needsCode: (valid: readonly Indicator[]) =>
    `⚠️ Ghi mã chỉ tiêu trước hai số, ví dụ ${code(nopCommand({ indicatorCode: valid[0]?.code ?? "ma", total: 120, part: 95, period: null }))}. Các mã: ${valid.map((i) => code(i.code)).join(", ")}. Chưa ghi gì.`,
  unknownIndicator: (wrong: string, valid: readonly Indicator[]) =>
    `⚠️ Không có chỉ tiêu mã ${code(wrong)} cho đơn vị này. Các mã hợp lệ: ${valid.map((i) => code(i.code)).join(", ")}. Gửi /nop để chọn bằng nút.`,
  ratioNeedsTwo: (i: Indicator) =>
    `⚠️ Chỉ tiêu ${code(i.code)} là tỷ lệ: cần tổng rồi số đạt, ví dụ ${code(exampleOf(i, false))}. Chưa ghi gì.`,
  countNeedsOne: (i: Indicator) =>
    `⚠️ Chỉ tiêu ${code(i.code)} là số lượng: gửi một số, ví dụ ${code(exampleOf(i, false))}. Chưa ghi gì.`,
  futurePeriod: (period: string) =>
    `⚠️ Kỳ tháng ${formatViMonth(period)} chưa đến, chưa thể báo cáo. Bỏ phần tháng để báo cáo tháng hiện tại.`,
  /** Figures in the wrong order: the swapped ones are offered as a button. */
  swapGuess: (unitName: string, swapped: FigureView, command: string) =>
    `⚠️ Số sau (${formatNumber(swapped.denominator)}) lớn hơn tổng (${formatNumber(swapped.numerator)}) — tổng đứng trước. ` +
    `Có phải ${b(phrase(swapped))} cho ${b(unitName)}, tháng ${formatViMonth(swapped.period)}? ` +
    `Bấm nút để ghi, hoặc gửi lại: ${code(command)}.`,
  swapButton: (swapped: FigureView) => `✅ Ghi: ${phrase(swapped)}`,
  oldPeriod: (unitName: string, f: FigureView, monthsBack: number) =>
    `⚠️ Tháng ${formatViMonth(f.period)} đã qua ${monthsBack} tháng. Vẫn ghi ${b(phrase(f))} cho ${b(unitName)}, tháng ${formatViMonth(f.period)}?\n` +
    "Gõ nhầm năm thì bấm Huỷ rồi gửi lại.",
  saveButton: "✅ Ghi",
  cancelButton: "Huỷ",
  cancelled: (byName: string) => `Đã huỷ (${escapeHtml(byName)} bấm Huỷ). Chưa ghi số liệu nào.`,
  pressCancelled: "Đã huỷ.",
  pressSaved: "Đã ghi.",
  notYours: "Chỉ người gửi lệnh /nop này mới bấm được. Muốn báo cáo, gửi /nop.",
  questionGone: "Câu hỏi này đã hết hạn hoặc đã được trả lời. Gửi /nop để báo cáo lại.",
  /** Step 1 of the guided flow. */
  guideIndicator: (unitName: string, quick: string | null) =>
    `📝 Báo cáo số liệu của ${b(unitName)} — chọn chỉ tiêu:` +
    (quick ? `\n(Gõ nhanh: ${code(quick)} — tổng, rồi số trực tuyến. Hướng dẫn: /nop ?)` : ""),
  guideMonth: (unitName: string, i: Indicator) => `📝 ${b(unitName)} — ${escapeHtml(i.name)}.\nBáo cáo tháng nào?`,
  /** The guided `/nop` of a unit that reports one indicator: no indicator question, it is named. */
  guideOnlyIndicator: (unitName: string, i: Indicator, quick: string | null) =>
    `📝 ${b(unitName)} báo cáo một chỉ tiêu: ${b(i.name)}.\nBáo cáo tháng nào?` +
    (quick ? `\n(Gõ nhanh: ${code(quick)} — tổng, rồi số trực tuyến. Hướng dẫn: /nop ?)` : ""),
  monthButton: (which: "current" | "previous", period: string) =>
    `${which === "current" ? "Tháng này" : "Tháng trước"} (${formatViMonth(period)})`,
  guideChosen: (unitName: string, i: Indicator, period: string) =>
    `📝 ${b(unitName)} — ${escapeHtml(i.name)}, tháng ${formatViMonth(period)}. Gửi số liệu ở tin nhắn dưới.`,
  /** The force-reply: the one input the flow cannot ask with buttons. */
  guideFigures: (i: Indicator, period: string) =>
    i.kind === "count"
      ? `✍️ Trả lời tin nhắn này bằng một số: ${escapeHtml(i.numerator)} tháng ${formatViMonth(period)} (ví dụ ${code("5")}).`
      : `✍️ Trả lời tin nhắn này bằng hai số: <b>tổng</b>, rồi <b>${escapeHtml(partLabel(i))}</b> tháng ${formatViMonth(period)} (ví dụ ${code("120 95")}).`,
  guideFiguresPlaceholder: (i: Indicator) =>
    i.kind === "count" ? "một số, ví dụ 5" : "tổng, trực tuyến — ví dụ 120 95",
  guideConfirm: (unitName: string, f: FigureView) =>
    `Ghi ${b(phrase(f))} cho ${b(unitName)}, tháng ${formatViMonth(f.period)}?`,
  guideBadFigures: (error: string) => `⚠️ ${escapeHtml(error)} Trả lời lại tin nhắn của bot, ví dụ ${code("120 95")}.`,
  saved(unitName: string, f: FigureView, e: Evaluation, previous: { numerator: number; denominator: number } | null) {
    const prev = previous
      ? [`(Thay cho số liệu cũ: ${escapeHtml(phrase({ ...f, ...previous }))}; lịch sử vẫn được lưu.)`]
      : [];
    return [
      `✅ Đã ghi số liệu: ${escapeHtml(phrase(f))}.`,
      resultLine(unitName, f.period, e, f.indicator),
      ...resultDetails(e, f.indicator),
      ...prev,
    ].join("\n");
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
