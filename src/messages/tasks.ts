/** Texts of task deadlines: the morning section, `/nhiemvu`, `/xong` (docs/SCHEDULES.md). */
import { escapeHtml } from "../render/html.js";
import { daysBetween } from "../domain/calendar/index.js";
import type { CatalogUnit } from "../domain/catalog.js";
import { formatViDate, type IsoDate } from "../domain/directive/dates.js";
import type { Task } from "../domain/directive/schema.js";
import { clipText } from "../domain/text.js";
import type { DeadlineHit } from "./views.js";
import { MAX_EVIDENCE_FILE_BYTES } from "../domain/limits.js";
import { formatMegabytes as mb } from "../render/format.js";

const TITLE_MAX = 90;
/** Task lines in one morning section; the rest are counted and left to /nhiemvu. */
export const MAX_TASK_LINES = 8;

export function shortTitle(t: Task): string {
  const one = t.title.replace(/\s+/g, " ").trim();
  return one.length <= TITLE_MAX ? one : `${clipText(one, TITLE_MAX - 1).trimEnd()}…`;
}

const code = (t: Task) => `<code>${escapeHtml(t.code)}</code>`;

export function whenText(hit: DeadlineHit): string {
  if (hit.kind === "overdue") return `⏰ <b>quá hạn ${hit.daysLate} ngày</b>`;
  return hit.daysLeft === 0 ? "<b>hôm nay là hạn</b>" : `còn ${hit.daysLeft} ngày`;
}

export type TaskLine = {
  task: Task;
  due: IsoDate;
  hit: DeadlineHit;
  role: "lead" | "cooperating";
  openLeads: readonly CatalogUnit[];
};

function leadsText(leads: readonly CatalogUnit[]): string {
  const names = leads.slice(0, 2).map((u) => escapeHtml(u.name));
  return leads.length > 2 ? `${names.join(", ")} và ${leads.length - 2} đơn vị khác` : names.join(", ");
}

export function taskLine(l: TaskLine): string {
  const head = `• ${code(l.task)} ${escapeHtml(shortTitle(l.task))} — hạn ${formatViDate(l.due)} (${whenText(l.hit)})`;
  return l.role === "lead" ? head : `${head}\n  phối hợp; chủ trì: ${leadsText(l.openLeads)}`;
}

