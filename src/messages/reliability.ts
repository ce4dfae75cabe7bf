/** Notices about updates the bot gave up on (src/bot/abandonedUpdates.ts). */
import { formatNumber } from "../domain/format.js";

export type UpdateKind = "file" | "command" | "button" | "message";

const WHAT: Record<UpdateKind, string> = {
  file: "tệp bạn gửi",
  command: "lệnh bạn gửi",
  button: "nút bạn bấm",
  message: "tin nhắn bạn gửi",
};

export const reliabilityTexts = {
  /** To the sender: no content of the update is repeated (the bot no longer has it). */
  abandoned: (kind: UpdateKind) =>
    `⚠️ Bot gặp sự cố khi xử lý ${WHAT[kind]} và đã bỏ qua để không ảnh hưởng đến người khác. ` +
    (kind === "file"
      ? "Hãy kiểm tra tệp (ví dụ chép riêng bảng số liệu sang một sổ làm việc Excel mới, lưu .xlsx) rồi gửi lại; nếu vẫn lỗi, báo quản trị viên."
      : "Hãy thử lại sau ít phút; nếu vẫn lỗi, báo quản trị viên."),
  /** To administrators: where and when, never what was sent. */
  abandonedAlert: (o: { updateId: bigint; kind: UpdateKind; chatId: bigint | null; at: string }) =>
    `⚠️ Bot đã dừng giữa chừng khi xử lý một cập nhật (số ${formatNumber(o.updateId)}, ${WHAT[o.kind].replace(" bạn ", " người dùng ")}` +
    `${o.chatId !== null ? `, chat ${o.chatId}` : ""}) và đã bỏ qua nó để bot không dừng thêm lần nữa. ` +
    `${o.chatId !== null ? "Người gửi đã được báo gửi lại. " : ""}Xem nhật ký của bot quanh ${o.at} để tìm nguyên nhân.`,
};
