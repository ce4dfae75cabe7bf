/** Texts of onboarding: `/dangky`, approval buttons, `/donvi` (docs/UPLOADS.md). */
import { escapeHtml } from "../render/html.js";
import type { CatalogUnit } from "../domain/catalog.js";
import { common } from "./common.js";

const KIND_NAMES = {
  unit: "nhóm của đơn vị",
  leaders: "nhóm lãnh đạo theo dõi",
  head: "nhóm thủ trưởng đơn vị",
} as const;
export type RegistrationKind = keyof typeof KIND_NAMES;

const unitLabel = (u: CatalogUnit) => common.unitLabel(u.name, u.code);

export const registerTexts = {
  usage:
    "Cách đăng ký nhóm với bot:\n" +
    "• <code>/dangky &lt;mã đơn vị&gt;</code> — nhóm cán bộ của đơn vị báo cáo số liệu\n" +
    "• <code>/dangky lanhdao &lt;mã đơn vị&gt;</code> — nhóm lãnh đạo theo dõi các đơn vị trực thuộc\n" +
    "• <code>/dangky thutruong &lt;mã đơn vị&gt;</code> — nhóm thủ trưởng duyệt văn bản\n" +
    "Tra mã đơn vị: <code>/donvi &lt;tên&gt;</code>, ví dụ <code>/donvi duc xuan</code>.",
  groupsOnly: "Chỉ đăng ký được cho nhóm Telegram. Hãy thêm bot vào nhóm của đơn vị rồi gửi /dangky trong nhóm đó.",
  unknownUnit: (code: string, suggestions: readonly CatalogUnit[]) =>
    `⚠️ Không có đơn vị mã <code>${escapeHtml(code)}</code>.` +
    (suggestions.length > 0 ? `\nCó phải: ${suggestions.slice(0, 5).map(unitLabel).join(", ")}?` : "") +
    "\nTra mã bằng <code>/donvi &lt;tên&gt;</code>.",
  noAdmins: "⚠️ Bot chưa có quản trị viên để duyệt yêu cầu. Liên hệ bộ phận CNTT đã cài đặt bot.",
  alreadyBound: (u: CatalogUnit, kind: RegistrationKind) =>
    `Nhóm này đã là ${KIND_NAMES[kind]} ${unitLabel(u)}. Không cần đăng ký lại.`,
  pendingExists: "Nhóm đã có một yêu cầu đăng ký đang chờ quản trị viên duyệt. Vui lòng chờ.",
  requested: (u: CatalogUnit, kind: RegistrationKind) =>
    `📨 Đã gửi yêu cầu đăng ký nhóm này làm ${KIND_NAMES[kind]} ${unitLabel(u)}. Bot sẽ báo tại đây khi quản trị viên duyệt.`,
  adminRequest: (u: CatalogUnit, kind: RegistrationKind, chatTitle: string, chatId: bigint, who: string) =>
    `🆕 Yêu cầu đăng ký ${KIND_NAMES[kind]} ${unitLabel(u)}\nNhóm: <b>${escapeHtml(chatTitle)}</b> (id <code>${chatId}</code>)\nNgười gửi: ${escapeHtml(who)}`,
  approveButton: "✅ Duyệt",
  rejectButton: "❌ Từ chối",
  approvedGroup: (u: CatalogUnit, kind: RegistrationKind) =>
    kind === "unit"
      ? `✅ Nhóm đã được duyệt là ${KIND_NAMES.unit} ${unitLabel(u)}.\nBáo cáo số liệu: <code>/nop &lt;tổng số hồ sơ&gt; &lt;số trực tuyến&gt;</code>, ví dụ <code>/nop 120 95</code>. Xem tình hình: /tinhtrang.`
      : kind === "leaders"
        ? `✅ Nhóm đã được duyệt là ${KIND_NAMES.leaders} ${unitLabel(u)}. Xem tình hình các đơn vị: /tinhtrang; biểu đồ: /bieudo.`
        : `✅ Nhóm đã được duyệt là ${KIND_NAMES.head} ${unitLabel(u)}. Văn bản cần thủ trưởng duyệt sẽ được gửi vào đây.`,
  rejectedGroup: (u: CatalogUnit) =>
    `❌ Yêu cầu đăng ký với ${unitLabel(u)} không được duyệt. Kiểm tra lại mã đơn vị (/donvi) hoặc liên hệ quản trị viên.`,

  alreadyDecided: "Yêu cầu này đã được xử lý.",
  requestNotFound: "Không tìm thấy yêu cầu đăng ký này.",
  unitGone: (code: string) =>
    `Chưa xử lý được: đơn vị ${code} không còn trong danh sách đơn vị. Yêu cầu vẫn đang chờ; nạp lại danh sách đơn vị có mã này rồi bấm lại.`,
  unitsHeader: (query: string, total: number, shown: number) =>
    query
      ? `Đơn vị khớp "${escapeHtml(query)}" (${total}${shown < total ? `, hiện ${shown}` : ""}):`
      : `Danh sách đơn vị (${total}${shown < total ? `, hiện ${shown}` : ""}):`,
  unitLine: (u: CatalogUnit) => `• ${escapeHtml(u.name)} — <code>${escapeHtml(u.code)}</code>`,
  unitsMore: "Thu hẹp tìm kiếm: <code>/donvi &lt;một phần tên&gt;</code>, gõ có dấu hay không dấu đều được.",
  noUnitsFound: (query: string) =>
    `Không tìm thấy đơn vị nào khớp "${escapeHtml(query)}". Thử gõ ngắn hơn, có dấu hay không dấu đều được.`,
  noUnitsLoaded:
    "Chưa có danh sách đơn vị. Quản trị viên gửi tệp danh sách đơn vị (.yaml) cho bot trong tin nhắn riêng.",
  botAdded:
    "Xin chào! Tôi là bot đôn đốc chỉ tiêu dịch vụ công trực tuyến.\nĐể bắt đầu, gửi <code>/dangky &lt;mã đơn vị&gt;</code> (tra mã bằng <code>/donvi &lt;tên&gt;</code>).",
};
