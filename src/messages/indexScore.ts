/**
 * Texts of `/chiso` (docs/INDEX.md "Trong nhóm chat"), and the words of a scored index's numbers (docs/INDEX.md):
 * a gain as the unit would say it and a total that never hides what is missing. `gainLine` and
 * `totalLine` are plain text (the caller escapes them where the reply is HTML).
 */
import type { IndexGain } from "../domain/index/gains.js";
import type { IndexScore } from "../domain/index/score.js";
import type { CatalogUnit } from "../domain/catalog.js";
import { formatViMonth } from "../domain/directive/dates.js";
import { formatNumber } from "../domain/format.js";
import { previousMonth } from "../domain/month.js";
import { escapeHtml } from "../render/html.js";
import { countCommand, nopCommand } from "./grammar.js";
import { formatPoints, points, pointsValue, roundedHundredths, type Points } from "../domain/index/points.js";
import type { IndexGainView, IndexGroupView, IndexMissingView, SubtreeIndexView, UnitIndexView } from "./indexViews.js";

/** "thêm 12 hồ sơ trực tuyến → +1,8 điểm"; "số hoá 30 kết quả → +2,4 điểm". */
export function gainLine(g: IndexGain): string {
  return `${g.verb} ${formatNumber(g.items)} ${g.itemWord} → +${formatPoints(g.points)} điểm`;
}

/**
 * "57,5/100 điểm" when every component is scored; otherwise "5,7/6 điểm trên các thành phần đã
 * có số liệu": a total over part of the index never reads as a total over all of it.
 */
export function totalLine(s: IndexScore): string {
  if (s.complete) return `${formatPoints(s.total)}/${formatPoints(s.max)} điểm`;
  return `${formatPoints(s.total)}/${formatPoints(s.maxAvailable)} điểm trên các thành phần đã có số liệu`;
}

const CELLS = 5;
/** "▰▰▰▱▱": the share of a group's maximum earned, in five cells. */
export function pointsBar(earned: Points, max: Points): string {
  const share = pointsValue(max) > 0 ? pointsValue(earned) / pointsValue(max) : 0;
  const filled = Math.min(CELLS, Math.max(0, Math.round(share * CELLS)));
  return "▰".repeat(filled) + "▱".repeat(CELLS - filled);
}

/** "thêm 12 hồ sơ trực tuyến → +1,8 điểm". */
export function gainPhrase(g: IndexGainView): string {
  return `${g.action} ${formatNumber(g.items)} ${g.itemWord} → +${formatPoints(g.points)} điểm`;
}

/**
 * The change between two totals as they are printed (hundredths, rounded each), so the words add
 * up: 5,44 after 3,55 reads "+1,89", never the exact difference's "+1,9".
 */
function printedChange(now: Points, previous: Points): { sign: number; text: string } {
  const d = roundedHundredths(now) - roundedHundredths(previous);
  return { sign: Math.sign(d), text: formatPoints(points(BigInt(Math.abs(d)))) };
}

/**
 * "▲ +4,2 điểm so với tháng 10/2026 (25 điểm)"; when the two months' scored components differ,
 * the change on those both have: "▲ +1,2 điểm so với tháng 10/2026 trên 3 thành phần có số liệu
 * cả hai tháng (tổng tháng trước: 25 điểm)"; with none in common, only last month's total.
 */
function changeLine(v: UnitIndexView): string | null {
  if (v.previous === null) return null;
  const month = formatViMonth(previousMonth(v.period));
  const c = v.change;
  if (!c) return `Tháng ${month}: ${formatPoints(v.previous)} điểm (trên các thành phần khác tháng này).`;
  const { sign, text } = printedChange(c.now, c.before);
  const words = sign === 0 ? "không đổi" : `${sign > 0 ? "▲ +" : "▼ −"}${text} điểm`;
  if (c.partial === null) return `${words} so với tháng ${month} (${formatPoints(v.previous)} điểm)`;
  return `${words} so với tháng ${month} trên ${c.partial} thành phần có số liệu cả hai tháng (tổng tháng trước: ${formatPoints(v.previous)} điểm)`;
}

/** "▲4,2" / "▼1" / "=": points since last month, short for the leaders' one-line rows (and the Mini App's). */
export function shortChange(now: Points, previous: Points): string {
  const { sign, text } = printedChange(now, previous);
  return sign === 0 ? "=" : `${sign > 0 ? "▲" : "▼"}${text}`;
}

function groupLine(g: IndexGroupView): string {
  return `${pointsBar(g.points, g.max)} ${formatPoints(g.points)}/${formatPoints(g.max)} ${escapeHtml(g.name)}`;
}

/** How to report a missing component: the grammar's own command, so it parses. */
/**
 * The missing components listed with their command, most points first (services/index/view.ts);
 * the rest are counted and sent to the template, which has a column for each.
 */
const MISSING_SHOWN = 5;

