/**
 * The scored index's part of the page (docs/WEBAPP.md "Trang"): per index, the units lowest first
 * with their score as `/chiso` prints it, the band's colour, the change since last month and the
 * largest gain; the chosen unit's groups. None at all in a deployment without an index.
 */
import { formatViMonth } from "../../domain/directive/dates.js";
import { formatNumber } from "../../domain/format.js";
import type { IndexRow, IndexSection, IndexUnitDetail } from "../../services/dashboard/index.js";
import { OVERVIEW_ROWS } from "./renderSections.js";
import { attr, escapeHtml } from "./text.js";

/**
 * The band's colour as an SVG fill: a presentation attribute, which CSP's `style-src 'self'` allows
 * where an inline `style` would not. Without a band (a component still lacks figures): the digest
 * chart's slate grey for "chưa đủ số liệu" (render/chart-index.ts).
 */
/** The digest chart's legend word for a score over part of the index. */
const PARTIAL = "chưa đủ số liệu";

function dot(color: string | null, title: string): string {
  return `<svg class="dot" viewBox="0 0 10 10" aria-hidden="true"><title>${escapeHtml(title)}</title><circle cx="5" cy="5" r="5" fill="${attr(color ?? "#546e7a")}"/></svg>`;
}

function row(r: IndexRow): string {
  // No band named while a component lacks figures: the grey dot and the legend say so, not every row.
  const notes = [r.band, r.changeText, r.gain].filter((x): x is string => x !== null).join(" · ");
  return `<li class="row" data-unit="${attr(r.unit.code)}">${dot(r.color, r.band ?? PARTIAL)}<span class="n">${escapeHtml(r.unit.name)}</span><b class="v">${escapeHtml(r.scoreText)}</b>${notes ? `<small>${escapeHtml(notes)}</small>` : ""}</li>`;
}

function unitDetail(d: IndexUnitDetail): string {
  const groups = d.groups
    .map((g) => `<li><span class="bar">${escapeHtml(g.bar)}</span> ${escapeHtml(`${g.text} ${g.name}`)}</li>`)
    .join("");
  const missing = d.missing.length ? `<p class="muted">Chưa có số liệu: ${escapeHtml(d.missing.join(", "))}.</p>` : "";
  const gains = d.gains.length
    ? `<p class="muted">Tăng điểm nhiều nhất:</p><ol class="gains">${d.gains.map((g) => `<li>${escapeHtml(g)}</li>`).join("")}</ol>`
    : "";
  return `<div class="idx-unit" data-unit="${attr(d.unit.code)}"><h3>${escapeHtml(`${d.unit.name}: ${d.scoreText}`)}</h3><ul class="groups">${groups}</ul>${missing}${gains}</div>`;
}

function section(s: IndexSection, period: string, previous: string): string {
  const chip = (color: string | null, name: string) =>
    `<span class="chip band">${dot(color, name)}${escapeHtml(name)}</span>`;
  const chips = [
    ...s.bands.map((b) => chip(b.color, b.name)),
    ...(s.rows.some((r) => r.band === null) ? [chip(null, PARTIAL)] : []),
  ];
  const legend = chips.length ? `<p class="chips">${chips.join("")}</p>` : "";
  const first = s.rows.slice(0, OVERVIEW_ROWS);
  const rest = s.rows.slice(OVERVIEW_ROWS);
  // The rest is in the page already, folded: no new request, and a province's ~120 rows stay well
  // within the page's budget (docs/WEBAPP.md "Trang", size).
  const more = rest.length
    ? `<details class="more"><summary>Xem cả ${formatNumber(s.rows.length)} đơn vị</summary><ol class="rank" start="${OVERVIEW_ROWS + 1}">${rest.map(row).join("")}</ol></details>`
    : "";
  const list = first.length
    ? `<ol class="rank">${first.map(row).join("")}</ol>${more}`
    : `<p class="muted">Chưa đơn vị nào báo cáo thành phần nào của chỉ số tháng này.</p>`;
  const others = s.notReported.length
    ? `<details class="others"><summary>Chưa báo cáo thành phần nào (${formatNumber(s.notReported.length)})</summary><ul class="list">${s.notReported.map((u) => `<li><span class="n" data-unit="${attr(u.code)}">${escapeHtml(u.name)}</span></li>`).join("")}</ul></details>`
    : "";
  // The short name heads the section, as in `/chiso`: QĐ 766's full title is five lines on a phone.
  return `<section class="card idx" id="index-${attr(s.code)}" data-index="${attr(s.code)}"><h2>${escapeHtml(s.shortName)}: điểm tháng ${formatViMonth(period)}</h2><p class="muted" title="${attr(s.name)}">Thang ${formatNumber(s.max)} điểm · thấp nhất trước · ▲▼ so với tháng ${formatViMonth(previous)} trên cùng các thành phần; «a/b điểm»: chấm trên các thành phần đã có số liệu.</p>${legend}${s.unit ? unitDetail(s.unit) : ""}${list}${others}</section>`;
}

export function renderIndex(sections: readonly IndexSection[], period: string, previous: string): string {
  return sections.map((s) => section(s, period, previous)).join("");
}
