/** `/chithi`: the loaded directives (admin's private chat, with buttons) and what binds a unit (unit chat). */
import { escapeHtml } from "../render/html.js";
import type { CatalogUnit } from "../domain/catalog.js";
import { formatViDate, type IsoDate } from "../domain/directive/dates.js";
import type { Directive } from "../domain/directive/schema.js";
import type { BindingReason, UnitBinding, UnitBindings } from "../domain/directive/unitBindings.js";
import { directiveEnd, effectiveFrom } from "../domain/directive/validity.js";
import type { DirectiveOverview } from "./views.js";
import { htmlStyle } from "./admin.js";
import { bandsText, commitmentLines, datesText, validityText } from "./directives.js";

const st = htmlStyle;
const WHY = {
  "in-force": "Áp dụng cho đơn vị vì",
  "not-yet": "Sẽ áp dụng cho đơn vị vì",
  ended: "Đã áp dụng cho đơn vị vì",
} as const;

function entry(o: DirectiveOverview, index: number | null): string[] {
  const head = `<b>${index === null ? "" : `(${index}) `}${escapeHtml(o.number)}</b>`;
  const d = o.directive;
  const state = index === null ? "" : o.active ? " · ▶️ đang bật" : " · ⏸ đang tạm dừng";
  if (!d || !o.dates) {
    return [
      `${head}${state}`,
      `${escapeHtml(o.title)} (<code>${escapeHtml(o.slug)}</code>)`,
      "⚠️ Nội dung không còn hợp lệ (danh mục chỉ tiêu đã đổi?): sửa tệp rồi gửi lại để nạp lại.",
    ];
  }
  return [
    `${head} — ${escapeHtml(d.issuer)}${state}`,
    `${escapeHtml(d.title)} (<code>${escapeHtml(o.slug)}</code>)`,
    datesText(d, o.dates.effectiveFrom, o.dates.end, st),
    `Hôm nay: ${validityText(o.dates.validity, o.dates.effectiveFrom, o.dates.end)}`,
    bandsText(d),
    ...commitmentLines(d.commitments, st),
  ];
}

function reasonText(r: BindingReason): string {
  const what =
    r.kind === "tier"
      ? `cấp «${escapeHtml(r.name)}»`
      : r.kind === "group"
        ? `nhóm «${escapeHtml(r.name)}»`
        : "đơn vị được nêu tên";
  return r.labels.length === 0 ? what : `${what} (${r.labels.map((l) => `«${escapeHtml(l)}»`).join(", ")})`;
}

function bindingEntry(b: UnitBinding, all: readonly Directive[]): string[] {
  const d = b.directive;
  const from = effectiveFrom(d);
  const end = directiveEnd(d, all);
  return [
    `• <b>${escapeHtml(d.number)}</b> — ${escapeHtml(d.issuer)}: ${escapeHtml(d.title)}`,
    `  ${datesText(d, from, end, st)}`,
    `  ${WHY[b.validity]}: ${b.reasons.map(reasonText).join("; ")}`,
    ...(b.validity === "ended"
      ? []
      : [`  ${bandsText(d)}`, ...commitmentLines(b.commitments, st).map((l) => `  ${l}`)]),
  ];
}

export const directiveListTexts = {
  adminList(items: readonly DirectiveOverview[], today: IsoDate): string {
    if (items.length === 0)
      return "Chưa nạp văn bản nào. Gửi tệp .yaml của văn bản (chỉ thị, kế hoạch…) vào đây để xem trước và nạp.";
    return [
      `<b>Văn bản đã nạp (${items.length})</b> — hôm nay ${formatViDate(today)}`,
      ...items.flatMap((o, i) => ["", ...entry(o, i + 1)]),
      "",
      "⏸ Tạm dừng: văn bản thôi ràng buộc (không đánh giá, không nhắc việc) cho đến khi bấm ▶️ Tiếp tục. 🗑 Gỡ: xoá văn bản, số liệu đã báo cáo vẫn giữ. Nạp văn bản mới: gửi tệp .yaml vào đây.",
    ].join("\n");
  },
  /** For anyone else outside a unit chat: the deployment's directives that are not paused, no buttons. */
  publicList(items: readonly DirectiveOverview[], today: IsoDate): string {
    const active = items.filter((o) => o.active);
    if (active.length === 0)
      return "Chưa có văn bản nào đang bật. Quản trị viên nạp văn bản bằng cách gửi tệp .yaml cho bot trong tin nhắn riêng.";
    return [
      `<b>Các văn bản đang bật</b> — hôm nay ${formatViDate(today)}`,
      ...active.flatMap((o) => ["", ...entry(o, null)]),
    ].join("\n");
  },
  pauseButton: (i: number) => `⏸ Tạm dừng (${i})`,
  resumeButton: (i: number) => `▶️ Tiếp tục (${i})`,
  removeButton: (i: number) => `🗑 Gỡ (${i})`,
  removeConfirmButton: "🗑 Gỡ hẳn",
  keepButton: "Giữ lại",
  removeAsk: (number: string, slug: string) =>
    `Gỡ văn bản <b>${escapeHtml(number)}</b> (<code>${escapeHtml(slug)}</code>)? Văn bản sẽ thôi ràng buộc mọi đơn vị. ` +
    "Số liệu các đơn vị đã báo cáo vẫn được giữ nguyên; muốn dùng lại thì gửi lại tệp.",
  removed: (number: string) => `🗑 Đã gỡ văn bản <b>${escapeHtml(number)}</b>. Số liệu đã báo cáo vẫn được giữ nguyên.`,
  removedToast: "Đã gỡ.",
  kept: (number: string) => `Đã giữ lại văn bản <b>${escapeHtml(number)}</b>, không thay đổi gì.`,
  paused: (number: string) => `⏸ Đã tạm dừng ${number}.`,
  resumed: (number: string) => `▶️ Đã bật lại ${number}.`,
  alreadyPaused: (number: string) => `${number} đang tạm dừng rồi.`,
  alreadyActive: (number: string) => `${number} đang bật rồi.`,
  gone: "Văn bản này không còn trong hệ thống. Gửi /chithi để xem danh sách mới.",

  unit(unit: CatalogUnit, b: UnitBindings, all: readonly Directive[], today: IsoDate): string {
    const name = `<b>${escapeHtml(unit.name)}</b> (<code>${escapeHtml(unit.code)}</code>)`;
    if (b.inForce.length + b.upcoming.length + b.ended.length === 0) {
      return `Chưa có văn bản nào đã nạp ràng buộc ${name}. Nếu đơn vị phải thực hiện một văn bản, báo quản trị viên nạp văn bản đó.`;
    }
    const section = (title: string, list: readonly UnitBinding[]) =>
      list.length === 0 ? [] : ["", `<b>${title}</b>`, ...list.flatMap((x) => bindingEntry(x, all))];
    return [
      `Văn bản ràng buộc ${name} — hôm nay ${formatViDate(today)}:`,
      ...(b.inForce.length === 0
        ? ["", "Hôm nay không có văn bản nào đang có hiệu lực với đơn vị."]
        : section(`Đang có hiệu lực (${b.inForce.length})`, b.inForce)),
      ...section(`Sắp có hiệu lực (${b.upcoming.length})`, b.upcoming),
      ...section(`Đã hết hiệu lực (${b.ended.length})`, b.ended),
    ].join("\n");
  },
};
