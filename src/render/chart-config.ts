import type { ChartConfiguration, Plugin } from "chart.js";
import { CHART_FONT_FAMILY } from "./chart-font.js";
import {
  CHART_GEOMETRY,
  LEVEL_COLORS,
  LEVEL_LEGEND,
  NOT_REPORTED_COLOR,
  NOT_REPORTED_LEGEND,
  type ChartPage,
  type IndicatorChartInput,
  type PreparedBar,
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
 * Text widths at one font, measured once per string. The names repeat across a province's six
 * indicator charts and from week to week; skia caches shaped text too, but a call through the
 * canvas binding still costs ~10–20 µs, and a chart measures each name twice (docs/PERFORMANCE.md).
 * Bounded: cleared when it grows past a national digest's distinct names.
 */
const widthCaches = new Map<string, Map<string, number>>();
function textWidth(ctx: CanvasRenderingContext2D, font: string, text: string): number {
  let cache = widthCaches.get(font);
  if (cache === undefined) widthCaches.set(font, (cache = new Map()));
  let width = cache.get(text);
  if (width === undefined) {
    if (cache.size >= 20_000) cache.clear();
    ctx.font = font;
    width = ctx.measureText(text).width;
    cache.set(text, width);
  }
  return width;
}

const nameFont = `${px}px "${CHART_FONT_FAMILY}"`;
const valueFont = `bold ${px}px "${CHART_FONT_FAMILY}"`;
const notReportedFont = `italic ${px}px "${CHART_FONT_FAMILY}"`;

/**
 * Width of the y axis: the longest name, its rank ("40. ") and the gap to the bars. chart.js's own
 * tick labels are off (see `barTexts`), so this is the axis's whole width.
 */
function nameColumnWidth(ctx: CanvasRenderingContext2D, page: ChartPage): number {
  let widest = 0;
  for (const bar of page.bars) widest = Math.max(widest, textWidth(ctx, nameFont, bar.label));
  return widest + CHART_GEOMETRY.rankColumn + NAME_PADDING;
}

/**
 * Prints each unit's name right-aligned against the bars, its rank ("1.") just before the name,
 * and "79,2%" (or "chưa báo cáo") just past the end of each bar. The names are drawn here rather
 * than as chart.js tick labels: chart.js resolves a tick's font and colour options and sets the
 * context's font for every label, twice an update (fit, then draw), which measured ~2 ms of a
 * 30-bar chart; here each font is set once and every width comes from `textWidth`. The rank is a
 * string of its own so that the names (shared by a province's six charts while the ranks differ)
 * stay in skia's shaped-text cache (docs/PERFORMANCE.md).
 */
export function barTexts(page: () => ChartPage): Plugin<"bar"> {
  return {
    id: "dondocBarTexts",
    afterDatasetsDraw(chart) {
      const ctx = chart.ctx;
      const bars = page().bars;
      const elements = chart.getDatasetMeta(0).data;
      const namesRight = (chart.scales.y?.right ?? 0) - NAME_PADDING;
      const rows = bars.flatMap((bar, i) => {
        const element = elements[i];
        return element === undefined ? [] : [{ bar, x: element.x, y: element.y }];
      });
      ctx.save();
      ctx.textBaseline = "middle";

      ctx.textAlign = "right";
      // "1." then a space, as if it were one string (right alignment would drop a trailing space).
      const space = textWidth(ctx, nameFont, " ");
      ctx.font = nameFont;
      for (const { bar, y } of rows) {
        ctx.fillStyle = bar.notReported ? MUTED : TEXT;
        ctx.fillText(bar.label, namesRight, y);
        if (bar.rank !== null)
          ctx.fillText(`${bar.rank}.`, namesRight - textWidth(ctx, nameFont, bar.label) - space, y);
        ctx.font = nameFont; // textWidth may have measured at another font
      }

      // A white plate keeps "69,1%" legible where it meets the dashed milestone line; its width is
      // estimated (≈0.62 em a glyph): the text is only drawn, never measured.
      ctx.fillStyle = "#ffffff";
      ctx.beginPath();
      for (const { bar, x, y } of rows) ctx.rect(x + 4, y - px * 0.7, bar.valueText.length * px * 0.62 + 8, px * 1.4);
      ctx.fill();

      ctx.textAlign = "left";
      for (const notReported of [false, true]) {
        ctx.font = notReported ? notReportedFont : valueFont;
        ctx.fillStyle = notReported ? MUTED : TEXT;
        for (const { bar, x, y } of rows) if (bar.notReported === notReported) ctx.fillText(bar.valueText, x + 8, y);
      }
      ctx.restore();
    },
  };
}

interface LegendEntry {
  text: string;
  color: string;
}

function legendEntries(bars: readonly PreparedBar[]): LegendEntry[] {
  const used = new Set(bars.map((b) => b.color));
  const entries = LEVEL_LEGEND.filter(([level]) => used.has(LEVEL_COLORS[level])).map(([level, text]) => ({
    text,
    color: LEVEL_COLORS[level],
  }));
  if (bars.some((b) => b.notReported)) entries.push({ text: NOT_REPORTED_LEGEND, color: NOT_REPORTED_COLOR });
  return entries;
}

/** The legend's band at the bottom of the image, in layout units (chart.js's legend used the same). */
const LEGEND = { height: 46, boxWidth: 28, boxHeight: px, padding: 12, left: 28 } as const;
/** Below the legend. */
const BOTTOM_PADDING = 4;

const titleFont = `bold ${CHART_GEOMETRY.titleFontPx}px "${CHART_FONT_FAMILY}"`;
/** chart.js's line height (1.2 em), which the title used to be laid out with. */
const TITLE_LINE = CHART_GEOMETRY.titleFontPx * 1.2;
const SUBTITLE_LINE = px * 1.2;
/** Left margin of the title and the legend: the layout padding. */
const LEFT = 16;
const HEADER_TOP = 8 + 10;

/** Room for the milestone label, which is drawn above the first bar. */
function gapAboveBars(input: IndicatorChartInput): number {
  return input.target === undefined ? 12 : 52;
}

/** Height of the title, subtitle and the gap above the bars: the chart area starts below it. */
function headerHeight(input: IndicatorChartInput, page: ChartPage): number {
  const subtitle = page.subtitle === undefined ? 0 : 4 + SUBTITLE_LINE;
  return HEADER_TOP + page.titleLines.length * TITLE_LINE + subtitle + gapAboveBars(input);
}

/**
 * The title ("Tỷ lệ hồ sơ trực tuyến — chỉ tiêu đến 30/09/2023", one or two lines), the subtitle,
 * and the colour legend ("Xanh", "Vàng"… "Chưa báo cáo", only the colours the page uses) along the
 * bottom. Drawn by hand, in room the layout padding keeps free, rather than by chart.js's title,
 * subtitle and legend plugins: their option resolution, fitting and drawing measured ~1.5–2 ms of
 * each update here (docs/PERFORMANCE.md), for a few lines of text and at most five boxes.
 */
export function frameTexts(page: () => ChartPage): Plugin<"bar"> {
  return {
    id: "dondocFrameTexts",
    afterDraw(chart) {
      const ctx = chart.ctx;
      const { titleLines, subtitle, bars } = page();
      const maxWidth = chart.width - 2 * LEFT;
      ctx.save();
      ctx.textAlign = "left";
      ctx.textBaseline = "middle";

      ctx.font = titleFont;
      ctx.fillStyle = TEXT;
      titleLines.forEach((line, i) => ctx.fillText(line, LEFT, HEADER_TOP + (i + 0.5) * TITLE_LINE, maxWidth));
      if (subtitle !== undefined) {
        ctx.font = nameFont;
        ctx.fillStyle = MUTED;
        ctx.fillText(subtitle, LEFT, HEADER_TOP + titleLines.length * TITLE_LINE + 4 + SUBTITLE_LINE / 2, maxWidth);
      }

      const middle = chart.height - BOTTOM_PADDING - LEGEND.height + LEGEND.padding + LEGEND.boxHeight / 2;
      let x = LEGEND.left;
      for (const { text, color } of legendEntries(bars)) {
        ctx.fillStyle = color;
        ctx.fillRect(x, middle - LEGEND.boxHeight / 2, LEGEND.boxWidth, LEGEND.boxHeight);
        x += LEGEND.boxWidth + px / 2;
        ctx.font = nameFont;
        ctx.fillStyle = TEXT;
        ctx.fillText(text, x, middle);
        x += textWidth(ctx, nameFont, text) + LEGEND.padding;
      }
      ctx.restore();
    },
  };
}

const GRID_COLOR = "#e0e0e0";
/** How far the grid lines reach below the bars, as tick marks by "0%"…"100%" (chart.js's default). */
const TICK_LENGTH = 8;

/**
 * The vertical grid lines at 0%, 20%… 100%, continued below the bars as tick marks, in one path.
 * chart.js's grid strokes each line and each tick mark on its own, with a save/restore and five
 * state changes around each: ~0.4 ms of a chart here, for twelve short lines. Positions are
 * aligned to device pixels the way chart.js aligns them, so 1-unit lines stay crisp.
 */
export const xGrid: Plugin<"bar"> = {
  id: "dondocXGrid",
  beforeDatasetsDraw(chart) {
    const x = chart.scales.x;
    if (x === undefined) return;
    const { ctx, chartArea } = chart;
    const ratio = chart.currentDevicePixelRatio;
    const align = (pixel: number): number => Math.round((pixel - 0.5) * ratio) / ratio + 0.5;
    ctx.save();
    ctx.strokeStyle = GRID_COLOR;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (const tick of x.ticks) {
      const at = align(x.getPixelForValue(tick.value));
      ctx.moveTo(at, chartArea.top);
      ctx.lineTo(at, chartArea.bottom + TICK_LENGTH);
    }
    ctx.stroke();
    ctx.restore();
  },
};

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

/** Options that change per page; everything else is fixed at construction. */
export function pageOptions(input: IndicatorChartInput, page: ChartPage): NonNullable<BarChartConfig["options"]> {
  return {
    indexAxis: "y",
    responsive: false,
    maintainAspectRatio: false,
    animation: false,
    devicePixelRatio: CHART_GEOMETRY.pixelRatio,
    events: [],
    layout: {
      padding: { top: headerHeight(input, page), right: 150, bottom: BOTTOM_PADDING + LEGEND.height, left: 16 },
    },
    font: { family: CHART_FONT_FAMILY, size: px },
    color: TEXT,
    scales: {
      x: {
        min: 0,
        max: 100,
        ticks: { stepSize: 20, font: { size: 20, family: CHART_FONT_FAMILY }, color: MUTED, callback: (v) => `${v}%` },
        // Drawn by xGrid; the tick marks' length stays in the layout.
        grid: { display: false, tickLength: TICK_LENGTH },
        title: {
          display: true,
          text: input.indicatorName,
          font: { size: px, family: CHART_FONT_FAMILY },
          color: MUTED,
        },
      },
      y: {
        // Names and ranks are drawn by barTexts: the axis is as wide as they need.
        afterFit: (scale) => {
          scale.width = nameColumnWidth(scale.ctx as unknown as CanvasRenderingContext2D, page);
        },
        ticks: { display: false },
        grid: { display: false, drawTicks: false },
      },
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