export const taskTexts = {
  section(lines: readonly TaskLine[], anyLead: boolean): string[] {
    const shown = lines.slice(0, MAX_TASK_LINES).map(taskLine);
    const more = lines.length - shown.length;
    return [
      "📌 <b>Nhiệm vụ đến hạn</b>",
      ...shown,
      ...(more > 0 ? [`… và ${more} nhiệm vụ khác: /nhiemvu`] : []),
      ...(anyLead ? ["Đã hoàn thành: bấm nút bên dưới hoặc gửi <code>/xong &lt;mã&gt; [ghi chú]</code>."] : []),
    ];
  },
  doneButton: (t: Task) => clipText(`✅ Xong ${t.code}`, 60),

  list(
    unit: CatalogUnit,
    today: IsoDate,
    open: readonly { task: Task; due: IsoDate; role: "lead" | "cooperating" }[],
    continuous: readonly Task[],
  ): string {
    const lines = [`📌 Nhiệm vụ của <b>${escapeHtml(unit.name)}</b> (ngày ${formatViDate(today)})`];
    if (open.length === 0) lines.push("Không có nhiệm vụ nào đang chờ hoàn thành.");
    for (const o of open) {
      const d = daysBetween(today, o.due);
      const when = whenText(d < 0 ? { kind: "overdue", daysLate: -d } : { kind: "countdown", daysLeft: d });
      lines.push(
        `• ${code(o.task)} ${escapeHtml(shortTitle(o.task))} — hạn ${formatViDate(o.due)} (${when})${o.role === "cooperating" ? " — phối hợp" : ""}`,
      );
    }
    if (continuous.length > 0) lines.push(`Thường xuyên (không có hạn): ${continuous.map(code).join(", ")}`);
    lines.push("Báo hoàn thành (đơn vị chủ trì): <code>/xong &lt;mã&gt; [ghi chú]</code>.");
    return lines.join("\n");
  },
  noUnit: "Lệnh này dùng trong nhóm Telegram của đơn vị (nhóm đã đăng ký bằng /dangky).",
  xongPick: "Bấm nhiệm vụ đơn vị đã hoàn thành:",
  /** `example`: the code of one of the unit's own open tasks, so the example is one it can send. */
  xongUsage: (example: string | null) =>
    `Cách dùng: <code>/xong &lt;mã nhiệm vụ&gt; [ghi chú]</code>${example ? `, ví dụ <code>/xong ${escapeHtml(example)} đã trình UBND</code>` : ""}. Xem mã bằng /nhiemvu.`,
  unknown: (c: string) =>
    `⚠️ Đơn vị không có nhiệm vụ mã <code>${escapeHtml(c)}</code>. Xem danh sách và mã bằng /nhiemvu.`,
  notLead: (t: Task, leads: readonly CatalogUnit[]) =>
    `⚠️ Chỉ đơn vị chủ trì nhiệm vụ ${code(t)} (${leadsText(leads) || "chưa xác định"}) mới báo hoàn thành được; đơn vị bạn là đơn vị phối hợp.`,
  continuous: (t: Task) => `Nhiệm vụ ${code(t)} là nhiệm vụ thường xuyên, không có hạn nên không cần báo hoàn thành.`,
  alreadyDone: (t: Task, due: IsoDate, at: IsoDate) =>
    `Nhiệm vụ ${code(t)} (hạn ${formatViDate(due)}) đã được báo hoàn thành ngày ${formatViDate(at)}.`,
  done(t: Task, unit: CatalogUnit, due: IsoDate, note: string | null): string {
    return [
      `✅ Đã ghi nhận <b>${escapeHtml(unit.name)}</b> hoàn thành nhiệm vụ ${code(t)} (hạn ${formatViDate(due)}).`,
      ...(note ? [`Ghi chú: ${escapeHtml(note)}`] : []),
      "Gửi kèm minh chứng (không bắt buộc)? Bấm «📎 Gửi minh chứng», hoặc trả lời tin nhắn này bằng tệp hoặc ghi chú.",
    ].join("\n");
  },
  evidencePlaceholder: "Ghi chú hoặc tệp minh chứng",
  evidenceButton: "📎 Gửi minh chứng",
  skipButton: "Bỏ qua",
  evidenceAsk: (taskCode: string) =>
    `📎 Gửi tệp hoặc ghi chú minh chứng cho nhiệm vụ <code>${escapeHtml(taskCode)}</code>: <b>trả lời tin nhắn này</b>.`,
  confirmDoneButton: (t: Task) => clipText(`✔️ Xác nhận xong ${t.code}`, 60),
  buttonConfirmAsk: "Bấm «Xác nhận» để báo hoàn thành.",
  buttonKept: "Chưa ghi nhận gì.",
  evidenceSaved: (taskCode: string, kind: "file" | "note") =>
    `📎 Đã lưu ${kind === "file" ? "tệp" : "ghi chú"} minh chứng cho nhiệm vụ <code>${escapeHtml(taskCode)}</code>.`,
  evidenceTooLarge: `⚠️ Tệp quá lớn (tối đa ${mb(MAX_EVIDENCE_FILE_BYTES)}). Gửi tệp nhỏ hơn hoặc một ghi chú có đường dẫn.`,
  evidenceNotYours: "Chỉ người đã báo hoàn thành nhiệm vụ (hoặc quản trị viên) mới gửi được minh chứng. Chưa lưu gì.",
  evidenceGone: "Nhiệm vụ này không còn ở trạng thái hoàn thành nên chưa lưu minh chứng.",
  evidenceQuota: (used: number, quota: number) =>
    `⚠️ Minh chứng của đơn vị đã dùng ${mb(used)} trên ${mb(quota)} cho phép, tệp này vượt giới hạn nên chưa lưu. ` +
    "Gửi tệp nhỏ hơn (ví dụ PDF nén), hoặc một ghi chú có đường dẫn tới tệp.",
  buttonGone: "Nhiệm vụ này không còn trong chỉ thị đang áp dụng.",
  buttonNotLead: "Chỉ đơn vị chủ trì mới báo hoàn thành được.",
  buttonWrongChat: "Nút này chỉ dùng trong nhóm của đơn vị.",
  buttonAlready: "Nhiệm vụ này đã được báo hoàn thành.",
  buttonDone: "Đã ghi nhận hoàn thành.",
};
