/** Changes since last month, tasks and overdue dossiers per unit, as HTML lists (counts and titles only). */
import { formatViDate, formatViMonth } from "../../domain/directive/dates.js";
import { formatNumber } from "../../domain/format.js";
import type { DashboardModel, TaskLine, UnitRef } from "../../services/dashboard/index.js";
import { attr, escapeHtml, levelName } from "./text.js";

/**
 * Entries per list of changes on the page: the worst drops first; the rest are in the .xlsx, which
 * holds every row (random month-to-month noise over a province can list hundreds of drops).
 */
export const CHANGES_SHOWN = 30;

const rest = (n: number) =>
  n > CHANGES_SHOWN
    ? `<p class="muted">… và ${formatNumber(n - CHANGES_SHOWN)} mục khác: bấm «Tải .xlsx» để xem đủ.</p>`
    : "";

const unitSpan = (u: UnitRef) => `<span class="n" data-unit="${attr(u.code)}">${escapeHtml(u.name)}</span>`;

export function renderChanges(m: DashboardModel): string {
  const { dropped, notReported } = m.changes;
  const drops = dropped
    .slice(0, CHANGES_SHOWN)
    .map(
      (d) =>
        `<li><i class="dot lv-${d.to}"></i>${unitSpan(d.unit)} <small>${escapeHtml(`${d.indicator}: ${levelName(d.from)} ${d.fromText ?? ""} → ${levelName(d.to)} ${d.toText ?? ""}`)}</small></li>`,
    )
    .join("");
  const missing = notReported
    .slice(0, CHANGES_SHOWN)
    .map((n) => `<li>${unitSpan(n.unit)} <small>${escapeHtml(n.indicators.join(", "))}</small></li>`)
    .join("");
  return `<section class="card changes" id="changes"><h2>Thay đổi so với tháng ${formatViMonth(m.previous)}</h2><h3>Tụt mức (${formatNumber(dropped.length)})</h3>${drops ? `<ul class="list">${drops}</ul>${rest(dropped.length)}` : `<p class="muted">Không đơn vị nào tụt mức.</p>`}<h3>Chưa báo cáo tháng ${formatViMonth(m.period)} (${formatNumber(notReported.length)})</h3>${missing ? `<ul class="list">${missing}</ul>${rest(notReported.length)}` : `<p class="muted">Mọi đơn vị đã báo cáo.</p>`}</section>`;
}

export function renderTasks(tasks: readonly TaskLine[]): string {
  const items = tasks
    .map(
      (t) =>
        `<li>${unitSpan(t.unit)} <small>quá hạn ${formatNumber(t.overdue)} · sắp đến hạn ${formatNumber(t.due)}</small><ul class="titles">${t.titles
          .map(
            (x) =>
              `<li class="${x.overdue ? "late" : ""}">${escapeHtml(x.title)} <small>hạn ${formatViDate(x.due)}</small></li>`,
          )
          .join("")}</ul></li>`,
    )
    .join("");
  return `<section class="card tasks" id="tasks"><h2>Nhiệm vụ quá hạn và sắp đến hạn</h2>${items ? `<ul class="list">${items}</ul>` : `<p class="muted">Không có nhiệm vụ quá hạn hay sắp đến hạn.</p>`}</section>`;
}

export function renderDossiers(rows: DashboardModel["dossiers"]): string {
  const items = rows.map((r) => `<li>${unitSpan(r.unit)} <b>${formatNumber(r.overdue)}</b></li>`).join("");
  return `<section class="card dossiers" id="dossiers"><h2>Hồ sơ quá hạn theo đơn vị</h2>${items ? `<ul class="list counts">${items}</ul>` : `<p class="muted">Không có hồ sơ quá hạn.</p>`}</section>`;
}
