/** Texts about who approves a unit's letters (docs/DOSSIERS.md "Ai được duyệt") and `/nguoiduyet`. */
import { escapeHtml } from "../render/html.js";
import { approverName, ROLE_LABELS, sortApprovers, type Approver, type ApproverRole } from "../domain/approvers.js";
import { formatViDate, vnDate, vnTime } from "../domain/directive/dates.js";
import { clipText } from "../domain/text.js";

/** Telegram shows at most 200 characters in a button's alert. */
export const ALERT_LIMIT = 200;

/** "10:05 25/11/2026", Vietnam time. */
export const timeLabel = (d: Date): string => `${vnTime(d)} ${formatViDate(vnDate(d))}`;
/** "Nguyễn Văn Hùng (thủ trưởng)" — plain text. */
export const whoLabel = (d: { name: string; role: ApproverRole }): string => `${d.name} (${ROLE_LABELS[d.role]})`;
const named = (a: Approver) => whoLabel({ name: approverName(a), role: a.role });
const mention = (a: Approver) => `<a href="tg://user?id=${a.telegramId}">${escapeHtml(approverName(a))}</a>`;

const USAGE =
  "<code>/nguoiduyet</code> — xem người duyệt của đơn vị\n" +
  "<code>/nguoiduyet them &lt;id Telegram&gt; [pho|truong] [Họ và tên]</code> — chỉ định (hoặc trả lời tin nhắn của người đó: <code>/nguoiduyet them pho</code>)\n" +
  "<code>/nguoiduyet bo &lt;id Telegram&gt;</code> — bỏ người duyệt\n" +
  "<code>/nguoiduyet ten &lt;Họ và tên&gt;</code> — tên của bạn in trên văn bản bạn duyệt\n" +
  "Ngoài nhóm thủ trưởng, quản trị viên thêm mã đơn vị: <code>/nguoiduyet TN-X1 them 123456789 pho</code>. Xem id bằng /id.";

export const approverTexts = {
  /** Plain text (an alert): why the press was refused and who can decide instead. */
  refusal(reason: "not-approver" | "drafter", others: readonly Approver[]): string {
    const why =
      reason === "drafter"
        ? "⛔ Bạn đã lập dự thảo này nên không tự duyệt hay trả lại được."
        : "⛔ Bạn không phải người duyệt văn bản của đơn vị.";
    const who =
      others.length > 0
        ? ` Người duyệt được: ${sortApprovers(others).map(named).join(", ")}.`
        : " Chưa có người duyệt nào khác: thủ trưởng hoặc quản trị viên chỉ định bằng /nguoiduyet.";
    return clipText(why + who, ALERT_LIMIT, "…");
  },
  approvedLine: (d: { name: string; role: ApproverRole; at: Date }) =>
    `✅ Đã duyệt bởi ${escapeHtml(d.name)} lúc ${timeLabel(d.at)}`,
  returnedLine: (d: { name: string; role: ApproverRole; at: Date }) =>
    `↩️ Đã trả lại bởi ${escapeHtml(d.name)} lúc ${timeLabel(d.at)}`,
  /** The approval request, decided: its text (plain, as Telegram returns it) and the decision under it. */
  decidedRequest: (original: string, line: string) => `${escapeHtml(clipText(original, 3500, "…"))}\n\n<b>${line}</b>`,
  /** The same request as delivered to another heads' chat (its HTML as sent), marked the same way. */
  decidedRequestHtml: (html: string, line: string) => `${html}\n\n<b>${line}</b>`,
  usage: USAGE,
  list(unitName: string, approvers: readonly Approver[]): string {
    if (approvers.length === 0) {
      return `Đơn vị ${escapeHtml(unitName)} chưa có người duyệt văn bản xin lỗi, báo cáo giải trình.\n${USAGE}`;
    }
    const lines = sortApprovers(approvers).map(
      (a) =>
        `• ${escapeHtml(named(a))} — id <code>${a.telegramId}</code>` +
        (a.source === "unitList"
          ? " (theo danh sách đơn vị)"
          : a.source === "registration"
            ? " (người đăng ký nhóm)"
            : ""),
    );
    return [`🖊 Người duyệt văn bản của ${escapeHtml(unitName)}:`, ...lines, "", USAGE].join("\n");
  },
  designated: (unitName: string, a: Approver) =>
    `🖊 ${mention(a)} được chỉ định là người duyệt (${ROLE_LABELS[a.role]}) văn bản xin lỗi, báo cáo giải trình của ${escapeHtml(unitName)}.\n` +
    `Tên in trên văn bản: <b>${escapeHtml(approverName(a))}</b>. Sửa bằng <code>/nguoiduyet ten &lt;Họ và tên&gt;</code>.`,
  removed: (unitName: string, a: Approver) =>
    `Đã bỏ ${mention(a)} khỏi người duyệt văn bản của ${escapeHtml(unitName)}.`,
  nameSet: (a: Approver) => `✅ Tên in trên văn bản bạn duyệt: <b>${escapeHtml(approverName(a))}</b>.`,
  badName: "Họ và tên cần từ 2 đến 100 ký tự, ví dụ <code>/nguoiduyet ten Nguyễn Văn Hùng</code>.",
  notHere: "Dùng lệnh trong nhóm thủ trưởng của đơn vị, hoặc kèm mã đơn vị: <code>/nguoiduyet TN-X1</code>.",
  adminOnlyElsewhere:
    "Ngoài nhóm thủ trưởng, chỉ quản trị viên chỉ định được người duyệt. Thủ trưởng dùng lệnh trong nhóm thủ trưởng.",
  unknownUnit: (c: string) => `Không có đơn vị mã <code>${escapeHtml(clipText(c, 40))}</code>. Tra mã bằng /donvi.`,
  notAllowed:
    "⛔ Chỉ thủ trưởng của đơn vị (người duyệt vai trò thủ trưởng) hoặc quản trị viên mới chỉ định, bỏ người duyệt được.",
  badId: (text: string) =>
    `«${escapeHtml(clipText(text, 30))}» không phải id Telegram (một dãy số). Người đó gửi /id cho bot để xem id, hoặc trả lời tin nhắn của người đó bằng <code>/nguoiduyet them</code>.`,
  noHeadChat: (c: string) =>
    `Đơn vị chưa có nhóm thủ trưởng nên chưa chỉ định được người duyệt. Đăng ký trước: <code>/dangky thutruong ${escapeHtml(c)}</code>.`,
  notMember: (id: string) =>
    `Không tìm thấy người có id <code>${escapeHtml(id)}</code> trong nhóm thủ trưởng của đơn vị. Kiểm tra lại id (người đó gửi /id cho bot), và mời người đó vào nhóm thủ trưởng trước.`,
  isBot: "Không chỉ định bot làm người duyệt được.",
  notApprover: (id: string) =>
    `Người có id <code>${escapeHtml(id)}</code> không phải người duyệt của đơn vị. Xem danh sách: /nguoiduyet.`,
  youAreNotApprover: "Bạn không phải người duyệt của đơn vị nên không đặt tên in trên văn bản được.",
  fromUnitList: "Người này có trong danh sách đơn vị (tệp .yaml): quản trị viên sửa danh sách rồi nạp lại để thay đổi.",
  lastHead:
    "Đơn vị cần ít nhất một người duyệt vai trò thủ trưởng: chỉ định thủ trưởng mới (<code>/nguoiduyet them &lt;id&gt; truong</code>) trước.",
};
