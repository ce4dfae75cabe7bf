/** `/start` and `/help`: what the bot does and the commands that matter to this person here. */
import { common } from "./common.js";
import { dossierTexts } from "./dossiers.js";

export const helpTexts = {
  privateWelcome:
    "Xin chào! Tôi là <b>dondoc</b> — bot đôn đốc chỉ tiêu dịch vụ công trực tuyến.\n" +
    "• Cán bộ báo cáo số liệu trong nhóm Telegram của đơn vị: <code>/nop 120 95</code> (120 hồ sơ, 95 trực tuyến).\n" +
    "• Nhóm mới: thêm bot vào nhóm rồi gửi <code>/dangky &lt;mã đơn vị&gt;</code>; tra mã bằng <code>/donvi &lt;tên&gt;</code>.\n" +
    "• Lãnh đạo xem tình hình: /tinhtrang, biểu đồ: /bieudo.\n" +
    "Xem id Telegram của bạn: /id",
  adminExtra:
    "\nQuản trị viên: gửi tệp chỉ thị (.yaml/.json) vào đây để xem trước rồi bấm ✅ Áp dụng; danh sách đơn vị nạp ngay; /chithi xem, tạm dừng, gỡ các chỉ thị; /capquyen cấp quyền.",
  unitGroup:
    "Các lệnh trong nhóm đơn vị:\n" +
    "• <code>/nop 120 95</code> — báo cáo tổng số hồ sơ và số hồ sơ trực tuyến tháng này\n" +
    "• <code>/nop</code> — xem các chỉ tiêu và cách báo cáo\n" +
    "• /tinhtrang — tình hình của đơn vị\n" +
    "• /nhap — gửi bảng số liệu (.xlsx, .csv); /mau — tải tệp mẫu\n" +
    "• /nhiemvu — nhiệm vụ được giao; <code>/xong &lt;mã&gt;</code> — báo hoàn thành\n" +
    "• /chithi — văn bản nào giao chỉ tiêu cho đơn vị, còn hay hết hiệu lực\n" +
    "• /nhaphoso — gửi danh sách hồ sơ; /quahan — hồ sơ quá hạn; <code>/hoso &lt;mã&gt;</code> — tra một hồ sơ",
  headGroup: (unitName: string, unitCode: string) =>
    `Đây là nhóm thủ trưởng của ${common.unitLabel(unitName, unitCode)}.\n` +
    "• Duyệt văn bản: dự thảo văn bản xin lỗi và báo cáo giải trình của đơn vị được gửi vào đây; " +
    `bấm «${dossierTexts.approveButton}» để cấp số, hoặc «${dossierTexts.returnButton}» kèm lý do ` +
    "(chỉ người duyệt của đơn vị; không ai duyệt văn bản mình lập)\n" +
    "• /nguoiduyet — người duyệt; <code>/nguoiduyet them &lt;id&gt; pho</code> — chỉ định phó; " +
    "<code>/nguoiduyet ten &lt;Họ và tên&gt;</code> — tên in trên văn bản\n" +
    "• /tinhtrang — tình hình thực hiện chỉ tiêu của đơn vị\n" +
    "• /quahan — hồ sơ quá hạn và sắp quá hạn; <code>/hoso &lt;mã&gt;</code> — tra một hồ sơ\n" +
    "Báo cáo số liệu và gửi danh sách hồ sơ làm trong nhóm cán bộ của đơn vị.",
  leadersGroup:
    "Các lệnh trong nhóm lãnh đạo:\n• /tinhtrang — tình hình các đơn vị, kém nhất trước\n• /bieudo — biểu đồ theo chỉ tiêu\n• /quahan — hồ sơ quá hạn; <code>/dsquahan thang 10/2026</code> — danh sách đơn vị chậm muộn (.xlsx)",
};
