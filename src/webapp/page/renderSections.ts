/** One indicator's ranking (chart + exact list) and one unit's history, as HTML. */
import { formatViDate } from "../../domain/directive/dates.js";
import { LEVELS } from "../../domain/evaluation/index.js";
import { formatNumber } from "../../domain/format.js";
import type { IndicatorSection, RankRow, UnitHistory } from "../../services/dashboard/index.js";
import { attr, escapeHtml, levelName, milestoneText } from "./text.js";

/**
 * Height of one bar in the ranking chart (CSS px): readable names at 390 px wide. The script sets
 * it from `data-height` (a style attribute would need CSP's style-src 'unsafe-inline').
 */
export const BAR_PX = 22;
const CHART_PAD_PX = 40;

/**
 * Rows per indicator when several are shown: the worst units, as the digest's picture shows the
 * units to chase; "Xem cả N đơn vị" opens the indicator alone with every unit. A province's six
 * full rankings would be 700 rows to scroll and over the page's 300 KB (docs/WEBAPP.md "Trang").
 */
export const OVERVIEW_ROWS = 15;

/** The rows a section shows: all of them when it is the only section. */
export const shownRows = (s: IndicatorSection, overview: boolean): RankRow[] =>
  overview ? s.ranked.slice(0, OVERVIEW_ROWS) : s.ranked;

function valueText(r: RankRow): string {
  if (r.status === "not-reported") return "chưa báo cáo";
  if (r.status === "no-data") return "chưa phát sinh hồ sơ";
  return r.percentText ?? (r.numerator === null ? "" : formatNumber(r.numerator));
}

function targetsText(r: RankRow): string {
  const parts: string[] = [];
  if (r.inForce) parts.push(`chỉ tiêu ${milestoneText(r.inForce)}`);
  if (r.next) parts.push(`tiếp theo ${milestoneText(r.next)}`);
  return parts.join(" · ");
}

function row(r: RankRow): string {
  const lv = r.level ?? (r.status === "not-reported" ? "nr" : "none");
  const figures =
    r.numerator !== null && r.denominator !== null
      ? ` (${formatNumber(r.numerator)}/${formatNumber(r.denominator)})`
      : "";
  return `<li class="row" data-unit="${attr(r.unit.code)}"><i class="dot lv-${lv}" title="${attr(levelName(r.level))}"></i><span class="n">${escapeHtml(r.unit.name)}</span><b class="v">${escapeHtml(valueText(r))}</b><small>${escapeHtml(`${levelName(r.level)}${figures}`)}${r.inForce || r.next ? ` · ${escapeHtml(targetsText(r))}` : ""}</small></li>`;
}

function counts(s: IndicatorSection): string {
  const chips = LEVELS.map(
    (l) => `<span class="chip lv-${l}">${escapeHtml(levelName(l))} ${formatNumber(s.counts[l])}</span>`,
  );
  chips.push(`<span class="chip lv-nr">chưa báo cáo ${formatNumber(s.counts.notReported)}</span>`);
  return `<p class="chips">${chips.join("")}</p>`;
}

export function renderSection(s: IndicatorSection, i: number, overview: boolean): string {
  const rows = shownRows(s, overview);
  const height = CHART_PAD_PX + BAR_PX * rows.length;
  const chart =
    s.ranked.length === 0
      ? `<p class="muted">Chưa đơn vị nào có số liệu tháng này.</p>`
      : `<div class="chart" data-height="${height}"><canvas id="rank-${i}" role="img" aria-label="${attr(`Xếp hạng ${s.name}`)}"></canvas></div><p class="legend muted">Vạch đậm: chỉ tiêu đang áp dụng · vạch rỗng: chỉ tiêu tiếp theo. Chạm một đơn vị để xem diễn biến.</p>`;
  const more =
    rows.length < s.ranked.length
      ? `<button type="button" class="btn link" data-pick-indicator="${attr(s.code)}">Xem cả ${formatNumber(s.ranked.length)} đơn vị →</button>`
      : "";
  const others =
    overview || s.others.length === 0
      ? ""
      : `<details class="others"><summary>Chưa báo cáo hoặc chưa phát sinh hồ sơ (${formatNumber(s.others.length)})</summary><ol class="rank">${s.others.map(row).join("")}</ol></details>`;
  return `<section class="card ind" id="ind-${attr(s.code)}" data-indicator="${attr(s.code)}"><h2>${escapeHtml(s.name)}</h2>${counts(s)}${chart}${rows.length === 0 ? "" : `<details class="table"><summary>Bảng xếp hạng, kém nhất trước (${formatNumber(rows.length)}${rows.length < s.ranked.length ? `/${formatNumber(s.ranked.length)}` : ""})</summary><ol class="rank">${rows.map(row).join("")}</ol></details>`}${more}${others}</section>`;
}

export function renderHistory(h: UnitHistory, i: number): string {
  const milestones = h.milestones
    .map(
      (m) =>
        `<li>${escapeHtml(`${formatViDate(m.deadline)}: ${m.targetText}`)} <small class="muted">${escapeHtml(m.directive)}</small></li>`,
    )
    .join("");
  return `<section class="card history" id="history-${i}" data-unit="${attr(h.unit.code)}"><h2>Diễn biến: ${escapeHtml(h.unit.name)}</h2><p class="muted">${escapeHtml(h.indicator.name)} · từng tháng, so với chỉ tiêu đang áp dụng</p><div class="chart line"><canvas id="hist-${i}" role="img" aria-label="${attr(`Diễn biến ${h.unit.name}`)}"></canvas></div><p class="muted">Các mốc:</p><ul class="milestones">${milestones || "<li>Không có mốc nào.</li>"}</ul><button type="button" class="btn link" data-clear="unit">Đóng diễn biến</button></section>`;
}
