/** Texts of the overdue-dossier features (docs/DOSSIERS.md). Dates dd/mm/yyyy; no citizen's name leaves the unit. */
import { escapeHtml } from "../render/html.js";
import { isoWeekday } from "../domain/calendar/index.js";
import { formatViDate, formatViMonth, vnDate } from "../domain/directive/dates.js";
import { formatNumber } from "../domain/format.js";
import { clipText } from "../domain/text.js";
import { isApproverRole, type ApproverRole } from "../domain/approvers.js";
import { timeLabel, whoLabel } from "./approvers.js";
import { DOSSIER_STATUSES, DOSSIER_STATUS_LABELS } from "../domain/dossierStatus.js";
import { MAX_SHEET_FILE_BYTES } from "../domain/limits.js";
import { formatMegabytes } from "../render/format.js";
import type { RejectedRow } from "./views.js";

const WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"];
/** "13/02/2026 (Thứ Sáu)". */
export const dayLabel = (d: string): string => `${formatViDate(d)} (${WEEKDAYS[isoWeekday(d) - 1] ?? ""})`;
/** "2026-10-08T08:15" → "08/10/2026 08:15". */
export const dateTimeLabel = (d: string): string =>
  `${formatViDate(d.slice(0, 10))}${d.length > 10 ? ` ${d.slice(11, 16)}` : ""}`;
export const statusLabel = (s: string): string =>
  DOSSIER_STATUS_LABELS[(DOSSIER_STATUSES as readonly string[]).indexOf(s)] ?? s;
const code = (c: string) => `<code>${escapeHtml(c)}</code>`;
const b = (s: string) => `<b>${escapeHtml(s)}</b>`;
/** " (văn bản số …, hẹn trả …)" with only the parts known; "" when neither is. */
function issuedDetails(number: string | null, newDate: string | null): string {
  const parts = [
    number ? `văn bản số ${escapeHtml(number)}` : "",
    newDate ? `hẹn trả ${formatViDate(newDate)}` : "",
  ].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}
const MAX_LISTED_ROWS = 30;
const clip = (s: string, n: number) => clipText(s, n, "…");

/** `dueAt` is the date in force; `reappointed` when an issued apology letter set it (dossiers/state.ts). */
export type BriefLine = {
  code: string;
  procedure: string | null;
  dueAt: string | null;
  overdueDays: number;
  reappointed?: boolean;
};

/** "• H15… — Đăng ký khai sinh — hẹn trả 13/02/2026 (Thứ Sáu), quá hạn 2 ngày làm việc"; re-appointed: "hẹn lại …, trễ hẹn lần 2, …". */
export function briefLine(d: BriefLine, n?: number): string {
  const due = d.dueAt
    ? `${d.reappointed ? "hẹn lại" : "hẹn trả"} ${dayLabel(d.dueAt.slice(0, 10))}`
    : "chưa có ngày hẹn trả";
  const late =
    d.overdueDays > 0 ? `, <b>${d.reappointed ? "trễ hẹn lần 2, " : ""}quá hạn ${d.overdueDays} ngày làm việc</b>` : "";
  const proc = d.procedure ? ` — ${escapeHtml(clip(d.procedure, 120))}` : "";
  return `${n === undefined ? "•" : `${n}.`} ${code(d.code)}${proc} — ${due}${late}`;
}

