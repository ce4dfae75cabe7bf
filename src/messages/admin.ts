/** Texts of the administrator's private chat (issue #3 "Onboarding", "Who is who"). */
import { escapeHtml } from "../bot/html.js";
import type { DirectiveProblem } from "../domain/directive/problems.js";
import type { InstallResult } from "../services/install.js";

const ROLE_NAMES = { admin: "quản trị viên", leader: "lãnh đạo", officer: "cán bộ" } as const;

export const adminTexts = {
  installed(r: Extract<InstallResult, { ok: true }>): string {
    if (r.kind === "units") {
      return `✅ Đã nạp danh sách đơn vị «${escapeHtml(r.list.name)}»: ${r.list.units.length} đơn vị (${r.created} mới, ${r.updated} cập nhật).`;
    }
    const d = r.directive;
    const lines = [
      `✅ Đã ${r.status === "created" ? "nạp" : "cập nhật"} ${escapeHtml(d.number)} — ${escapeHtml(d.title)}`,
      `${d.tiers.length} cấp, ${d.groups.length} nhóm, ${d.indicators.length} chỉ tiêu, ${d.milestones.length} mốc, ${d.tasks.length} nhiệm vụ.`,
    ];
    if (r.unknownUnits.length > 0) {
      lines.push(`⚠️ ${r.unknownUnits.length} mã đơn vị chưa có trong danh sách: ${r.unknownUnits.slice(0, 10).map((c) => `<code>${escapeHtml(c)}</code>`).join(", ")}${r.unknownUnits.length > 10 ? "…" : ""}. Gửi tệp danh sách đơn vị để bổ sung.`);
    }
    return lines.join("\n");
  },
  rejected(problems: readonly DirectiveProblem[]): string {
    const shown = problems.slice(0, 10).map((p) => `• <code>${escapeHtml(p.path)}</code>: ${escapeHtml(p.message)}`);
    return [`❌ Tệp không hợp lệ, chưa nạp gì (${problems.length} lỗi):`, ...shown, problems.length > 10 ? "…" : "", "Sửa các lỗi trên rồi gửi lại tệp."].filter(Boolean).join("\n");
  },
  grantUsage:
    "Cấp quyền: <code>/capquyen &lt;id Telegram&gt; quantri|lanhdao</code>\nThu quyền: <code>/thuquyen &lt;id Telegram&gt;</code>\n(Người được cấp quyền lấy id bằng lệnh /id trong tin nhắn riêng với bot.)",
  granted: (id: string, role: keyof typeof ROLE_NAMES) => `✅ Đã cấp quyền ${ROLE_NAMES[role]} cho id <code>${escapeHtml(id)}</code>.`,
  revoked: (id: string) => `✅ Đã thu quyền của id <code>${escapeHtml(id)}</code>.`,
  notFound: (id: string) => `Id <code>${escapeHtml(id)}</code> chưa được cấp quyền nào.`,
  cannotRevokeConfigured: "Quản trị viên khai báo trong ADMIN_IDS chỉ thu quyền được bằng cách sửa cấu hình.",
  yourId: (id: number) => `Id Telegram của bạn: <code>${id}</code>`,
  fileTooLarge: "❌ Tệp quá lớn (tối đa 5 MB). Tách tệp nhỏ hơn rồi gửi lại.",
  directivesList: (items: readonly { number: string; title: string; slug: string }[]) =>
    items.length === 0 ? "Chưa nạp chỉ thị nào. Gửi tệp .yaml của chỉ thị cho bot." : ["Các chỉ thị đang áp dụng:", ...items.map((d) => `• ${escapeHtml(d.number)} — ${escapeHtml(d.title)} (<code>${escapeHtml(d.slug)}</code>)`)].join("\n"),
};
