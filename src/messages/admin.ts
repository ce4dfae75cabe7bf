/** Texts of the administrator's private chat (docs/UPLOADS.md, "Who is who"). */
import { escapeHtml } from "../render/html.js";
import type { DirectiveProblem } from "../domain/directive/problems.js";
import type { DirectivePlan } from "../domain/directive/dryRun.js";
import { MAX_CONFIG_TEXT_BYTES, PENDING_UPLOAD_TTL_MS } from "../domain/limits.js";
import { formatMegabytes } from "../render/format.js";
import type { InstallResult, PressRefusal } from "./views.js";
import { planLines, type TextStyle } from "./directives.js";

export const htmlStyle: TextStyle = { esc: escapeHtml, bold: (t) => `<b>${t}</b>` };
const HOLD_MINUTES = Math.round(PENDING_UPLOAD_TTL_MS / 60_000);

export const adminTexts = {
  installed(r: Extract<InstallResult, { ok: true }>): string {
    if (r.kind === "units") {
      return `✅ Đã nạp danh sách đơn vị «${escapeHtml(r.list.name)}»: ${r.list.units.length} đơn vị (${r.created} mới, ${r.updated} cập nhật).`;
    }
    if (r.kind === "index") {
      const i = r.index;
      return `✅ Đã ${r.status === "created" ? "nạp" : "cập nhật"} bộ chỉ số ${escapeHtml(i.number)} — ${i.groups.length} nhóm, ${i.components.length} thành phần. Đơn vị báo số liệu thành phần bằng /nop &lt;mã&gt; &lt;tổng&gt; &lt;số đạt&gt;.`;
    }
    const d = r.directive;
    const lines = [
      `✅ Đã ${r.status === "created" ? "nạp" : "cập nhật"} ${escapeHtml(d.number)} — ${escapeHtml(d.title)}`,
      `${d.tiers.length} cấp, ${d.groups.length} nhóm, ${d.indicators.length} chỉ tiêu, ${d.milestones.length} mốc, ${d.tasks.length} nhiệm vụ.`,
    ];
    if (r.unknownUnits.length > 0) {
      lines.push(
        `⚠️ ${r.unknownUnits.length} mã đơn vị chưa có trong danh sách: ${r.unknownUnits
          .slice(0, 10)
          .map((c) => `<code>${escapeHtml(c)}</code>`)
          .join(", ")}${r.unknownUnits.length > 10 ? "…" : ""}. Gửi tệp danh sách đơn vị để bổ sung.`,
      );
    }
    return lines.join("\n");
  },
  rejected(problems: readonly DirectiveProblem[]): string {
    const shown = problems.slice(0, 10).map((p) => `• <code>${escapeHtml(p.path)}</code>: ${escapeHtml(p.message)}`);
    return [
      `❌ Tệp không hợp lệ, chưa nạp gì (${problems.length} lỗi):`,
      ...shown,
      problems.length > 10 ? "…" : "",
      "Sửa các lỗi trên rồi gửi lại tệp.",
    ]
      .filter(Boolean)
      .join("\n");
  },
  notFound: (who: string) =>
    `${/^\d+$/.test(who) ? "Id " : ""}<code>${escapeHtml(who)}</code> chưa được cấp quyền nào. Xem ai đang có quyền: /quyen.`,
  cannotRevokeConfigured: "Quản trị viên khai báo trong ADMIN_IDS chỉ thu quyền được bằng cách sửa cấu hình.",
  yourId: (id: number) => `Id Telegram của bạn: <code>${id}</code>`,
  fileTooLarge: `❌ Tệp quá lớn: văn bản hoặc danh sách đơn vị tối đa ${formatMegabytes(MAX_CONFIG_TEXT_BYTES)} (danh sách của một tỉnh chỉ vài chục KB). Kiểm tra lại tệp, bỏ phần thừa rồi gửi lại.`,

  // The dry run of a directive file sent privately, and its two buttons.
  planPreview: (p: DirectivePlan) => planLines(p, htmlStyle).join("\n"),
  planPrompt: (preview: string) =>
    `${preview}\n\nBấm <b>✅ Áp dụng</b> để nạp văn bản này, hoặc <b>Huỷ</b> (nút có hiệu lực ${HOLD_MINUTES} phút).`,
  applyButton: "✅ Áp dụng",
  cancelButton: "Huỷ",
  planApplied: (preview: string, outcome: string) => `${preview}\n\n${outcome}`,
  planCancelled: (preview: string) => `${preview}\n\n✖️ Đã huỷ, chưa nạp gì. Muốn áp dụng thì gửi lại tệp.`,
  pressApplied: "Đã áp dụng.",
  pressCancelled: "Đã huỷ.",
  pressRejected: "Tệp không còn hợp lệ, chưa nạp gì.",
  planRefusals: {
    "not-found": "Không còn văn bản nào chờ áp dụng ở đây. Gửi lại tệp để xem trước.",
    forbidden: "Chỉ quản trị viên đã gửi tệp mới áp dụng được.",
    expired: `Đã quá ${HOLD_MINUTES} phút, văn bản chưa được nạp. Gửi lại tệp để xem trước và áp dụng.`,
    "already-saved": "Văn bản này đã được xử lý rồi. Gửi /chithi để xem các văn bản đã nạp.",
    cancelled: "Đã huỷ trước đó. Muốn áp dụng thì gửi lại tệp.",
  } satisfies Record<PressRefusal, string>,
};
