/**
 * Every Vietnamese sentence the ingest layer produces, in one place (STYLE.md habit 4).
 * Whole-file messages say what was wrong and how to fix it; row reasons are short clauses
 * the bot lists as "Dòng 7: <reason>".
 */

import { formatNumber } from "../domain/format.js";

const SAVE_AS_XLSX = 'mở tệp trong Excel, chọn Tệp → Lưu thành → "Sổ làm việc Excel (*.xlsx)" rồi gửi lại';
const TEMPLATE_HINT = "Gõ /mau để nhận tệp mẫu.";

export const msg = {
  unsupportedType: (name: string) =>
    `Tệp "${name}" không phải định dạng bot nhận. Bot chỉ nhận tệp Excel .xlsx hoặc .csv (UTF-8): hãy ${SAVE_AS_XLSX}.`,
  legacyXls: `Tệp là Excel định dạng cũ (.xls) hoặc có đặt mật khẩu. Hãy bỏ mật khẩu (nếu có), ${SAVE_AS_XLSX}.`,
  notSpreadsheet: (name: string) =>
    `Tệp "${name}" có đuôi bảng tính nhưng nội dung không phải bảng tính (có thể bị đổi tên). Hãy ${SAVE_AS_XLSX}.`,
  encrypted: `Tệp có đặt mật khẩu nên bot không đọc được. Hãy bỏ mật khẩu, ${SAVE_AS_XLSX}.`,
  fileTooLarge: (bytes: number, max: number) =>
    `Tệp nặng ${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB, vượt giới hạn ${formatNumber(max / 1024 / 1024)} MB. ` +
    "Hãy xoá trang tính, hình ảnh không cần thiết hoặc chia dữ liệu thành nhiều tệp rồi gửi lần lượt.",
  emptyFile: `Tệp không có dữ liệu. Hãy kiểm tra lại tệp rồi gửi lại. ${TEMPLATE_HINT}`,
  tooManyRows: (n: number, max: number) =>
    `Tệp có ${n > max ? "hơn " : ""}${formatNumber(max)} dòng dữ liệu, vượt giới hạn ${formatNumber(max)} dòng mỗi lần gửi. ` +
    "Hãy chia thành nhiều tệp nhỏ hơn (ví dụ theo tháng hoặc theo đơn vị) rồi gửi lần lượt.",
  tooManyColumns: (cell: string, max: number) =>
    `Bảng tính có dữ liệu ở ô ${cell}, vượt giới hạn ${formatNumber(max)} cột. Thường đó là ô gõ nhầm ở tận cùng bên phải: ` +
    "hãy xoá các cột thừa bên phải bảng (hoặc chép riêng bảng số liệu sang sổ làm việc mới) rồi gửi lại.",
  tooManyCells: (max: number) =>
    `Bảng tính có hơn ${formatNumber(max)} ô dữ liệu, vượt giới hạn mỗi lần gửi. ` +
    "Hãy xoá các cột, trang tính không cần thiết hoặc chia thành nhiều tệp nhỏ hơn rồi gửi lần lượt.",
  tooHeavy:
    "Bot không đọc xong tệp trong thời gian cho phép (tệp quá nặng hoặc cấu trúc bất thường) nên đã dừng đọc. " +
    "Hãy chép riêng bảng số liệu sang một sổ làm việc Excel mới, lưu .xlsx rồi gửi lại; nếu vẫn lỗi, chia thành nhiều tệp nhỏ hơn.",
  unsafeZip:
    "Tệp .xlsx có cấu trúc nén bất thường (dung lượng khi giải nén quá lớn) nên bot từ chối để bảo đảm an toàn. " +
    "Hãy sao chép dữ liệu sang một sổ làm việc Excel mới, lưu .xlsx rồi gửi lại.",
  corruptXlsx: `Không đọc được tệp .xlsx (tệp hỏng hoặc không phải tệp Excel). Hãy ${SAVE_AS_XLSX}.`,
  corruptCsv: (line: number | null) =>
    `Không đọc được tệp CSV${line ? ` (lỗi ở dòng ${line}, thường do dấu ngoặc kép " không đóng)` : ""}. ` +
    "Hãy mở tệp trong Excel, lưu lại dạng CSV UTF-8 hoặc .xlsx rồi gửi lại.",
  badEncoding:
    'Tệp CSV không ở bảng mã UTF-8 nên chữ tiếng Việt sẽ bị lỗi. Trong Excel chọn Lưu thành → "CSV UTF-8 (Comma delimited) (*.csv)" rồi gửi lại, hoặc gửi tệp .xlsx.',
  headerNotFound: (columns: readonly string[]) =>
    `Không tìm thấy dòng tiêu đề cột. Dòng tiêu đề cần có các cột: ${columns.join(", ")}. ${TEMPLATE_HINT}`,
  missingColumns: (rowNumber: number, missing: readonly string[]) =>
    `Dòng tiêu đề (dòng ${rowNumber}) thiếu cột: ${missing.join(", ")}. Hãy thêm ${missing.length > 1 ? "các cột này" : "cột này"} ` +
    `(đặt tên cột như trên) rồi gửi lại. ${TEMPLATE_HINT}`,
  noData: (headerRow: number) =>
    `Tệp có dòng tiêu đề (dòng ${headerRow}) nhưng không có dòng dữ liệu nào bên dưới. Hãy nhập số liệu từ dòng ${headerRow + 1} rồi gửi lại.`,
  notOneStopReport:
    "Không nhận ra mẫu báo cáo thống kê của hệ thống một cửa: cần hai dòng tiêu đề gộp gồm cột Đơn vị, nhóm " +
    '"Tiếp nhận" (Tổng số, Qua mạng…) và nhóm "Đã xử lý" (Trước hạn, Đúng hạn, Quá hạn). ' +
    "Hãy gửi nguyên tệp xuất từ hệ thống, không sửa dòng tiêu đề.",
};

/** "5, 9" — or "5, 9, 12, 15, 20 và 1.234 dòng khác": 20,000 duplicate rows must not make 20,000² numbers. */
export function listRows(rows: readonly number[], max = 5): string {
  const shown = rows.slice(0, max).join(", ");
  return rows.length > max ? `${shown} và ${formatNumber(rows.length - max)} dòng khác` : shown;
}

/** Short clauses for `rejected[].reason`. */
export const reason = {
  missing: (column: string) => `thiếu ${column}`,
  uncachedFormula: (column: string) =>
    `ô ${column} là công thức chưa có kết quả tính hoặc bị lỗi (#DIV/0!, #N/A…): hãy mở tệp trong Excel, sửa công thức, lưu lại rồi gửi, hoặc nhập số trực tiếp`,
  unknownUnit: (text: string) => `mã đơn vị "${text}" không tồn tại`,
  unknownIndicator: (text: string) => `mã chỉ tiêu "${text}" không tồn tại`,
  badPeriod: (text: string) => `kỳ báo cáo "${text}" không hợp lệ (ghi tháng/năm, ví dụ 10/2026 hoặc "tháng 10/2026")`,
  badCount: (column: string, text: string) => `${column} "${text}" không phải số nguyên không âm (ví dụ 1.234)`,
  numeratorExceeds: (num: number, den: number, numLabel = "tử số", denLabel = "mẫu số") =>
    `${numLabel} (${formatNumber(num)}) lớn hơn ${denLabel} (${formatNumber(den)})`,
  duplicateFigure: (rows: readonly number[]) =>
    `trùng đơn vị, chỉ tiêu và kỳ báo cáo ở các dòng ${listRows(rows)}: giữ lại một dòng rồi gửi lại`,
  badDate: (column: string, text: string) =>
    `${column} "${text}" không phải ngày hợp lệ (ghi dd/mm/yyyy hoặc dd/mm/yyyy hh:mm)`,
  dateBefore: (later: string, earlier: string) => `${later} trước ${earlier}`,
  badStatus: (text: string, allowed: readonly string[]) =>
    `trạng thái "${text}" không hợp lệ (chỉ nhận: ${allowed.join(", ")})`,
  duplicateCode: (code: string, rows: readonly number[]) => `mã hồ sơ ${code} bị trùng ở các dòng ${listRows(rows)}`,
};
