/** Answers to the resend buttons under a delivery loss summary (src/bot/features/resend.ts). */
import { formatNumber } from "../domain/format.js";

export const resendTexts = {
  confirmAll: (n: number) =>
    `Gửi lại <b>tất cả ${formatNumber(n)} tin</b> đã bị bỏ, kể cả tin đã có tin mới hơn cùng loại thay thế ` +
    `(ví dụ nhắc việc của hôm trước)? Người nhận có thể thấy tin cũ.`,
  confirmButton: "✅ Gửi lại tất cả",
  cancelButton: "Không gửi",
  cancelled: "Đã giữ nguyên, không gửi lại tin nào.",
  nothing: "Không còn tin nào cần gửi lại (đã gửi lại trước đó, hoặc đã có tin mới hơn thay thế).",
  requeued: (n: number, superseded: number) =>
    `Đã xếp ${formatNumber(n)} tin vào hàng đợi gửi lại.` +
    (superseded > 0
      ? ` Bỏ qua ${formatNumber(superseded)} tin đã có tin mới hơn; muốn gửi cả những tin đó thì bấm "Gửi lại tất cả".`
      : ""),
};