export const dossierTexts = {
  // ── upload ──
  uploadPrompt: (unitName: string | null) =>
    `📥 Gửi tệp danh sách hồ sơ xuất từ hệ thống một cửa (.xlsx hoặc .csv) bằng cách <b>trả lời tin nhắn này</b>` +
    (unitName ? ` — hồ sơ của ${b(unitName)}.` : ". Cột «Đơn vị tiếp nhận» cho biết hồ sơ của đơn vị nào.") +
    "\nCần các cột: Mã hồ sơ, Trạng thái, Ngày nhận, Ngày hẹn trả. Không cần (và bot không lưu) cột Địa chỉ.",
  uploadPlaceholder: "Đính kèm tệp .xlsx hoặc .csv",
  replyWithFile: "Hãy trả lời tin nhắn của bot bằng <b>tệp</b> .xlsx hoặc .csv (bấm 📎 để đính kèm).",
  uploadNotHere: "Chỉ nhóm của đơn vị (hoặc quản trị viên, trong tin nhắn riêng) mới tải được danh sách hồ sơ.",
  fileTooLarge: `Tệp lớn hơn giới hạn ${formatMegabytes(MAX_SHEET_FILE_BYTES)}. Hãy chia thành nhiều tệp nhỏ hơn (ví dụ theo tháng) rồi gửi lần lượt.`,
  fileRejected: (message: string) => `⚠️ ${escapeHtml(message)}`,
  rowsRejected(valid: number, rejected: readonly RejectedRow[]): string {
    const lines = rejected.slice(0, MAX_LISTED_ROWS).map((r) => `• Dòng ${r.rowNumber}: ${escapeHtml(r.reason)}`);
    if (rejected.length > MAX_LISTED_ROWS)
      lines.push(`… và ${formatNumber(rejected.length - MAX_LISTED_ROWS)} dòng lỗi khác.`);
    return [
      `⚠️ Tệp có ${formatNumber(rejected.length)} dòng lỗi nên bot <b>chưa lưu gì</b> (kể cả ${formatNumber(valid)} dòng hợp lệ). ` +
        "Sửa các dòng sau rồi gửi lại cả tệp:",
      ...lines,
    ].join("\n");
  },
  saved(s: { created: number; updated: number; unchanged: number }, perUnit: readonly [string, number][]): string {
    const head =
      `✅ Đã cập nhật danh sách hồ sơ: ${formatNumber(s.created)} hồ sơ mới, ${formatNumber(s.updated)} cập nhật, ` +
      `${formatNumber(s.unchanged)} không đổi. Hồ sơ không có trong tệp được giữ nguyên.`;
    const units =
      perUnit.length > 1 ? perUnit.map(([name, n]) => `• ${escapeHtml(name)}: ${formatNumber(n)} hồ sơ`) : [];
    return [head, ...units, "Xem hồ sơ quá hạn và sắp quá hạn: /quahan"].join("\n");
  },
  rowOtherUnit: (unitName: string) => `hồ sơ của ${unitName}, không phải của đơn vị này (gửi trong nhóm của đơn vị đó)`,
  rowNoUnit: "thiếu Đơn vị tiếp nhận (quản trị viên tải lên cho nhiều đơn vị cần cột này)",
  rowUnknownUnit: (name: string) => `không tìm thấy đơn vị "${name}" trong danh sách đơn vị (tra bằng /donvi)`,
  // ── /hoso, /quahan ──
  hosoNotHere: "Xem hồ sơ trong nhóm của đơn vị xử lý hồ sơ đó (hoặc nhóm thủ trưởng, nhóm lãnh đạo theo dõi).",
  hosoNotFound: (c: string) =>
    `Không tìm thấy hồ sơ ${code(c)} trong phạm vi nhóm này. Kiểm tra lại mã, hoặc tải danh sách mới bằng /nhaphoso.`,
  quahanNone: (unitName: string) => `✅ ${b(unitName)} không có hồ sơ quá hạn hay sắp quá hạn.`,
  quahanList(unitName: string, overdue: readonly BriefLine[], soon: readonly BriefLine[]): string {
    const out = [`📋 Hồ sơ cần chú ý của ${b(unitName)}:`];
    if (overdue.length > 0)
      out.push(`\n🔴 <b>Quá hạn (${formatNumber(overdue.length)})</b>`, ...overdue.map((d) => briefLine(d)));
    if (soon.length > 0)
      out.push(`\n🟠 <b>Sắp quá hạn (${formatNumber(soon.length)})</b>`, ...soon.map((d) => briefLine(d)));
    out.push("\nChi tiết một hồ sơ: <code>/hoso &lt;mã&gt;</code>.");
    return out.join("\n");
  },
  // ── prompts (sweep) ──
  promptText(unitName: string, items: readonly (BriefLine & { overdue: boolean })[]): string {
    const anyOverdue = items.some((i) => i.overdue);
    const head =
      items.length === 1
        ? `${anyOverdue ? "🔴 Hồ sơ quá hạn" : "🟠 Hồ sơ sắp quá hạn"} — ${b(unitName)}`
        : `⏰ ${items.length} hồ sơ quá hạn hoặc sắp quá hạn — ${b(unitName)}`;
    const lines = items.map(
      (d, i) => `${briefLine(d, items.length > 1 ? i + 1 : undefined)}${d.overdue ? "" : " — <i>sắp quá hạn</i>"}`,
    );
    return [
      head,
      ...lines,
      "",
      "Hồ sơ trễ hạn phải có <b>văn bản xin lỗi</b> người dân, hẹn lại ngày trả (gửi trước khi hết hạn) và <b>báo cáo giải trình</b> " +
        "với thủ trưởng. Bấm «Lập văn bản xin lỗi» để bot soạn sẵn, hoặc «Đã trả kết quả» nếu đã trả.",
    ].join("\n");
  },
  apologyButton: "Lập văn bản xin lỗi",
  returnedButton: "Đã trả kết quả",
  explanationButton: "Lập báo cáo giải trình",
  numbered: (n: number, label: string) => `${n}. ${label}`,
  // ── apology conversation ──
  askReason: (c: string) =>
    `✍️ Hồ sơ ${code(c)}: <b>lý do chậm trễ</b> là gì? Trả lời tin nhắn này bằng một, hai câu ` +
    "(ví dụ: «Chờ kết quả xác minh của cơ quan phối hợp»).",
  reasonPlaceholder: "Lý do chậm trễ",
  askDate: (c: string, example: string) =>
    `📅 Hồ sơ ${code(c)}: <b>ngày hẹn trả kết quả mới</b>? Chọn ngày trên lịch dưới đây, hoặc trả lời tin nhắn này ` +
    `theo dạng dd/mm/yyyy (ví dụ ${formatViDate(example)}). Phải là ngày làm việc sau hôm nay; chỉ được hẹn lại một lần.`,
  datePlaceholder: "dd/mm/yyyy",
  reasonBad: "Lý do cần từ 5 đến 500 ký tự. Hãy trả lời lại tin nhắn của bot.",
  askSalutation: (c: string) =>
    `👤 Hồ sơ ${code(c)}: văn bản xin lỗi gửi <b>Ông</b> hay <b>Bà</b>? Tệp hồ sơ không ghi danh xưng ` +
    "của chủ hồ sơ. Bấm «Ông» hoặc «Bà» (hoặc trả lời tin nhắn này).",
  salutationBad: "⚠️ Hãy trả lời «Ông» hoặc «Bà» (gõ không dấu cũng được).",
  /** `example`: the next working day, so the example is never a date already past. */
  dateUnreadable: (text: string, example: string) =>
    `⚠️ «${escapeHtml(clipText(text, 40))}» không phải ngày dạng dd/mm/yyyy. Hãy trả lời lại, ví dụ ${formatViDate(example)}.`,
  dateNotFuture: (d: string) =>
    `⚠️ Ngày hẹn mới phải sau hôm nay; ${formatViDate(d)} đã qua hoặc là hôm nay. Hãy trả lời lại.`,
  dateNotWorking: (d: string, why: string, next: string) =>
    `⚠️ ${formatViDate(d)} là ngày nghỉ (${escapeHtml(why)}). Hãy chọn ngày làm việc, ví dụ ${dayLabel(next)}.`,
  notYourQuestion: "Câu hỏi này dành cho người đã bấm nút. Bấm lại «Lập văn bản xin lỗi» nếu bạn muốn tự lập.",
  alreadyIssued: (c: string, newDate: string | null, number: string | null) =>
    `⛔ Hồ sơ ${code(c)} đã được xin lỗi và hẹn lại một lần${issuedDetails(number, newDate)}. Quy định chỉ cho hẹn lại <b>một lần</b>, nên bot không lập văn bản thứ hai. ` +
    "Hãy báo cáo giải trình với thủ trưởng (nút bên dưới) và trả kết quả sớm nhất có thể.",
  pendingExists: (c: string) =>
    `Hồ sơ ${code(c)} đang có dự thảo chờ thủ trưởng duyệt. Chờ thủ trưởng duyệt hoặc trả lại.`,
  dossierClosed: (c: string) => `Hồ sơ ${code(c)} đã xử lý xong hoặc đã trả kết quả: không cần văn bản xin lỗi.`,
  notThisChat: "Nút này chỉ dùng được trong nhóm của đơn vị xử lý hồ sơ.",
  gone: "Không tìm thấy hồ sơ này nữa.",
  resultReturned: (c: string) => `✅ Đã ghi nhận: hồ sơ ${code(c)} đã trả kết quả. Bot sẽ không nhắc hồ sơ này nữa.`,
  draftSent: (c: string, withApology: boolean) =>
    `📨 Đã gửi dự thảo ${withApology ? "văn bản xin lỗi và báo cáo giải trình" : "báo cáo giải trình"} của hồ sơ ${code(c)} ` +
    "tới thủ trưởng để duyệt. Bot sẽ báo tại đây khi có kết quả.",
  noHeadChat: (unitCode: string) =>
    "⚠️ Đơn vị chưa có nhóm thủ trưởng nên chưa gửi duyệt được. Dự thảo gửi kèm dưới đây để xem trước.\n" +
    `Đăng ký: thêm bot vào nhóm của thủ trưởng rồi gửi <code>/dangky thutruong ${escapeHtml(unitCode)}</code>; ` +
    "sau khi được duyệt, bấm «Gửi thủ trưởng duyệt».",
  sendToHeadButton: "Gửi thủ trưởng duyệt",
  draftCaption: (title: string, c: string) => `Dự thảo — ${title.toLowerCase()}, hồ sơ ${c}`,
  issuedCaption: (title: string, number: string) => `${title.charAt(0)}${title.slice(1).toLowerCase()} số ${number}`,
  // ── head's decision ──
  headRequest: (unitName: string, d: BriefLine, reason: string, newDate: string | null, by: string) =>
    [
      `🖊 Đề nghị duyệt — ${b(unitName)}`,
      briefLine(d),
      `Lý do chậm trễ: ${escapeHtml(reason)}`,
      newDate ? `Hẹn trả mới: ${dayLabel(newDate)}` : "Không hẹn lại (đã hẹn lại một lần): chỉ báo cáo giải trình.",
      `Người lập: ${escapeHtml(by)}`,
      "Dự thảo gửi kèm. Duyệt để bot cấp số và gửi bản chính thức cho đơn vị.",
    ].join("\n"),
  approveButton: "✅ Duyệt",
  returnButton: "↩️ Trả lại",
  askReturnReason: (c: string) =>
    `↩️ Hồ sơ ${code(c)}: lý do trả lại dự thảo? Trả lời tin nhắn này (đơn vị sẽ nhận được).`,
  returnPlaceholder: "Lý do trả lại",
  alreadyDecided: "Dự thảo này đã được xử lý rồi.",
  headOnly: "Chỉ người duyệt của đơn vị, trong nhóm thủ trưởng, mới duyệt được.",
  approvedHead: (c: string, numbers: readonly string[]) =>
    `✅ Đã duyệt hồ sơ ${code(c)}: số ${numbers.map(escapeHtml).join(", ")}.`,
  approvedUnit: (c: string, numbers: readonly string[], d: Decision) =>
    `✅ Văn bản của hồ sơ ${code(c)} (số ${numbers.map(escapeHtml).join(", ")}) đã được duyệt bởi ${escapeHtml(whoLabel(d))} lúc ${timeLabel(d.at)}. ` +
    "Bản chính thức gửi kèm để in, ký, đóng dấu và gửi người dân.",
  returnedHead: (c: string) => `↩️ Đã trả lại dự thảo của hồ sơ ${code(c)}; đơn vị đã được báo.`,
  returnedUnit: (c: string, reason: string, d: Decision) =>
    `↩️ Dự thảo của hồ sơ ${code(c)} đã bị trả lại bởi ${escapeHtml(whoLabel(d))} lúc ${timeLabel(d.at)}.\nLý do: ${escapeHtml(reason)}\nSửa theo góp ý rồi bấm lập lại.`,
  // ── escalation ──
  headEscalation: (unitName: string, items: readonly BriefLine[]) =>
    [
      `⚠️ ${b(unitName)}: ${items.length} hồ sơ quá hạn hơn một ngày làm việc mà <b>chưa có văn bản xin lỗi</b>:`,
      ...items.map((d) => briefLine(d)),
      "Đề nghị thủ trưởng chỉ đạo lập văn bản xin lỗi và báo cáo giải trình.",
    ].join("\n"),
  headEscalationNoChat: (unitCode: string) =>
    `\n(Đơn vị chưa có nhóm thủ trưởng: gửi <code>/dangky thutruong ${escapeHtml(unitCode)}</code> trong nhóm của thủ trưởng.)`,
  leadersEscalation: (groups: readonly { unitName: string; items: readonly BriefLine[] }[]) =>
    [
      "🚨 Hồ sơ quá hạn chưa được xin lỗi, đã báo thủ trưởng đơn vị từ hôm trước:",
      ...groups.flatMap((g) => [`\n${b(g.unitName)}`, ...g.items.map((d) => briefLine(d))]),
    ].join("\n"),
  // ── monthly list ──
  dsNotHere: "Danh sách đơn vị có hồ sơ quá hạn dành cho nhóm lãnh đạo và quản trị viên.",
  dsCaption: (month: string) => `Danh sách đơn vị, cán bộ có hồ sơ quá hạn tháng ${formatViMonth(month)}`,
  dsFutureMonth: (month: string) =>
    `Tháng ${formatViMonth(month)} chưa đến. Gửi /dsquahan (không kèm tháng) để lấy danh sách tháng trước.`,
  dsBadMonth: "⚠️ Không hiểu tháng. Ví dụ: <code>/dsquahan thang 10/2026</code>.",
  lateList(month: string, units: readonly LateUnitLine[], withFileHint: boolean): string {
    if (units.length === 0) return `✅ Tháng ${formatViMonth(month)}: không có đơn vị nào có hồ sơ quá hạn.`;
    const out = [
      `📊 <b>Đơn vị có hồ sơ quá hạn tháng ${formatViMonth(month)}</b> (hạn trả trong tháng; nhiều nhất trước):`,
    ];
    units.forEach((u, i) => {
      out.push(
        `${i + 1}. ${b(u.unitName)}: ${formatNumber(u.late)} hồ sơ quá hạn, ${formatNumber(u.apologisedInTime)} có văn bản xin lỗi đúng hạn` +
          (u.lateAgain ? `, ${formatNumber(u.lateAgain)} <b>trễ hẹn lần 2</b>` : ""),
      );
      if (u.officers.length > 0) {
        out.push(
          `   Cán bộ: ${u.officers.map((o) => `${escapeHtml(o.name)} (${formatNumber(o.late)}/${formatNumber(o.apologisedInTime)})`).join("; ")}`,
        );
      }
    });
    out.push("<i>(số hồ sơ quá hạn/số có văn bản xin lỗi đúng hạn)</i>");
    if (withFileHint) out.push(`Bảng Excel: <code>/dsquahan thang ${formatViMonth(month)}</code>`);
    return out.join("\n");
  },
  // ── /hoso ──
  hosoView(v: DossierViewModel): string {
    const again = v.reappointedTo ? "trễ hẹn lần 2, " : "";
    const phase = {
      overdue: `🔴 ${again}quá hạn ${v.overdueDays} ngày làm việc`,
      "due-soon": v.reappointedTo ? "🟠 sắp đến ngày hẹn lại" : "🟠 sắp quá hạn",
      "on-time": "🟢 trong hạn",
      "no-due-date": "chưa có ngày hẹn trả",
      closed: "✅ đã xong",
    }[v.phase];
    const when = (d: Date | null) => (d ? formatViDate(vnDate(d)) : "—");
    const out = [
      `📁 Hồ sơ ${code(v.code)} — ${b(v.unitName)}`,
      `Thủ tục: ${escapeHtml(v.procedure ?? "—")}`,
      `Trạng thái: ${escapeHtml(statusLabel(v.status))} — ${phase}`,
    ];
    if (v.applicantName) out.push(`Chủ hồ sơ: ${escapeHtml(v.applicantName)}`);
    if (v.officerName) out.push(`Cán bộ xử lý: ${escapeHtml(v.officerName)}`);
    out.push(
      `Ngày nhận: ${v.receivedAt ? dateTimeLabel(v.receivedAt) : "—"} · Hẹn trả: ${v.dueAt ? dayLabel(v.dueAt.slice(0, 10)) : "—"}` +
        (v.reappointedTo ? ` · Hẹn lại: ${dayLabel(v.reappointedTo)}` : "") +
        ` · Kết thúc: ${v.finishedAt ? dateTimeLabel(v.finishedAt) : "—"}`,
    );
    out.push(
      `Đã nhắc: ${when(v.promptedAt)} · Báo thủ trưởng: ${when(v.escalatedAt)} · Báo lãnh đạo: ${when(v.escalatedLeadersAt)}`,
    );
    if (v.reappointedTo)
      out.push(
        `Nhắc ngày hẹn lại: ${when(v.secondPromptedAt ?? null)} · Báo trễ hẹn lần 2: ${when(v.secondOverdueAt ?? null)}`,
      );
    for (const d of v.documents) {
      const name = d.kind === "apology" ? "Văn bản xin lỗi" : "Báo cáo giải trình";
      const by = d.approverName
        ? ` bởi ${escapeHtml(isApproverRole(d.approverRole) ? whoLabel({ name: d.approverName, role: d.approverRole }) : d.approverName)}`
        : "";
      const state =
        {
          issued: `số ${escapeHtml(d.number ?? "")}, duyệt ${when(d.approvedAt)}${by}`,
          pending: "chờ thủ trưởng duyệt",
          draft: "dự thảo chưa gửi duyệt",
          returned: `bị trả lại${by} (${escapeHtml(d.returnReason ?? "")})`,
          superseded: "đã thay bằng dự thảo mới",
        }[d.status] ?? d.status;
      const newDate = d.newDueDate ? `, hẹn trả mới ${formatViDate(d.newDueDate)}` : "";
      out.push(`${name}: ${state} — lập bởi ${escapeHtml(d.createdByName ?? "?")} ngày ${when(d.createdAt)}${newDate}`);
    }
    if (v.resultReturnedAt) out.push(`Đã trả kết quả (ghi nhận trên bot): ${when(v.resultReturnedAt)}`);
    return out.join("\n");
  },
};

