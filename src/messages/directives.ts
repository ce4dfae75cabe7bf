/**
 * How a directive is described to a person — its dates, validity, colour bands, commitments and
 * the dry run of loading it — written once for the bot (HTML) and the CLI (plain text), which
 * differ only by `TextStyle`.
 */
import { formatViDate, formatViMonth, type IsoDate } from "../domain/directive/dates.js";
import type { DirectivePlan, MilestoneChange } from "../domain/directive/dryRun.js";
import { DEFAULT_LEVEL_BANDS, type Commitment, type Directive } from "../domain/directive/schema.js";
import type { DirectiveEnd, ValidityStatus } from "../domain/directive/validity.js";
import { formatNumber, formatTargetPercent } from "../domain/format.js";

export type TextStyle = { esc(text: string): string; bold(text: string): string };
export const plainStyle: TextStyle = { esc: (t) => t, bold: (t) => t };

/** How many items of one kind a dry run names before "… và N khác". */
const SHOWN = 3;
const COMPARISON = { atLeast: "tối thiểu", moreThan: "trên", reach: "đạt", aspiration: "phấn đấu" } as const;

const decimal = (n: number) => String(n).replace(".", ",");

export function validityText(status: ValidityStatus, from: IsoDate, end: DirectiveEnd): string {
  if (status === "not-yet") return `chưa có hiệu lực (từ ${formatViDate(from)})`;
  if (status === "in-force") return "đang có hiệu lực";
  if (end.kind !== "open" && end.date !== null) return `đã hết hiệu lực (ngày cuối ${formatViDate(end.date)})`;
  return "đã hết hiệu lực";
}

/** "Ban hành 01/06/2023 · hiệu lực từ 01/06/2023 · đến 31/12/2025" (or "bị thay thế bởi …"). */
export function datesText(d: Directive, from: IsoDate, end: DirectiveEnd, st: TextStyle): string {
  const parts = [`Ban hành ${formatViDate(d.issuedOn)}`, `hiệu lực từ ${formatViDate(from)}`];
  if (end.kind === "until") parts.push(`đến ${formatViDate(end.date)}`);
  if (end.kind === "replaced") {
    parts.push(
      `bị thay thế bởi ${st.esc(end.by)}${end.date === null ? "" : ` (hiệu lực đến ${formatViDate(end.date)})`}`,
    );
  }
  return parts.join(" · ");
}

/** The colour bands, saying whose they are: the directive's, or dondoc's default it never set. */
export function bandsText(d: Directive): string {
  if (!d.levels) {
    return `Mức màu: ngưỡng mặc định của dondoc (vàng ≤ ${decimal(DEFAULT_LEVEL_BANDS.vang)}, cam ≤ ${decimal(DEFAULT_LEVEL_BANDS.cam)} điểm % dưới chỉ tiêu) — văn bản không quy định`;
  }
  return `Mức màu theo văn bản: vàng ≤ ${decimal(d.levels.vang)}, cam ≤ ${decimal(d.levels.cam)} điểm % dưới chỉ tiêu`;
}

/** Targets no figure can measure, with their words. */
export function commitmentLines(items: readonly Commitment[], st: TextStyle): string[] {
  if (items.length === 0) return [];
  return [
    `Cam kết không đo bằng số liệu (${items.length}):`,
    ...items.map((c) => `  – ${st.esc(c.text)}${c.deadline ? ` (hạn ${st.esc(c.deadline.text)})` : ""}`),
  ];
}

function milestoneText(d: Directive, c: MilestoneChange, st: TextStyle): string {
  const m = c.milestone;
  const count = d.indicators.find((i) => i.code === m.indicator)?.kind === "count";
  const target = (t: number) => (count ? formatNumber(t) : formatTargetPercent(t));
  const scope = m.scope.label ?? [...m.scope.tiers, ...m.scope.groups, ...m.scope.units].join(", ");
  const was = c.before ? `${COMPARISON[c.before.comparison]} ${target(c.before.target)} → ` : "";
  return `${m.indicator} · ${st.esc(scope)} · ${st.esc(m.deadline.text)}: ${was}${COMPARISON[m.comparison]} ${target(m.target)}`;
}

function someOf(items: readonly string[]): string {
  const shown = items.slice(0, SHOWN).join(", ");
  return items.length > SHOWN ? `${shown}… (+${items.length - SHOWN})` : shown;
}

function changeLines(d: Directive, sign: string, list: readonly MilestoneChange[], st: TextStyle): string[] {
  const lines = list.slice(0, SHOWN).map((c) => `  ${sign} ${milestoneText(d, c, st)}`);
  if (list.length > SHOWN) lines.push(`  ${sign} … và ${list.length - SHOWN} mốc khác`);
  return lines;
}

