import { formatPercent } from "./format.js";
import { shortenUnitName } from "./unit-name.js";

/** Colour levels as named in the directives (xanh / vàng / cam / đỏ). */
export type ChartLevel = "xanh" | "vang" | "cam" | "do";

export interface ChartBarInput {
  label: string;
  /** Percent, 0..100. */
  value: number;
  /**
   * The text printed at the bar's end, e.g. "28,8%" from `formatRatioPercent(23, 80)`. Callers
   * holding the counts should pass it: `value` is a float, and rounding it can differ from the
   * exact ratio the messages print (23/80 = 28.749999… → "28,7%"). Default: `formatPercent(value)`.
   */
  valueText?: string;
  level: ChartLevel | null;
  notReported?: boolean;
}

export interface IndicatorChartInput {
  title: string;
  subtitle?: string;
  indicatorName: string;
  bars: readonly ChartBarInput[];
  target?: { value: number; label: string };
  /** Already formatted, e.g. "30/09/2023". */
  deadlineText?: string;
  format?: "png" | "jpeg";
}

export const LEVEL_COLORS: Readonly<Record<ChartLevel, string>> = {
  xanh: "#2e7d32",
  vang: "#f9a825",
  cam: "#ef6c00",
  do: "#c62828",
};
export const NOT_REPORTED_COLOR = "#9e9e9e";
/** A unit with no colour level (e.g. an indicator without bands) gets a neutral slate. */
export const NO_LEVEL_COLOR = "#546e7a";
export const NOT_REPORTED_TEXT = "chưa báo cáo";
export const NOT_REPORTED_LEGEND = "Chưa báo cáo";

export const LEVEL_LEGEND: ReadonlyArray<readonly [ChartLevel, string]> = [
  ["xanh", "Xanh"],
  ["vang", "Vàng"],
  ["cam", "Cam"],
  ["do", "Đỏ"],
];

/**
 * Geometry in layout units: the chart is laid out on a 1200-unit-wide page with labels ≥ 22 units
 * and 32 units a row (a 25-unit bar), then drawn at `pixelRatio` 2/3 into an 800 px-wide image.
 * 800 px is about what a phone shows a photo at in the chat (≈ 300 dp at ~2.7 px a dp), so the
 * text is as large on screen as it was at 1200 px, and the image has 2.25× fewer pixels: the JPEG
 * encode and the pixel read-back cost in proportion to the pixel count (docs/PERFORMANCE.md).
 */
export const CHART_GEOMETRY = {
  layoutWidth: 1200,
  pixelRatio: 2 / 3,
  maxBarsPerImage: 40,
  rowHeight: 32,
  /** Title, subtitle, legend, goal-line label above the bars; x axis and its title below (measured: 257 units). */
  chrome: 258,
  minHeight: 560,
  labelFontPx: 22,
  titleFontPx: 30,
  /** Room added left of the names for the ranks "1. "…"40. " (~42 units at 22 px; test/render). */
  rankColumn: 46,
} as const;

/** Layout units → image pixels exactly as chart.js sizes the canvas (retinaScale: round to 0.1, then floor). */
export function toImagePixels(layoutUnits: number): number {
  return Math.floor(Math.round(layoutUnits * CHART_GEOMETRY.pixelRatio * 10) / 10);
}

/** 800. */
export const IMAGE_WIDTH = toImagePixels(CHART_GEOMETRY.layoutWidth);

export interface PreparedBar {
  /** The (shortened) unit name, without its rank. */
  label: string;
  /** 1-based place in the ranking; null for a unit that did not report. */
  rank: number | null;
  /** Clamped to the 0..100 axis; the printed text keeps the real value. */
  value: number;
  color: string;
  valueText: string;
  notReported: boolean;
}

export interface ChartPage {
  titleLines: string[];
  subtitle: string | undefined;
  bars: PreparedBar[];
  /** In layout units; the image is `toImagePixels(height)` px high. */
  height: number;
}

/** Height in layout units of a page with `barCount` bars. */
export function layoutHeightFor(barCount: number): number {
  const { rowHeight, chrome, minHeight } = CHART_GEOMETRY;
  return Math.max(minHeight, chrome + barCount * rowHeight);
}

/** Height in pixels of the image of a page with `barCount` bars (30 bars: 812). */
export function imageHeightFor(barCount: number): number {
  return toImagePixels(layoutHeightFor(barCount));
}

/** Best first; units that did not report go last; ties by Vietnamese name order. */
const collator = new Intl.Collator("vi");
export function sortBars(bars: readonly ChartBarInput[]): ChartBarInput[] {
  return [...bars].sort((a, b) => {
    const aMissing = a.notReported === true;
    const bMissing = b.notReported === true;
    if (aMissing !== bMissing) return aMissing ? 1 : -1;
    if (!aMissing && a.value !== b.value) return b.value - a.value;
    return collator.compare(a.label, b.label);
  });
}

/** Splits into pages of at most `maxPerPage` whose sizes differ by at most one: 85 → 29 + 28 + 28. */
export function splitIntoPages<T>(items: readonly T[], maxPerPage: number): T[][] {
  if (items.length === 0) return [[]];
  const pageCount = Math.ceil(items.length / maxPerPage);
  const base = Math.floor(items.length / pageCount);
  const extra = items.length % pageCount;
  const pages: T[][] = [];
  let start = 0;
  for (let i = 0; i < pageCount; i++) {
    const size = base + (i < extra ? 1 : 0);
    pages.push(items.slice(start, start + size));
    start += size;
  }
  return pages;
}

function prepareBar(bar: ChartBarInput, rank: number): PreparedBar {
  const notReported = bar.notReported === true;
  const value = Number.isFinite(bar.value) ? bar.value : 0;
  const name = shortenUnitName(bar.label);
  return {
    label: name,
    rank: notReported ? null : rank,
    value: notReported ? 0 : Math.min(100, Math.max(0, value)),
    color: notReported ? NOT_REPORTED_COLOR : bar.level ? LEVEL_COLORS[bar.level] : NO_LEVEL_COLOR,
    valueText: notReported ? NOT_REPORTED_TEXT : (bar.valueText ?? formatPercent(value)),
    notReported,
  };
}

/** "Title (1/3)" + " — chỉ tiêu đến 30/09/2023"; long titles break before the dash. */
function titleLines(input: IndicatorChartInput, page: number, pageCount: number): string[] {
  const head = pageCount > 1 ? `${input.title} (${page}/${pageCount})` : input.title;
  if (input.deadlineText === undefined) return [head];
  const tail = `— chỉ tiêu đến ${input.deadlineText}`;
  const oneLine = `${head} ${tail}`;
  return [...oneLine].length <= 70 ? [oneLine] : [head, tail];
}

export function planChartPages(input: IndicatorChartInput): ChartPage[] {
  const prepared = sortBars(input.bars).map((bar, i) => prepareBar(bar, i + 1));
  const pages = splitIntoPages(prepared, CHART_GEOMETRY.maxBarsPerImage);
  // One height for a whole album: Telegram lays an album out as a grid, and equal rows keep the
  // bars the same thickness from image to image (the pages differ by one bar at most).
  const height = layoutHeightFor(Math.max(...pages.map((p) => p.length)));
  return pages.map((bars, i) => ({
    titleLines: titleLines(input, i + 1, pages.length),
    subtitle: input.subtitle,
    bars,
    height,
  }));
}