function missingLine(m: IndexMissingView): string {
  const example =
    m.kind === "count"
      ? countCommand(m.code, 5, null)
      : nopCommand({ indicatorCode: m.code, total: 120, part: 95, period: null });
  return `• ${escapeHtml(m.name)}: <code>${escapeHtml(example)}</code>`;
}

const bandText = (band: string | null) => (band ? ` · Xếp loại: <b>${escapeHtml(band)}</b>` : "");

export const indexTexts = {
  unit(v: UnitIndexView): string {
    const lines = [
      `📈 ${escapeHtml(v.index.shortName)} — tháng ${formatViMonth(v.period)} — <b>${escapeHtml(v.unit.name)}</b>`,
    ];
    const complete = v.missing.length === 0 && v.unscorable === 0;
    const out = complete
      ? `/${formatPoints(v.max)} điểm</b>`
      : `/${formatPoints(v.maxAvailable)} điểm</b> trên các thành phần đã có số liệu (tối đa ${formatPoints(v.max)})`;
    lines.push(`Điểm: <b>${formatPoints(v.total)}${out}${bandText(v.band)}`);
    if (!complete && v.bandsNamed) lines.push("Xếp loại khi mọi thành phần đã có số liệu và được chấm.");
    const since = changeLine(v);
    if (since) lines.push(since);
    // Groups none of whose components can be scored get no bar: one line names them all.
    const unscored = v.groups.filter((g) => !g.scorable);
    lines.push("", "Theo nhóm:", ...v.groups.filter((g) => g.scorable).map(groupLine));
    if (unscored.length > 0)
      lines.push(
        `Chưa chấm được: ${unscored.map((g) => `${escapeHtml(g.name)} (${formatPoints(g.max)})`).join(" · ")}`,
      );
    if (v.missing.length > 0) {
      lines.push("", `Chưa có số liệu (${v.missing.length}) — chưa tính điểm, báo cáo bằng:`);
      lines.push(...v.missing.slice(0, MISSING_SHOWN).map(missingLine));
      const more = v.missing.length - MISSING_SHOWN;
      if (more > 0) lines.push(`… và ${more} thành phần khác: gửi cả bảng theo mẫu /mau.`);
    }
    if (v.unscorable > 0)
      lines.push(
        "",
        `${v.unscorable} thành phần chưa chấm được: chưa rõ điểm tối đa, chỉ tiêu hoặc cách tính. Số liệu vẫn báo cáo bằng <code>/nop &lt;mã&gt; &lt;tổng&gt; &lt;số đạt&gt;</code> để lưu.`,
      );
    const top = v.gains.slice(0, 3);
    if (top.length > 0) {
      lines.push("", "Tăng điểm nhiều nhất:");
      top.forEach((g, i) => lines.push(`${i + 1}. ${escapeHtml(gainPhrase(g))}`));
    } else if (v.missing.length === 0) lines.push("", "Đã đạt điểm tối đa mọi thành phần có số liệu.");
    return lines.join("\n");
  },
  /** Worst first, one line a unit with its best gain: short enough to read on a phone. */
  subtree(s: SubtreeIndexView): string {
    const lines = [
      `📈 ${escapeHtml(s.index.shortName)} — tháng ${formatViMonth(s.period)} — các đơn vị thuộc <b>${escapeHtml(s.root.name)}</b>`,
    ];
    if (s.rows.length > 0) lines.push("Thấp nhất trước:");
    s.rows.forEach((r, i) => {
      const band = r.band ? ` (${escapeHtml(r.band)})` : "";
      const missing = r.missing.length > 0 ? `, thiếu ${r.missing.length} thành phần` : "";
      const gain = r.gains[0];
      const since = r.change ? ` ${shortChange(r.change.now, r.change.before)}` : "";
      lines.push(
        `${i + 1}. ${escapeHtml(r.unit.name)} — <b>${formatPoints(r.total)}/${formatPoints(r.maxAvailable)}</b>${band}${missing}${since}`,
      );
      if (gain) lines.push(`   ↑ ${escapeHtml(gainPhrase(gain))}`);
    });
    if (s.notReported.length > 0)
      lines.push(
        `Chưa báo cáo thành phần nào (${s.notReported.length}): ${s.notReported.map((u) => escapeHtml(u.name)).join(", ")}`,
      );
    return lines.join("\n");
  },
  noIndex:
    "Chưa nạp bộ chỉ số nào (ví dụ Chỉ số phục vụ theo QĐ 766/QĐ-TTg), nên chưa có điểm để xem. Quản trị viên gửi tệp bộ chỉ số cho bot trong tin nhắn riêng để nạp.",
  notForUnit: (unit: CatalogUnit) =>
    `Bộ chỉ số đã nạp không áp dụng cho <b>${escapeHtml(unit.name)}</b>. Xem chỉ tiêu của đơn vị bằng /tinhtrang.`,
  noUnitsBelow: (root: CatalogUnit) =>
    `Bộ chỉ số đã nạp không áp dụng cho đơn vị nào thuộc <b>${escapeHtml(root.name)}</b>.`,
};