/** The dry run, one short line per part; the caller adds what to do next. */
export function planLines(p: DirectivePlan, st: TextStyle): string[] {
  const d = p.directive;
  const lines = [
    st.bold(`Xem trước: ${st.esc(d.number)} — ${st.esc(d.title)}`),
    `${st.esc(d.issuer)} (mã ${st.esc(d.id)})`,
    datesText(d, p.effectiveFrom, p.end, st),
    `Hôm nay ${formatViDate(p.today)}: ${validityText(p.validity, p.effectiveFrom, p.end)}`,
    p.previous === null
      ? "Văn bản mới (chưa nạp lần nào)."
      : p.previous.paused
        ? "Thay bản đã nạp (đang tạm dừng): áp dụng sẽ cho văn bản chạy lại."
        : "Thay bản đã nạp.",
  ];
  if (p.issuerUnknown)
    lines.push(
      `⚠️ Đơn vị ban hành ${st.esc(d.issuingUnit ?? "")} chưa có trong danh sách đơn vị: văn bản chưa ràng buộc đơn vị nào. Nạp danh sách đơn vị trước.`,
    );
  lines.push(
    p.boundTotal === 0
      ? "Ràng buộc: 0 đơn vị."
      : `Ràng buộc ${formatNumber(p.boundTotal)} đơn vị: ${p.bound.map((t) => `${formatNumber(t.count)} ${st.esc(t.name)}`).join("; ")}.`,
  );
  const ms = p.milestones;
  lines.push(
    p.previous === null
      ? `Mốc chỉ tiêu: ${ms.total}.`
      : `Mốc chỉ tiêu: ${ms.total} (thêm ${ms.added.length}, bỏ ${ms.removed.length}, đổi ${ms.changed.length}).`,
  );
  if (p.previous !== null) {
    lines.push(
      ...changeLines(d, "+", ms.added, st),
      ...changeLines(d, "−", ms.removed, st),
      ...changeLines(d, "~", ms.changed, st),
    );
  }
  const t = p.tasks;
  const taskParts =
    p.previous === null
      ? []
      : [
          t.added.length ? `thêm ${st.esc(someOf(t.added))}` : "",
          t.removed.length ? `bỏ ${st.esc(someOf(t.removed))}` : "",
          t.changed.length ? `đổi ${st.esc(someOf(t.changed))}` : "",
        ].filter(Boolean);
  lines.push(`Nhiệm vụ: ${t.total}${taskParts.length ? ` (${taskParts.join("; ")})` : ""}.`);
  lines.push(reminderLine(p, st));
  if (p.commitments > 0) lines.push(`Cam kết không đo bằng số liệu: ${p.commitments}.`);
  if (p.unknownUnits.length > 0)
    lines.push(`⚠️ ${p.unknownUnits.length} mã đơn vị chưa có trong danh sách: ${st.esc(someOf(p.unknownUnits))}.`);
  return lines;
}

function reportingText(r: NonNullable<Directive["reporting"]>): string {
  switch (r.cadence) {
    case "monthly":
      return `ngày báo cáo ${r.day} hằng tháng`;
    case "quarterly":
      return `ngày báo cáo ${r.day} tháng cuối mỗi quý`;
    case "weekly":
      return "báo cáo hằng tuần";
    case "yearly":
      return r.month === undefined ? "báo cáo hằng năm" : `ngày báo cáo ${r.day}/${r.month} hằng năm`;
  }
}

function reminderLine(p: DirectivePlan, st: TextStyle): string {
  if (p.validity === "ended") return "Nhắc việc: không bật (văn bản đã hết hiệu lực).";
  const r = p.reminders;
  const parts: string[] = [];
  if (r.reporting) parts.push(reportingText(r.reporting));
  if (r.peakWeekFrom) parts.push(`tuần cao điểm từ ${formatViMonth(r.peakWeekFrom)}`);
  if (r.taskDeadlines.length > 0) {
    parts.push(
      `hạn ${r.taskDeadlines.length} nhiệm vụ (${st.esc(someOf(r.taskDeadlines.map((x) => `${x.code} ${formatViDate(x.due)}`)))})`,
    );
  }
  if (parts.length === 0) return "Nhắc việc sẽ bật: không có.";
  const from = p.validity === "not-yet" ? ` — từ ${formatViDate(p.effectiveFrom)}` : "";
  return `Nhắc việc sẽ bật: ${parts.join("; ")}${from}.`;
}
