/** `/capquyen`, `/thuquyen`, `/quyen`: roles named by the person's name, not a bare id (docs/UPLOADS.md «Who is who»). */
import type { Role } from "../domain/roles.js";
import { escapeHtml } from "../render/html.js";

export const ROLE_NAMES: Record<Role, string> = { admin: "quản trị viên", leader: "lãnh đạo", officer: "cán bộ" };

export type Named = { telegramId: bigint; displayName: string | null; username: string | null };

/** «Bình (@binh)», or «id 612» for someone the bot has never seen named. */
export function who(p: Named): string {
  const at = p.username ? ` (@${escapeHtml(p.username)})` : "";
  return p.displayName ? `<b>${escapeHtml(p.displayName)}</b>${at}` : `id <code>${p.telegramId}</code>${at}`;
}

/** A mention that notifies the person in a group, even without a username. */
const mention = (p: Named) =>
  `<a href="tg://user?id=${p.telegramId}">${escapeHtml(p.displayName ?? `id ${p.telegramId}`)}</a>`;

const HOW_TO_NAME =
  "Cách khác: trả lời một tin nhắn của người đó bằng <code>/capquyen lanhdao</code>, " +
  "hoặc nhờ họ nhắn /id cho bot rồi cấp lại.";

export const roleTexts = {
  usage:
    "Cấp quyền: trả lời một tin nhắn của người đó bằng <code>/capquyen lanhdao</code> (hoặc <code>quantri</code>).\n" +
    "Hoặc trong tin nhắn riêng: <code>/capquyen @tên lanhdao</code>, <code>/capquyen &lt;id&gt; quantri</code>.\n" +
    "Thu quyền: <code>/thuquyen @tên</code> hoặc <code>/thuquyen &lt;id&gt;</code>. Xem ai giữ quyền: /quyen.",
  unknownId: (id: string) =>
    `❌ Bot chưa gặp id <code>${escapeHtml(id)}</code>, chưa cấp quyền. Kiểm tra lại id. ${HOW_TO_NAME}`,
  unknownUsername: (u: string) =>
    `❌ Bot chưa gặp @${escapeHtml(u)} (người đó chưa nhắn gì cho bot), chưa cấp quyền. ${HOW_TO_NAME}`,
  configuredAdmin: (p: Named) => `${who(p)} là quản trị viên khai báo trong ADMIN_IDS, đã có mọi quyền.`,
  unchanged: (p: Named, role: Role) => `${who(p)} đã có quyền ${ROLE_NAMES[role]}, không cần cấp lại.`,
  isBot: "Không cấp quyền cho bot. Trả lời tin nhắn của một người.",
  anAdmin: "Quản trị viên",
  self: "Không tự cấp quyền cho mình được. Trả lời tin nhắn của người cần cấp quyền.",
  granted: (p: Named, role: Role, told: "private" | "here" | "not-told", botUsername: string) =>
    [
      `✅ Đã cấp quyền ${ROLE_NAMES[role]} cho ${who(p)}.`,
      told === "private"
        ? "Đã báo riêng cho người được cấp."
        : told === "here"
          ? `${mention(p)}: bạn vừa được cấp quyền ${ROLE_NAMES[role]}. Nhắn /start cho @${escapeHtml(botUsername)} để xem các lệnh của mình.`
          : `Chưa báo được cho người đó (họ chưa mở tin nhắn riêng với bot): nhờ họ nhắn /start cho @${escapeHtml(botUsername)}.`,
      "Nhầm người? Bấm «↩️ Huỷ».",
    ].join("\n"),
  undoButton: "↩️ Huỷ",
  toGrantee: (role: Role, by: string) =>
    `Bạn vừa được ${escapeHtml(by)} cấp quyền ${ROLE_NAMES[role]} trong dondoc. Gửi /help để xem các lệnh của mình.`,
  toGranteeUndone: (role: Role) => `Quyền ${ROLE_NAMES[role]} vừa cấp cho bạn đã được huỷ (cấp nhầm).`,
  /** The grant's message once undone: the buttons go, and it says who undid what. */
  undone: (p: Named, granted: Role, restored: Role | null, by: string) =>
    `↩️ ${escapeHtml(by)} đã huỷ việc cấp quyền ${ROLE_NAMES[granted]} cho ${who(p)}: ${
      restored ? `trở lại quyền ${ROLE_NAMES[restored]}` : "không còn quyền nào"
    }.`,
  pressUndone: "Đã huỷ.",
  undoGone: "Người này đã bị thu quyền rồi, không còn gì để huỷ.",
  undoChanged: "Quyền của người này đã đổi sau lần cấp đó; dùng /capquyen hoặc /thuquyen để sửa.",
  revoked: (p: Named) => `✅ Đã thu quyền của ${who(p)}.`,
  list(entries: readonly (Named & { role: Role; configured: boolean })[]): string {
    if (entries.length === 0) return `Chưa ai có quyền. ${roleTexts.usage}`;
    const lines = [`Người có quyền (${entries.length}):`];
    for (const role of ["admin", "leader", "officer"] as const) {
      const of = entries.filter((e) => e.role === role);
      if (of.length === 0) continue;
      lines.push(`<b>${ROLE_NAMES[role][0]?.toUpperCase()}${ROLE_NAMES[role].slice(1)}</b>`);
      for (const e of of) {
        const id = e.displayName ? ` — id <code>${e.telegramId}</code>` : "";
        lines.push(`• ${who(e)}${id}${e.configured ? " (ADMIN_IDS)" : ""}`);
      }
    }
    lines.push(
      "Cấp quyền: trả lời tin nhắn của người đó bằng <code>/capquyen lanhdao</code>; thu quyền: <code>/thuquyen @tên</code>.",
    );
    return lines.join("\n");
  },
};
