import type { ChartConfiguration, LegendItem, Plugin } from "chart.js";
import { CHART_FONT_FAMILY } from "./fonts.js";
import {
  CHART_GEOMETRY,
  LEVEL_COLORS,
  LEVEL_LEGEND,
  NOT_REPORTED_COLOR,
  NOT_REPORTED_LEGEND,
  type ChartPage,
  type IndicatorChartInput,
} from "./chart-layout.js";

export type BarChartConfig = ChartConfiguration<"bar", number[], string>;

const TEXT = "#212121";
const MUTED = "#616161";
const px = CHART_GEOMETRY.labelFontPx;
/** Between a name and its bar (chart.js's y tick padding; the y grid and its tick marks are off). */
const NAME_PADDING = 6;

/** JPEG has no alpha: without this the background would encode black. */
export const whiteBackground: Plugin<"bar"> = {
  id: "dondocWhiteBackground",
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/**
 * Prints each unit's rank ("1. ") just before its name, and "79,2%" (or "chưa báo cáo") just past
 * the end of each bar. The rank is not part of the tick label on purpose: skia caches shaped text
 * by its string, so a province's six indicator charts share every name while the ranks differ —
 * shaping a new label costs ~70 µs, a cached one ~3 µs (docs/PERFORMANCE.md). Measuring the name
 * here hits that cache: chart.js has just measured and drawn it.
 */
export function barTexts(page: () => ChartPage): Plugin<"bar"> {
  return {
    id: "dondocBarTexts",
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      const bars = page().bars;
      const y = chart.scales.y;
      // Where chart.js right-aligns the names: the axis's right edge less the tick padding (no tick marks).
      const namesRight = (y?.right ?? 0) - NAME_PADDING;
      const nameFont = `${px}px "${CHART_FONT_FAMILY}"`;
      ctx.save();
      ctx.textBaseline = "middle";
      ctx.font = nameFont;
      // "1." then a space, as if it were one string (right alignment would drop a trailing space).
      const space = ctx.measureText(" ").width;
      chart.getDatasetMeta(0).data.forEach((element, i) => {
        const bar = bars[i];
        if (bar === undefined) return;
        if (bar.rank !== null) {
          ctx.textAlign = "right";
          ctx.font = nameFont;
          ctx.fillStyle = TEXT;
          ctx.fillText(`${bar.rank}.`, namesRight - ctx.measureText(bar.label).width - space, element.y);
        }
        ctx.textAlign = "left";
        ctx.font = bar.notReported ? `italic ${px}px "${CHART_FONT_FAMILY}"` : `bold ${px}px "${CHART_FONT_FAMILY}"`;
        // A white plate keeps "69,1%" legible where it meets the dashed milestone line; width is
        // estimated (≈0.62 em a glyph) because measureText on every bar costs ~1 ms per image.
        ctx.fillStyle = "#ffffff";
        ctx.fillRect(element.x + 4, element.y - px * 0.7, bar.valueText.length * px * 0.62 + 8, px * 1.4);
        ctx.fillStyle = bar.notReported ? MUTED : TEXT;
        ctx.fillText(bar.valueText, element.x + 8, element.y);
      });
      ctx.restore();
    },
  };
}

function legendItems(page: ChartPage): LegendItem[] {
  const used = new Set(page.bars.map((b) => b.color));
  const items: LegendItem[] = LEVEL_LEGEND.filter(([level]) => used.has(LEVEL_COLORS[level])).map(
    ([level, text]) => ({ text, fillStyle: LEVEL_COLORS[level], strokeStyle: LEVEL_COLORS[level], lineWidth: 0 }),
  );
  if (page.bars.some((b) => b.notReported)) {
    items.push({ text: NOT_REPORTED_LEGEND, fillStyle: NOT_REPORTED_COLOR, strokeStyle: NOT_REPORTED_COLOR, lineWidth: 0 });
  }
  return items;
}

const GOAL_COLOR = "#263238";

/**
 * The dashed line at the milestone in force, with its label ("Chỉ tiêu 70%") in a dark box above
 * the bars. Drawn by hand rather than with chartjs-plugin-annotation: the plugin re-resolves its
 * generic options on every update, which measured ~1.5 ms of a ~9 ms chart.js update here
 * (docs/PERFORMANCE.md), for one line and one label. Under the bars and their value labels, so
 * "66,0%" is never struck through.
 */
