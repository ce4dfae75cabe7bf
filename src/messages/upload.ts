/** Texts of `/mau`, `/nhap` and spreadsheet uploads (docs/UPLOADS.md). */
import { escapeHtml } from "../render/html.js";
import { formatViDate, formatViMonth } from "../domain/directive/dates.js";
import { formatNumber, formatRatioPercent } from "../domain/format.js";
import { MAX_SHEET_FILE_BYTES, PENDING_UPLOAD_TTL_MS, UNDO_WINDOW_MS } from "../domain/limits.js";
import { formatMegabytes, formatMinutes } from "../render/format.js";
import type {
  KeptFigure,
  OneStopPreview,
  PressRefusal,
  PreviewItem,
  RejectedRow,
  SavedSummary,
  SummaryLine,
  UploadUndoRefusal,
} from "./views.js";
import { resultLine } from "./grammar.js";

/** A file of 20.000 bad rows must not become 250 messages: the first ones show the pattern. */
const MAX_LISTED_ROWS = 100;
const MAX_SUMMARY_LINES = 40;
const NOTHING_SAVED = "Chưa có số liệu nào được lưu.";
const b = (s: string) => `<b>${escapeHtml(s)}</b>`;
const fraction = (n: number, d: number) =>
  `${formatNumber(n)}/${formatNumber(d)}${d > 0 ? ` (${formatRatioPercent(n, d) ?? ""})` : " (chưa phát sinh hồ sơ)"}`;
const cap = <T>(list: readonly T[], max: number) => ({
  shown: list.slice(0, max),
  more: Math.max(0, list.length - max),
});

function rejectedLines(rows: readonly RejectedRow[]): string[] {
  const { shown, more } = cap(rows, MAX_LISTED_ROWS);
  const lines = shown.map((r) => `• Dòng ${r.rowNumber}: ${escapeHtml(r.reason)}`);
  if (more > 0) lines.push(`• … và ${formatNumber(more)} dòng lỗi khác (sửa các lỗi trên, chúng thường lặp lại).`);
  return lines;
}

/** The same result line `/nop` prints (grammar.ts), one per saved figure. */
const summaryLine = (l: SummaryLine): string => resultLine(l.unit.name, l.period, l.evaluation, l.indicator);

function previewLine(i: PreviewItem): string {
  return `• ${b(i.unitName)} — ${escapeHtml(i.indicatorName)}: ${fraction(i.numerator, i.denominator)}`;
}

export const uploadReasons = {
  unknownUnit: (text: string) => `đơn vị "${text}" không có trong danh sách (tra mã bằng /donvi)`,
  otherUnit: (unitName: string, chatUnit: string) => `${unitName} không thuộc đơn vị của nhóm (${chatUnit})`,
  notAssigned: (code: string, unitName: string) => `chỉ tiêu "${code}" không được giao cho ${unitName}`,
  unknownIndicator: (code: string) => `mã chỉ tiêu "${code}" không tồn tại`,
  futurePeriod: (period: string) => `kỳ tháng ${formatViMonth(period)} chưa đến`,
  sameFigureAs: (row: number) => `trùng đơn vị, chỉ tiêu và kỳ với dòng ${row}`,
  sameUnitAs: (unitName: string, row: number) =>
    `${unitName} đã có ở dòng ${row}: hai dòng cho cùng đơn vị, không lấy dòng nào`,
};

