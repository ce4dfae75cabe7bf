/**
 * `/start` and `/help`, one text per kind of chat and role: only the commands that answer there
 * (the same lists as the command menus, messages/menus.ts), and the next step.
 */
import { common } from "./common.js";
import { dossierTexts } from "./dossiers.js";
import { registerTexts } from "./register.js";

/** Where a scored index is loaded (menus.ts `menuOf`): `/chiso` beside `/tinhtrang`, on the same line. */
const INDEX_UNIT = "; /chiso — điểm chỉ số phục vụ và cách tăng điểm";
const INDEX_LEADERS = "; /chiso — điểm chỉ số phục vụ, thấp nhất trước";

export const helpTexts = {
  privateWelcome:
    "Xin chào! Tôi là <b>dondoc</b> — bot đôn đốc chỉ tiêu dịch vụ công trực tuyến. Việc chính làm trong nhóm Telegram của đơn vị:\n" +
    "• Cán bộ báo cáo trong nhóm đơn vị: <code>/nop 120 95</code> (120 hồ sơ, 95 trực tuyến).\n" +
    "• Nhóm mới: thêm bot vào nhóm rồi gửi <code>/dangky &lt;mã đơn vị&gt;</code>; tra mã: <code>/donvi &lt;tên&gt;</code>.\n" +
    "Ở đây: /id — id Telegram của bạn (gửi quản trị viên khi cần cấp quyền); /chithi — văn bản chỉ đạo đang áp dụng.",
  privateLeader:
    "<b>dondoc</b> — bạn có quyền lãnh đạo. Ở đây:\n" +
    "• /tinhtrang — tình hình các đơn vị, kém nhất trước\n" +
    "• /bieudo — biểu đồ theo chỉ tiêu; /bangdieukhien — bảng điều khiển (xếp hạng, lịch sử, .xlsx)\n" +
    "• /chithi — văn bản chỉ đạo đang áp dụng\n" +
    "Theo dõi cùng các lãnh đạo khác: thêm bot vào nhóm lãnh đạo rồi gửi <code>/dangky lanhdao &lt;mã&gt;</code>.",
  privateAdmin:
    "<b>dondoc</b>. Quản trị viên làm ở đây:\n" +
    "• Gửi tệp chỉ thị (.yaml/.json): xem trước rồi bấm ✅ Áp dụng; danh sách đơn vị nạp ngay. /chithi — xem, tạm dừng, gỡ\n" +
    "• /quyen — ai giữ quyền gì. Cấp quyền: trả lời một tin nhắn của người đó (trong nhóm) bằng <code>/capquyen lanhdao</code>, " +
    "hoặc <code>/capquyen @tên lanhdao</code>; thu quyền: <code>/thuquyen @tên</code>\n" +
    "• /tinhtrang, /bieudo, /bangdieukhien, /dsquahan — mọi đơn vị; /nhap, /nhaphoso — nạp số liệu, hồ sơ của mọi đơn vị\n" +
    "Yêu cầu đăng ký nhóm được gửi đến đây: bấm Duyệt hoặc Từ chối.",
  unitGroup: (unitName: string, unitCode: string, index = false) =>
    `Nhóm cán bộ của ${common.unitLabel(unitName, unitCode)}:\n` +
    "• <code>/nop 120 95</code> — báo cáo tổng số hồ sơ và số hồ sơ trực tuyến tháng này; <code>/nop</code> — các chỉ tiêu và cách báo cáo\n" +
    `• /tinhtrang — tình hình của đơn vị${index ? INDEX_UNIT : ""}; /bangdieukhien — bảng điều khiển theo tháng\n` +
    "• /nhap — gửi bảng số liệu (.xlsx, .csv); /mau — tải tệp mẫu\n" +
    "• /nhiemvu — nhiệm vụ được giao; <code>/xong &lt;mã&gt;</code> — báo hoàn thành\n" +
    "• /nhaphoso — gửi danh sách hồ sơ; /quahan — hồ sơ quá hạn; <code>/hoso &lt;mã&gt;</code> — tra một hồ sơ\n" +
    "• /chithi — văn bản nào giao chỉ tiêu cho đơn vị\n" +
    "Bắt đầu: báo cáo số liệu tháng này bằng <code>/nop</code>.",
  headGroup: (unitName: string, unitCode: string, index = false) =>
    `Đây là nhóm thủ trưởng của ${common.unitLabel(unitName, unitCode)}.\n` +
    "• Duyệt văn bản: dự thảo văn bản xin lỗi và báo cáo giải trình của đơn vị được gửi vào đây; " +
    `bấm «${dossierTexts.approveButton}» để cấp số, hoặc «${dossierTexts.returnButton}» kèm lý do ` +
    "(chỉ người duyệt của đơn vị; không ai duyệt văn bản mình lập)\n" +
    "• /nguoiduyet — người duyệt; <code>/nguoiduyet them &lt;id&gt; pho</code> — chỉ định phó; " +
    "<code>/nguoiduyet ten &lt;Họ và tên&gt;</code> — tên in trên văn bản\n" +
    `• /tinhtrang — tình hình thực hiện chỉ tiêu của đơn vị${index ? INDEX_UNIT : ""}; /bangdieukhien — bảng điều khiển theo tháng\n` +
    "• /quahan — hồ sơ quá hạn và sắp quá hạn; <code>/hoso &lt;mã&gt;</code> — tra một hồ sơ\n" +
    "Báo cáo số liệu và gửi danh sách hồ sơ làm trong nhóm cán bộ của đơn vị.",
  leadersGroup: (unitName: string, unitCode: string, index = false) =>
    `Nhóm lãnh đạo theo dõi ${common.unitLabel(unitName, unitCode)} và các đơn vị trực thuộc:\n` +
    `• /tinhtrang — tình hình các đơn vị, kém nhất trước${index ? INDEX_LEADERS : ""}\n` +
    "• /bieudo — biểu đồ theo chỉ tiêu; /bangdieukhien — bảng điều khiển: xếp hạng, lịch sử, xuất .xlsx\n" +
    "• /quahan — hồ sơ quá hạn; <code>/dsquahan thang 10/2026</code> — danh sách đơn vị chậm muộn (.xlsx); " +
    "<code>/hoso &lt;mã&gt;</code> — tra một hồ sơ\n" +
    "Bắt đầu: /tinhtrang.",
  unregisteredGroup:
    "Nhóm này chưa đăng ký với đơn vị nào, nên bot chưa làm gì ở đây.\n" +
    `${registerTexts.usage}\n` +
    "Quản trị viên duyệt xong, bot báo trong nhóm và hiện các lệnh của nhóm.",
  /** Added to a group's help when an administrator asks: the one admin tool that works in a group. */
  adminInGroup:
    "\nQuản trị viên: trả lời tin nhắn của một người bằng <code>/capquyen lanhdao</code> để cấp quyền cho họ.",
};
