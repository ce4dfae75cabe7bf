/**
 * What the browser draws with chart.js (the library the bot's images are drawn with,
 * src/render/chart.ts), in the bot's colours: compact arrays keyed by the canvas id, so a
 * province's six rankings stay a few kilobytes.
 */
import { formatViDate, formatViMonth } from "../../domain/directive/dates.js";
import { LEVEL_COLORS, NO_LEVEL_COLOR, NOT_REPORTED_COLOR } from "../../render/chart-layout.js";
import type { DashboardModel } from "../../services/dashboard/index.js";
import { shownRows } from "./renderSections.js";

export interface RankChart {
  id: string;
  labels: string[];
  units: string[];
  values: number[];
  texts: string[];
  colors: string[];
  /** The in-force target and the next one per bar (percent), null where none. */
  inForce: (number | null)[];
  next: (number | null)[];
}

export interface HistoryChart {
  id: string;
  labels: string[];
  values: (number | null)[];
  colors: string[];
  targets: (number | null)[];
  /** Milestones within the months shown: where the target line steps. */
  milestones: { label: string; target: number; text: string }[];
}

export interface PageCharts {
  rank: RankChart[];
  history: HistoryChart[];
}

const colorOf = (l: keyof typeof LEVEL_COLORS | null, reported: boolean): string =>
  l ? LEVEL_COLORS[l] : reported ? NO_LEVEL_COLOR : NOT_REPORTED_COLOR;

export function pageCharts(m: DashboardModel): PageCharts {
  const rank = m.sections
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.ranked.length > 0)
    .map(({ s, i }) => {
      const ratio = s.kind === "ratio";
      const ranked = shownRows(s, m.sections.length > 1);
      return {
        id: `rank-${i}`,
        labels: ranked.map((r) => r.unit.name),
        units: ranked.map((r) => r.unit.code),
        values: ranked.map((r) => (ratio ? (r.percent ?? 0) : (r.numerator ?? 0))),
        texts: ranked.map((r) => r.percentText ?? String(r.numerator ?? "")),
        colors: ranked.map((r) => colorOf(r.level, true)),
        inForce: ranked.map((r) => r.inForce?.target ?? null),
        next: ranked.map((r) => r.next?.target ?? null),
      };
    });
  const history = m.history.map((h, i) => {
    const first = h.points[0]?.period ?? m.period;
    return {
      id: `hist-${i}`,
      labels: h.points.map((p) => formatViMonth(p.period)),
      values: h.points.map((p) => p.percent),
      colors: h.points.map((p) => colorOf(p.level, p.percent !== null)),
      targets: h.points.map((p) => p.target),
      milestones: h.milestones
        .filter((ms) => ms.deadline.slice(0, 7) >= first && ms.deadline.slice(0, 7) <= m.period)
        .map((ms) => ({
          label: formatViMonth(ms.deadline.slice(0, 7)),
          target: ms.target,
          text: `${ms.targetText} đến ${formatViDate(ms.deadline)}`,
        })),
    };
  });
  return { rank, history };
}
