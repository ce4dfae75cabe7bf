/** Vietnamese texts shared by several bot features. Short, correct, and saying what to do next. */
import { escapeHtml } from "../render/html.js";

export const common = {
  strangerGroup:
    "Nhóm này chưa được gắn với đơn vị nào nên chưa thể báo cáo hay xem số liệu.\n" +
    "Để đăng ký: gửi <code>/dangky &lt;mã đơn vị&gt;</code> (tra mã bằng <code>/donvi &lt;tên&gt;</code>), quản trị viên sẽ duyệt.",
  notOfficerPrivate:
    "Bạn chưa được cấp quyền xem hay báo cáo số liệu.\n" +
    "Cán bộ báo cáo trong nhóm Telegram của đơn vị mình; nhóm chưa đăng ký thì gửi <code>/dangky &lt;mã đơn vị&gt;</code> trong nhóm đó.",
  /** A heads' chat is registered, but reports nothing: say where that is done and what it is for. */
  headsChatNoReports: (unitName: string) =>
    `Đây là nhóm thủ trưởng của <b>${escapeHtml(unitName)}</b>: nhóm này duyệt văn bản và xem tình hình (/tinhtrang, /quahan). ` +
    "Báo cáo số liệu, gửi bảng và danh sách hồ sơ làm trong nhóm cán bộ của đơn vị.",
  adminOnly: "Lệnh này chỉ dành cho quản trị viên.",
  privateOnly: "Hãy dùng lệnh này trong tin nhắn riêng với bot.",
  internalError:
    "Xin lỗi, bot gặp lỗi khi xử lý yêu cầu. Vui lòng thử lại sau ít phút; nếu vẫn lỗi, báo quản trị viên.",
  /** A button whose data the bot cannot read (forged, or from a much older version). */
  badButton: "Nút này không hợp lệ hoặc đã cũ, chưa có gì thay đổi. Gửi lại lệnh để nhận nút mới.",
  fileDownloadFailed:
    "⚠️ Bot không tải được tệp này từ Telegram nên chưa lưu gì. Hãy gửi lại tệp; nếu vẫn lỗi, báo quản trị viên.",
  unknownCommand: "Bot chưa hiểu yêu cầu này. Gửi /help để xem các lệnh.",
  unitLabel: (name: string, code: string) => `<b>${escapeHtml(name)}</b> (<code>${escapeHtml(code)}</code>)`,
};