export const uploadTexts = {
  templateCaption:
    "Tệp mẫu: mỗi dòng một đơn vị, một chỉ tiêu, một tháng; điền Tổng trước, rồi Trực tuyến (số đạt). Điền xong gửi /nhap và trả lời bằng tệp.",
  templateName: "mau-bao-cao-so-lieu.xlsx",
  /** The pre-filled template of a unit chat (one unit) or a leaders' chat (its units). */
  templateCaptionFor: (name: string, period: string, units: number, leaders: boolean) =>
    `📎 Tệp mẫu điền sẵn cho ${b(name)}${leaders ? ` và các đơn vị trực thuộc (${formatNumber(units)} đơn vị)` : ""}, tháng ${formatViMonth(period)}: ` +
    "điền cột Tổng trước, rồi cột Trực tuyến (số đạt) — như <code>/nop 120 95</code>. Dòng để trống được bỏ qua. " +
    (leaders
      ? "Nhóm lãnh đạo không gửi số liệu: chuyển tệp cho các đơn vị, mỗi đơn vị điền dòng của mình rồi gửi /nhap trong nhóm đơn vị; quản trị viên gửi được cả tệp trong tin nhắn riêng với bot."
      : "Điền xong gửi /nhap và trả lời tin nhắn của bot bằng tệp."),
  templateFileName: (code: string, period: string) => `mau-so-lieu-${code}-${period}.xlsx`,
  templateInstruction: (period: string) =>
    `Hướng dẫn: mỗi dòng là số liệu của một đơn vị, một chỉ tiêu, một tháng (kỳ ghi tháng/năm, ví dụ ${formatViMonth(period)}). ` +
    "Điền cột Tổng (mẫu số) trước, rồi cột Trực tuyến hoặc số đạt (tử số) — cùng thứ tự với lệnh /nop 120 95: tổng 120, trực tuyến 95. " +
    "Số nguyên không âm, số đạt không lớn hơn tổng. " +
    'Dòng có chữ "ví dụ" và dòng để trống cả hai số được bỏ qua. Điền xong gửi /nhap rồi trả lời tin nhắn của bot bằng tệp này.',
  prompt: (unitName: string | null) =>
    `📎 Trả lời tin nhắn này bằng tệp .xlsx hoặc .csv${unitName ? ` của ${b(unitName)}` : " (quản trị viên: số liệu của mọi đơn vị)"}: ` +
    "bảng số liệu theo mẫu (/mau) hoặc báo cáo thống kê xuất từ hệ thống một cửa.",
  promptPlaceholder: "Đính kèm tệp .xlsx hoặc .csv",
  replyWithFile:
    "Hãy trả lời tin nhắn của bot bằng <b>tệp đính kèm</b> (.xlsx hoặc .csv), không phải tin nhắn chữ hay ảnh chụp. Gửi /mau để lấy tệp mẫu.",
  privateNotAdmin:
    "Trong tin nhắn riêng, chỉ quản trị viên gửi được bảng số liệu.\n" +
    "Cán bộ gửi trong nhóm Telegram của đơn vị: gõ /nhap rồi trả lời tin nhắn của bot bằng tệp .xlsx hoặc .csv.",
  leadersCannotUpload:
    "Nhóm lãnh đạo không gửi số liệu. Cán bộ gửi bảng số liệu trong nhóm của đơn vị (/nhap); xem tình hình bằng /tinhtrang.",
  fileRejected: (message: string) => `❌ ${escapeHtml(message)}\n${NOTHING_SAVED}`,
  adminFormatsHint: "(Quản trị viên: tệp chỉ thị hoặc danh sách đơn vị gửi dạng .yaml, .yml hoặc .json.)",
  fileTooLarge: `❌ Tệp vượt giới hạn ${formatMegabytes(MAX_SHEET_FILE_BYTES)}. Hãy xoá trang tính, hình ảnh không cần thiết hoặc chia dữ liệu thành nhiều tệp rồi gửi lần lượt.\n${NOTHING_SAVED}`,
  multiMonthReport: (r: { from: string; to: string }) =>
    `Báo cáo tính từ ${formatViDate(r.from.slice(0, 10))} đến ${formatViDate(r.to.slice(0, 10))}, gồm nhiều tháng; số liệu được lưu theo từng tháng. ` +
    "Hãy xuất lại báo cáo cho một tháng (từ ngày đầu đến ngày cuối tháng) rồi gửi lại.",
  futureReport: (period: string) =>
    `Báo cáo ghi kỳ tháng ${formatViMonth(period)}, tháng này chưa đến. Kiểm tra lại thời gian trong tiêu đề báo cáo rồi gửi lại.`,
  empty: (exampleRows: number) =>
    exampleRows > 0
      ? `Tệp chỉ có ${exampleRows} dòng ví dụ hoặc chưa điền số (bot bỏ qua dòng có chữ "ví dụ" và dòng để trống cả Tổng lẫn Trực tuyến). Hãy điền số liệu rồi gửi lại.`
      : "Tệp không có dòng số liệu nào. Hãy điền số liệu dưới dòng tiêu đề rồi gửi lại. Gửi /mau để lấy tệp mẫu.",
  /** What the preview says once saved: "💾 Đã lưu 12 dòng — …". */
  savedRows: (n: number) => `${formatNumber(n)} dòng`,
  saved(s: SavedSummary, exampleRows = 0): string {
    const lines = [
      `✅ Đã lưu ${formatNumber(s.saved)} dòng số liệu${s.replaced > 0 ? ` (${formatNumber(s.replaced)} dòng thay số liệu cũ; lịch sử vẫn được lưu)` : ""}.`,
    ];
    if (exampleRows > 0) lines.push(`(Bỏ qua ${exampleRows} dòng ví dụ hoặc chưa điền số.)`);
    const { shown, more } = cap(s.lines, MAX_SUMMARY_LINES);
    lines.push(...shown.map(summaryLine));
    if (more > 0) lines.push(`… và ${formatNumber(more)} dòng khác: xem /tinhtrang.`);
    return lines.join("\n");
  },
  rowsRejected(valid: number, rejected: readonly RejectedRow[], canSave: boolean): string {
    const lines = [
      `⚠️ Tệp có ${formatNumber(rejected.length)} dòng không hợp lệ nên chưa lưu dòng nào (tệp được lưu tất cả hoặc không lưu gì):`,
      ...rejectedLines(rejected),
    ];
    if (valid > 0 && canSave) {
      lines.push(
        `${formatNumber(valid)} dòng hợp lệ. Sửa các dòng trên rồi gửi lại cả tệp, hoặc bấm «Lưu ${formatNumber(valid)} dòng hợp lệ» (trong ${formatMinutes(PENDING_UPLOAD_TTL_MS)}) để chỉ lưu các dòng hợp lệ.`,
      );
    } else lines.push("Không có dòng hợp lệ nào. Sửa các dòng trên rồi gửi lại tệp; gửi /mau để lấy tệp mẫu.");
    return lines.join("\n");
  },
  preview(p: OneStopPreview): string {
    const lines = [
      `📋 Báo cáo thống kê một cửa — kỳ tháng ${formatViMonth(p.period)}${p.periodFromTitle ? "" : " (tiêu đề báo cáo không ghi kỳ nên lấy tháng hiện tại)"}`,
    ];
    if (p.scope.kind === "unit") {
      lines.push(
        p.ownUnitFound
          ? `Chỉ lấy dòng của ${b(p.scope.unit.name)}${p.otherUnitRows > 0 ? `, bỏ qua ${formatNumber(p.otherUnitRows)} dòng của đơn vị khác` : ""}.`
          : `⚠️ Không tìm thấy dòng nào của ${b(p.scope.unit.name)} trong báo cáo (tên đơn vị phải khớp danh sách, xem /donvi).`,
      );
    }
    const units = new Set(p.items.map((i) => i.unitCode)).size;
    if (p.items.length > 0)
      lines.push(
        `Sẽ lưu ${formatNumber(p.items.length)} số liệu của ${formatNumber(units)} đơn vị:`,
        ...p.items.map(previewLine),
      );
    if (p.unmatched.length > 0) {
      lines.push(
        `❓ ${formatNumber(p.unmatched.length)} tên đơn vị không khớp danh sách (không lưu; sửa tên cho khớp /donvi rồi gửi lại nếu cần):`,
      );
      lines.push(...cap(p.unmatched, MAX_LISTED_ROWS).shown.map((u) => `• Dòng ${u.rowNumber}: ${escapeHtml(u.name)}`));
    }
    if (p.rejected.length > 0) lines.push("Dòng lỗi (không lưu):", ...rejectedLines(p.rejected));
    for (const n of p.notAssigned) {
      lines.push(
        `Bỏ qua chỉ tiêu <code>${escapeHtml(n.indicatorCode)}</code>: chưa chỉ thị nào giao cho ${formatNumber(n.unitNames.length)} đơn vị (${escapeHtml(n.unitNames.slice(0, 5).join(", "))}${n.unitNames.length > 5 ? "…" : ""}).`,
      );
    }
    lines.push(
      p.items.length > 0
        ? `Bấm «Xác nhận lưu» trong ${formatMinutes(PENDING_UPLOAD_TTL_MS)} để lưu, hoặc «Huỷ».`
        : `Không có số liệu nào để lưu. ${NOTHING_SAVED}`,
    );
    return lines.join("\n");
  },
  saveValidButton: (n: number) => `Lưu ${formatNumber(n)} dòng hợp lệ`,
  confirmButton: "Xác nhận lưu",
  cancelButton: "Huỷ",
  cancelled: "Đã huỷ. Chưa có số liệu nào được lưu từ tệp này.",
  pressSaved: "Đã lưu.",
  /** Under the preview once saved, as under a `/nop` answer. */
  undoButton: `↩️ Hoàn tác (trong ${formatMinutes(UNDO_WINDOW_MS)})`,
  pressUndone: (n: number) => `Đã hoàn tác ${formatNumber(n)} dòng.`,
  /** What the preview says once undone: "↩️ Đã hoàn tác 12 dòng — …". */
  undoneRows: (n: number, kept: number) =>
    `${formatNumber(n)} dòng${kept > 0 ? ` (giữ ${formatNumber(kept)} dòng đã sửa sau khi lưu)` : ""}`,
  undoneKept(reverted: number, kept: readonly KeptFigure[]): string {
    const lines = [
      `↩️ Đã hoàn tác ${formatNumber(reverted)} dòng số liệu của tệp. ${formatNumber(kept.length)} dòng được giữ nguyên vì đã có số liệu mới gửi sau khi lưu tệp:`,
    ];
    const { shown, more } = cap(kept, MAX_LISTED_ROWS);
    lines.push(
      ...shown.map(
        (k) => `• ${b(k.unitName)} — <code>${escapeHtml(k.indicatorCode)}</code>, tháng ${formatViMonth(k.period)}`,
      ),
    );
    if (more > 0) lines.push(`• … và ${formatNumber(more)} dòng khác.`);
    lines.push("Số liệu mới đó sai thì sửa bằng /nop.");
    return lines.join("\n");
  },
  undoRefusals: {
    "not-found": "Không tìm thấy số liệu đã lưu từ tệp này.",
    forbidden: "Chỉ người gửi tệp hoặc quản trị viên mới hoàn tác được.",
    expired: `Đã quá ${formatMinutes(UNDO_WINDOW_MS)} kể từ khi lưu, không thể hoàn tác. Số liệu sai thì gửi lại tệp đã sửa hoặc dùng /nop.`,
    "already-undone": "Số liệu của tệp này đã được hoàn tác rồi.",
  } satisfies Record<UploadUndoRefusal, string>,
  pressCancelled: "Đã huỷ.",
  refusals: {
    "not-found": "Không tìm thấy tệp đang chờ lưu.",
    forbidden: "Chỉ người gửi tệp hoặc quản trị viên mới bấm được nút này.",
    expired: `Đã quá ${formatMinutes(PENDING_UPLOAD_TTL_MS)}, số liệu chưa được lưu. Hãy gửi lại tệp.`,
    "already-saved": "Số liệu của tệp này đã được lưu rồi.",
    cancelled: "Tệp này đã bị huỷ, không lưu được nữa. Hãy gửi lại tệp.",
  } satisfies Record<PressRefusal, string>,
};
