/** Texts of the dossier buttons' steps: the date picker, "Đã trả kết quả" asked again, codes offered as buttons. */
import { formatViDate } from "../domain/directive/dates.js";
import { clipText } from "../domain/text.js";

export const dossierButtonTexts = {
  /** Plain (an alert): a day before the first one the question allows. */
  datePast: (d: string, first: string) =>
    `${formatViDate(d)} đã qua hoặc là hôm nay. Ngày hẹn mới phải từ ${formatViDate(first)} trở đi.`,
  /** Plain (an alert): a question (date, Ông/Bà) that expired or was answered. */
  dateAskGone: "Câu hỏi này đã hết hạn hoặc đã được trả lời. Bấm lại nút của hồ sơ nếu cần.",
  /** Under the date question once a day is chosen. */
  datePicked: (d: string) => `📅 Ngày hẹn mới: ${formatViDate(d)}`,
  returnedAsk: "Bấm «Xác nhận» nếu hồ sơ đã trả kết quả cho người dân.",
  returnedConfirm: "✔️ Xác nhận đã trả",
  returnedKept: "Chưa ghi nhận gì.",
  /** A dossier code as a button label (Telegram cuts long labels anyway; codes are ~25 characters). */
  codeButton: (code: string) => clipText(code, 40),
  /** Bare `/hoso` with dossiers to look at: pick one. */
  hosoPick: "Chọn hồ sơ cần xem (hồ sơ quá hạn, sắp đến hạn của đơn vị), hoặc gửi <code>/hoso &lt;mã hồ sơ&gt;</code>.",
  /**
   * Bare `/hoso` with nothing to offer: the form alone. It used to show a fixed code of another
   * office's numbering, which a chat could not find.
   */
  hosoUsage: "Gửi <code>/hoso &lt;mã hồ sơ&gt;</code> (mã in trên giấy tiếp nhận và hẹn trả kết quả).",
  quahanPick: "Bấm mã hồ sơ để xem chi tiết.",
};
