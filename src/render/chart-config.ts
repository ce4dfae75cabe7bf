import type { ChartConfiguration, Plugin } from "chart.js";
import { CHART_FONT_FAMILY } from "./chart-font.js";
import { CHART_GEOMETRY, FOOTNOTE_HEIGHT, type ChartPage, type IndicatorChartInput } from "./chart-layout.js";

export type BarChartConfig = ChartConfiguration<"bar", number[], string>;

const TEXT = "#212121";
const MUTED = "#555555";
const px = CHART_GEOMETRY.labelFontPx;
const small = px - 4;
const LEFT = 24;
const RIGHT = 24;

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
 * Text widths at one font, measured once per string. The names repeat across a province's
 * indicator charts and from week to week; a call through the canvas binding costs ~10–20 µs
 * (docs/PERFORMANCE.md). Bounded: cleared when it grows past a national digest's distinct names.
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
const smallFont = `${small}px "${CHART_FONT_FAMILY}"`;
const notReportedFont = `italic ${px}px "${CHART_FONT_FAMILY}"`;
const titleFont = `bold ${CHART_GEOMETRY.titleFontPx}px "${CHART_FONT_FAMILY}"`;

/** The name's middle, above its bar: the bar is centred on the row, the name in the row's top part. */
const NAME_ABOVE = CHART_GEOMETRY.barThickness / 2 + px / 2 + 2;

/**
 * Per row: the unit's name on the left of the line above its bar, its value (bold) and its own
 * target (" · chỉ tiêu 75%") on the right of that line. Names are drawn here rather than as
 * chart.js ticks: fonts are set once, widths come from `textWidth` (docs/PERFORMANCE.md).
 */
export function barTexts(page: () => ChartPage): Plugin<"bar"> {
  return {
    id: "dondocBarTexts",
    afterDatasetsDraw(chart) {
      const ctx = chart.ctx;
      const { left, right } = chart.chartArea;
      const elements = chart.getDatasetMeta(0).data;
      ctx.save();
      ctx.textBaseline = "middle";
      page().bars.forEach((bar, i) => {
        const element = elements[i];
        if (element === undefined) return;
        const y = element.y - NAME_ABOVE;
        const target = bar.target ? ` · chỉ tiêu ${bar.target.text}` : "";
        const targetWidth = textWidth(ctx, smallFont, target);
        const valueWidth = textWidth(ctx, bar.notReported ? notReportedFont : valueFont, bar.valueText);
        ctx.textAlign = "right";
        ctx.font = smallFont;
        ctx.fillStyle = MUTED;
        if (target) ctx.fillText(target, right, y);
        ctx.font = bar.notReported ? notReportedFont : valueFont;
        ctx.fillStyle = bar.notReported ? MUTED : TEXT;
        ctx.fillText(bar.valueText, right - targetWidth, y);
        ctx.textAlign = "left";
        ctx.font = nameFont;
        ctx.fillStyle = bar.notReported ? MUTED : TEXT;
        ctx.fillText(bar.label, left, y, Math.max(80, right - left - targetWidth - valueWidth - 16));
      });
      ctx.restore();
    },
  };
}

/**
 * Each unit's own target as a dark tick across its bar (with a white edge so it shows on every
 * colour): one dashed line for all would mislead where tiers have different targets.
 */
export function targetMarks(page: () => ChartPage): Plugin<"bar"> {
  return {
    id: "dondocTargetMarks",
    afterDatasetsDraw(chart) {
      const x = chart.scales.x;
      if (x === undefined) return;
      const ctx = chart.ctx;
      const elements = chart.getDatasetMeta(0).data;
      const reach = CHART_GEOMETRY.barThickness / 2 + 6;
      ctx.save();
      for (const [width, colour] of [
        [9, "#ffffff"],
        [5, TEXT],
      ] as const) {
        ctx.lineWidth = width;
        ctx.strokeStyle = colour;
        ctx.beginPath();
        page().bars.forEach((bar, i) => {
          const element = elements[i];
          if (element === undefined || bar.target === null) return;
          const at = x.getPixelForValue(bar.target.value);
          ctx.moveTo(at, element.y - reach);
          ctx.lineTo(at, element.y + reach);
        });
        ctx.stroke();
      }
      ctx.restore();
    },
  };
}

const HEADER_TOP = 20;
const TITLE_LINE = CHART_GEOMETRY.titleFontPx * 1.25;
const SUBTITLE_LINE = small * 1.4;
/** The row of level counts ("■ 3 xanh ■ 1 cam ■ 2 chưa báo cáo") and the target key under it. */
const COUNTS_ROW = 54;
const KEY_ROW = 44;
const BOX = 30;

function headerHeight(page: ChartPage): number {
  const subtitle = page.subtitle === undefined ? 0 : SUBTITLE_LINE;
  // The first name sits above the first bar, in the top of its row.
  return HEADER_TOP + page.titleLines.length * TITLE_LINE + subtitle + COUNTS_ROW + KEY_ROW + 8;
}

