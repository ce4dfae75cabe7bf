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
  /** The unit's OWN target (percent) and its text ("75%"): targets differ by tier and group. */
  target?: { value: number; text: string };
  /** A colour of the caller's own (an index's band) instead of the level's. */
  color?: string;
}

export interface IndicatorChartInput {
  title: string;
  subtitle?: string;
  /** In the order to draw, top first (the caller ranks: farthest below its own target first). */
  bars: readonly ChartBarInput[];
  /** A line under the scale, e.g. how many units the image leaves out and where to see them. */
  footnote?: string;
  /**
   * Units per colour when the bars are not all of them (the digest draws the units to chase but
   * counts every unit); default: counted from the bars.
   */
  levelCounts?: Readonly<Record<ChartLevel | "notReported", number>>;
  /** A legend of the caller's own (an index's bands with their counts) instead of the levels'. */
  legend?: readonly LevelCount[];
  /** After each tick of the 0–100 scale: "%" by default, "" for points. */
  axisSuffix?: string;
  /** The line explaining the tick on the bars; null when no bar has one. Default: each unit's own target. */
  key?: string | null;
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
export const NOT_REPORTED_LEGEND = "chưa báo cáo";

export const LEVEL_LEGEND: ReadonlyArray<readonly [ChartLevel, string]> = [
  ["xanh", "xanh"],
  ["vang", "vàng"],
  ["cam", "cam"],
  ["do", "đỏ"],
];

/**
 * Portrait, for a phone (docs/SCHEDULES.md "Bản tin tuần"): 1080 px wide, drawn 1:1. A phone shows
 * a photo about 360 dp wide, so 1 dp ≈ 3 px: 30 px names read as ~10 dp, the size of chat text,
 * without zooming. Each unit takes a row — its name and value on one line, its bar under it across
 * the whole width — so long names never squeeze the bars. At most 10 rows make an image of about
 * 1080×1300 (4:5), which Telegram shows nearly as wide as the chat in the conversation itself; a
 * taller image is shown narrower there, and its text smaller. More units become an album (the
 * digest draws one image of the units to chase, services/digest/digest.ts).
 */
export const CHART_GEOMETRY = {
  layoutWidth: 1080,
  pixelRatio: 1,
  maxBarsPerImage: 10,
  /** Name line (30 px) + bar (34 px) + gaps. */
  rowHeight: 96,
  /**
   * Title, subtitle, level counts and the target key above the bars (≈ 212 with a one-line title),
   * the 0–100% scale below (≈ 70), and a little room a two-line title takes from the rows.
   */
  chrome: 300,
  /** Portrait (10:9) at least, so a short list is not a thin strip. */
  minHeight: 1200,
  labelFontPx: 30,
  titleFontPx: 40,
  barThickness: 34,
} as const;

/** Layout units → image pixels exactly as chart.js sizes the canvas (retinaScale: round to 0.1, then floor). */
export function toImagePixels(layoutUnits: number): number {
  return Math.floor(Math.round(layoutUnits * CHART_GEOMETRY.pixelRatio * 10) / 10);
}

/** 1080. */
export const IMAGE_WIDTH = toImagePixels(CHART_GEOMETRY.layoutWidth);

export interface PreparedBar {
  /** The (shortened) unit name. */
  label: string;
  /** Clamped to the 0..100 axis; the printed text keeps the real value. */
  value: number;
  color: string;
  valueText: string;
  notReported: boolean;
  /** The unit's own target, clamped to the axis, and its text. */
  target: { value: number; text: string } | null;
}

export type LevelCount = { text: string; color: string; count: number };

export interface ChartPage {
  titleLines: string[];
  subtitle: string | undefined;
  bars: PreparedBar[];
  /** The whole chart's units per colour (the same on every page of an album). */
  counts: LevelCount[];
  footnote: string | undefined;
  /** The tick's key under the legend; null: no line. */
  key: string | null;
  axisSuffix: string;
  /** In layout units; the image is `toImagePixels(height)` px high. */
  height: number;
}

/** The footnote's line under the scale, when there is one. */
export const FOOTNOTE_HEIGHT = 48;

/** Height in layout units of a page with `barCount` bars (and no footnote). */
export function layoutHeightFor(barCount: number): number {
  const { rowHeight, chrome, minHeight } = CHART_GEOMETRY;
  return Math.max(minHeight, chrome + barCount * rowHeight);
}

/** Height in pixels of the image of a page with `barCount` bars (10 bars: 1260). */
export function imageHeightFor(barCount: number): number {
  return toImagePixels(layoutHeightFor(barCount));
}

/** Splits into pages of at most `maxPerPage` whose sizes differ by at most one: 35 → 12 + 12 + 11. */
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

const clamp = (v: number) => Math.min(100, Math.max(0, Number.isFinite(v) ? v : 0));

function prepareBar(bar: ChartBarInput): PreparedBar {
  const notReported = bar.notReported === true;
  return {
    label: shortenUnitName(bar.label),
    value: notReported ? 0 : clamp(bar.value),
    color: notReported ? NOT_REPORTED_COLOR : (bar.color ?? (bar.level ? LEVEL_COLORS[bar.level] : NO_LEVEL_COLOR)),
    valueText: notReported ? NOT_REPORTED_TEXT : (bar.valueText ?? formatPercent(bar.value)),
    notReported,
    target: bar.target ? { value: clamp(bar.target.value), text: bar.target.text } : null,
  };
}

/** Units per colour, in the legend's order; colours no unit has are left out. */
function levelCounts(input: IndicatorChartInput): LevelCount[] {
  const { bars, levelCounts: given } = input;
  if (input.legend) return input.legend.filter((c) => c.count > 0);
  const out: LevelCount[] = LEVEL_LEGEND.map(([level, text]) => ({
    text,
    color: LEVEL_COLORS[level],
    count: given ? given[level] : bars.filter((b) => b.notReported !== true && b.level === level).length,
  }));
  const notReported = given ? given.notReported : bars.filter((b) => b.notReported).length;
  out.push({ text: NOT_REPORTED_LEGEND, color: NOT_REPORTED_COLOR, count: notReported });
  return out.filter((c) => c.count > 0);
}

/** The digest's tick: targets differ by tier and group, so each bar carries its own. */
export const DEFAULT_KEY = "chỉ tiêu của từng đơn vị (theo cấp, nhóm)";

/** About what fits in 1080 px at the title's 40 px bold; a longer title breaks at its dash. */
const TITLE_CHARS = 50;
function titleLines(title: string): string[] {
  const dash = title.lastIndexOf(" — ");
  return [...title].length <= TITLE_CHARS || dash < 0 ? [title] : [title.slice(0, dash), title.slice(dash + 3)];
}

/**
 * The caller's order, units that did not report last (they have no bar to compare: the caption
 * and the "Nhắc" button name them).
 */
export function planChartPages(input: IndicatorChartInput): ChartPage[] {
  const ordered = [...input.bars.filter((b) => !b.notReported), ...input.bars.filter((b) => b.notReported)];
  const pages = splitIntoPages(ordered.map(prepareBar), CHART_GEOMETRY.maxBarsPerImage);
  // One height for a whole album: Telegram lays an album out as a grid, and equal rows keep the
  // bars the same thickness from image to image (the pages differ by one bar at most).
  const footnote = input.footnote;
  const height = layoutHeightFor(Math.max(...pages.map((p) => p.length))) + (footnote ? FOOTNOTE_HEIGHT : 0);
  const counts = levelCounts(input);
  return pages.map((bars, i) => ({
    titleLines: titleLines(pages.length > 1 ? `${input.title} (${i + 1}/${pages.length})` : input.title),
    subtitle: input.subtitle,
    bars,
    counts,
    footnote,
    key: input.key === undefined ? DEFAULT_KEY : input.key,
    axisSuffix: input.axisSuffix ?? "%",
    height,
  }));
}