/** Who decided on drafts, and when (docs/DOSSIERS.md "Ai được duyệt"). */
export type Decision = { name: string; role: ApproverRole; at: Date };

export type LateUnitLine = {
  unitName: string;
  late: number;
  apologisedInTime: number;
  lateAgain?: number;
  officers: readonly { name: string; late: number; apologisedInTime: number }[];
};

export type DossierViewModel = {
  code: string;
  unitName: string;
  procedure: string | null;
  status: string;
  applicantName: string | null;
  officerName: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  phase: "closed" | "no-due-date" | "on-time" | "due-soon" | "overdue";
  overdueDays: number;
  promptedAt: Date | null;
  escalatedAt: Date | null;
  escalatedLeadersAt: Date | null;
  resultReturnedAt: Date | null;
  /** the issued letter's new date, the date in force (dossiers/state.ts); `dueAt` is then the original one */
  reappointedTo?: string | null;
  secondPromptedAt?: Date | null;
  secondOverdueAt?: Date | null;
  documents: readonly {
    kind: string;
    status: string;
    number: string | null;
    newDueDate: string | null;
    createdByName: string | null;
    createdAt: Date;
    approvedAt: Date | null;
    approverName: string | null;
    approverRole: string | null;
    returnReason: string | null;
  }[];
};