export function goalLine(target: () => IndicatorChartInput["target"]): Plugin<"bar"> {
  return {
    id: "dondocGoalLine",
    beforeDatasetsDraw(chart) {
      const goal = target();
      const x = chart.scales.x;
      if (goal === undefined || x === undefined) return;
      const { ctx, chartArea } = chart;
      const at = x.getPixelForValue(goal.value);
      ctx.save();
      ctx.strokeStyle = GOAL_COLOR;
      ctx.lineWidth = 3;
      ctx.setLineDash([12, 8]);
      ctx.beginPath();
      ctx.moveTo(at, chartArea.top);
      ctx.lineTo(at, chartArea.bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      // The label box sits on the line's top end, centred on it and kept inside the image.
      ctx.font = `bold ${px}px "${CHART_FONT_FAMILY}"`;
      const width = ctx.measureText(goal.label).width + 2 * 10;
      const height = px * 1.2 + 2 * 4;
      const left = Math.min(Math.max(at - width / 2, 4), chart.width - width - 4);
      ctx.fillStyle = GOAL_COLOR;
      ctx.beginPath();
      ctx.roundRect(left, chartArea.top - height, width, height, 6);
      ctx.fill();
      ctx.fillStyle = "#ffffff";
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      ctx.fillText(goal.label, left + width / 2, chartArea.top - height / 2);
      ctx.restore();
    },
  };
}

/** Room for the milestone label, which is drawn above the first bar. */
function gapAboveBars(input: IndicatorChartInput): number {
  return input.target === undefined ? 12 : 52;
}

/** Options that change per page; everything else is fixed at construction. */
export function pageOptions(input: IndicatorChartInput, page: ChartPage): NonNullable<BarChartConfig["options"]> {
  return {
    indexAxis: "y",
    responsive: false,
    maintainAspectRatio: false,
    animation: false,
    devicePixelRatio: CHART_GEOMETRY.pixelRatio,
    events: [],
    layout: { padding: { top: 8, right: 150, bottom: 4, left: 16 } },
    font: { family: CHART_FONT_FAMILY, size: px },
    color: TEXT,
    scales: {
      x: {
        min: 0,
        max: 100,
        ticks: { stepSize: 20, font: { size: 20, family: CHART_FONT_FAMILY }, color: MUTED, callback: (v) => `${v}%` },
        grid: { color: "#e0e0e0" },
        title: { display: true, text: input.indicatorName, font: { size: px, family: CHART_FONT_FAMILY }, color: MUTED },
      },
      y: {
        // The ranks are drawn left of the names (barTexts): make room for them.
        afterFit: (scale) => {
          scale.width += CHART_GEOMETRY.rankColumn;
        },
        ticks: {
          autoSkip: false,
          padding: NAME_PADDING,
          font: { size: px, family: CHART_FONT_FAMILY },
          color: (ctx) => (page.bars[ctx.index]?.notReported ? MUTED : TEXT),
        },
        grid: { display: false, drawTicks: false },
      },
    },
    plugins: {
      title: {
        display: true,
        text: page.titleLines,
        align: "start",
        font: { size: CHART_GEOMETRY.titleFontPx, weight: "bold", family: CHART_FONT_FAMILY },
        color: TEXT,
        padding: { top: 10, bottom: page.subtitle === undefined ? gapAboveBars(input) : 4 },
      },
      subtitle: {
        display: page.subtitle !== undefined,
        text: page.subtitle ?? "",
        align: "start",
        font: { size: px, family: CHART_FONT_FAMILY },
        color: MUTED,
        padding: { bottom: gapAboveBars(input) },
      },
      legend: {
        display: true,
        position: "bottom",
        align: "start",
        labels: { generateLabels: () => legendItems(page), font: { size: px, family: CHART_FONT_FAMILY }, boxWidth: 28, padding: 12 },
      },
      tooltip: { enabled: false },
    },
  };
}

export function pageData(page: ChartPage): BarChartConfig["data"] {
  return {
    labels: page.bars.map((b) => b.label),
    datasets: [
      {
        data: page.bars.map((b) => b.value),
        backgroundColor: page.bars.map((b) => b.color),
        barPercentage: 0.78,
        categoryPercentage: 1,
        minBarLength: 4,
      },
    ],
  };
}