/**
 * The title (one or two lines), the subtitle, the level counts as coloured boxes with numbers
 * (they are the legend as well), and the key to the target tick. Drawn by hand in room the
 * layout padding keeps free: chart.js's title and legend plugins cost more than they draw here.
 */
export function frameTexts(page: () => ChartPage): Plugin<"bar"> {
  return {
    id: "dondocFrameTexts",
    afterDraw(chart) {
      const ctx = chart.ctx;
      const { titleLines, subtitle, counts, footnote, key: keyText } = page();
      const maxWidth = chart.width - LEFT - RIGHT;
      ctx.save();
      ctx.textAlign = "left";
      ctx.textBaseline = "middle";
      let y = HEADER_TOP;
      ctx.font = titleFont;
      ctx.fillStyle = TEXT;
      for (const line of titleLines) {
        ctx.fillText(line, LEFT, y + TITLE_LINE / 2, maxWidth);
        y += TITLE_LINE;
      }
      if (subtitle !== undefined) {
        ctx.font = smallFont;
        ctx.fillStyle = MUTED;
        ctx.fillText(subtitle, LEFT, y + SUBTITLE_LINE / 2, maxWidth);
        y += SUBTITLE_LINE;
      }
      let x = LEFT;
      let middle = y + COUNTS_ROW / 2;
      for (const { text, color, count } of counts) {
        const n = String(count);
        const width = BOX + 8 + textWidth(ctx, valueFont, n) + 6 + textWidth(ctx, nameFont, text);
        // Without a key line its row takes the legend's overflow (an index's five bands and more).
        if (keyText === null && x > LEFT && x + width > LEFT + maxWidth && middle < y + COUNTS_ROW) {
          x = LEFT;
          middle = y + COUNTS_ROW + KEY_ROW / 2;
        }
        ctx.fillStyle = color;
        ctx.fillRect(x, middle - BOX / 2, BOX, BOX);
        x += BOX + 8;
        ctx.font = valueFont;
        ctx.fillStyle = TEXT;
        ctx.fillText(n, x, middle);
        x += textWidth(ctx, valueFont, n) + 6;
        ctx.font = nameFont;
        ctx.fillText(text, x, middle);
        x += textWidth(ctx, nameFont, text) + 24;
      }
      y += COUNTS_ROW;
      const key = y + KEY_ROW / 2;
      if (keyText !== null) {
        ctx.fillStyle = TEXT;
        ctx.fillRect(LEFT + BOX / 2 - 2.5, key - 16, 5, 32);
        ctx.font = smallFont;
        ctx.fillStyle = MUTED;
        ctx.fillText(keyText, LEFT + BOX + 8, key, maxWidth - BOX);
      }
      if (footnote !== undefined) {
        ctx.font = smallFont;
        ctx.fillStyle = TEXT;
        ctx.fillText(footnote, LEFT, chart.height - FOOTNOTE_HEIGHT / 2 - 4, maxWidth);
      }
      ctx.restore();
    },
  };
}

const GRID_COLOR = "#e6e6e6";
/** How far the grid lines reach below the bars, as tick marks by "0%"…"100%" (chart.js's default). */
const TICK_LENGTH = 8;

/** The vertical grid lines at 0%, 20%… 100%, continued below the bars as tick marks, in one path. */
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
    ctx.lineWidth = 2;
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

/** Options that change per page; everything else is fixed at construction. */
export function pageOptions(_input: IndicatorChartInput, page: ChartPage): NonNullable<BarChartConfig["options"]> {
  return {
    indexAxis: "y",
    responsive: false,
    maintainAspectRatio: false,
    animation: false,
    devicePixelRatio: CHART_GEOMETRY.pixelRatio,
    events: [],
    // Right: room for half of the "100%" tick label, centred on the axis's end.
    layout: {
      padding: {
        top: headerHeight(page),
        right: RIGHT + 24,
        bottom: 16 + (page.footnote === undefined ? 0 : FOOTNOTE_HEIGHT),
        left: LEFT,
      },
    },
    font: { family: CHART_FONT_FAMILY, size: px },
    color: TEXT,
    scales: {
      x: {
        min: 0,
        max: 100,
        ticks: {
          stepSize: 20,
          font: { size: small, family: CHART_FONT_FAMILY },
          color: MUTED,
          callback: (v) => `${v}${page.axisSuffix}`,
        },
        // Drawn by xGrid; the tick marks' length stays in the layout.
        grid: { display: false, tickLength: TICK_LENGTH },
      },
      y: {
        // Names are drawn above the bars by barTexts: the axis takes no width.
        afterFit: (scale) => {
          scale.width = 0;
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
        barThickness: CHART_GEOMETRY.barThickness,
        categoryPercentage: 1,
        minBarLength: 4,
      },
    ],
  };
}
