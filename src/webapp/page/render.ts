/**
 * The view's HTML fragment (docs/WEBAPP.md "Trang"), rendered on the server so a phone draws text
 * at once and only the charts wait for the script. Every name goes through `escapeHtml`/`attr`.
 */
import { formatViDate, formatViMonth } from "../../domain/directive/dates.js";
import { LEVELS } from "../../domain/evaluation/index.js";
import { formatNumber } from "../../domain/format.js";
import type { DashboardModel, Option } from "../../services/dashboard/index.js";
import { renderIndex } from "./renderIndex.js";
import { renderChanges, renderDossiers, renderTasks } from "./renderLists.js";
import { renderHistory, renderSection } from "./renderSections.js";
import { attr, escapeHtml, levelName } from "./text.js";

function select(name: string, label: string, options: readonly Option[], value: string | undefined, all: string) {
  const opts = [`<option value="">${escapeHtml(all)}</option>`];
  for (const o of options)
    opts.push(
      `<option value="${attr(o.value)}"${o.value === value ? " selected" : ""}>${escapeHtml(o.label)}</option>`,
    );
  return `<label>${escapeHtml(label)}<select name="${name}">${opts.join("")}</select></label>`;
}

function filtersForm(m: DashboardModel): string {
  const f = m.filters;
  const levels = LEVELS.map((l) => ({ value: l, label: levelName(l) }));
  return `<form id="filters" class="filters">${[
    select("directive", "Văn bản", m.options.directives, f.directive, "Mọi văn bản"),
    select("indicator", "Chỉ tiêu", m.options.indicators, f.indicator, "Mọi chỉ tiêu"),
    select("tier", "Cấp", m.options.tiers, f.tier, "Mọi cấp"),
    select("level", "Mức", levels, f.level, "Mọi mức"),
    select("unit", "Diễn biến của", m.options.units, f.unit, "— chọn đơn vị —"),
  ].join("")}<button type="button" id="export" class="btn">Tải .xlsx</button></form>`;
}

export function renderView(m: DashboardModel): string {
  const units = m.options.units.length;
  const head = `<header class="top"><h1>Tình hình tháng ${formatViMonth(m.period)}</h1><p class="muted">Đến ${formatViDate(m.day)} · ${formatNumber(units)} đơn vị · so với tháng ${formatViMonth(m.previous)}</p></header>`;
  const body =
    m.sections.length === 0
      ? `<p class="card empty">Không có đơn vị nào khớp bộ lọc. Bỏ bớt bộ lọc để xem lại.</p>`
      : m.sections.map((s, i) => renderSection(s, i, m.sections.length > 1)).join("");
  return [
    head,
    filtersForm(m),
    m.history.map((h, i) => renderHistory(h, i)).join(""),
    body,
    renderChanges(m),
    renderTasks(m.tasks),
    renderDossiers(m.dossiers),
    renderIndex(m.index, m.period, m.previous),
  ].join("");
}
