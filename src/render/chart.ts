import { createCanvas, GlobalFonts, type Canvas } from "@napi-rs/canvas";
import { BarController, BarElement, CategoryScale, Chart, LinearScale } from "chart.js";
import sharp from "sharp";
import { barTexts, frameTexts, pageData, pageOptions, targetMarks, whiteBackground, xGrid } from "./chart-config.js";
import { CHART_GEOMETRY, planChartPages, type ChartPage, type IndicatorChartInput } from "./chart-layout.js";
import { CHART_FONT_FAMILY } from "./chart-font.js";

export type { ChartBarInput, ChartLevel, IndicatorChartInput } from "./chart-layout.js";

Chart.register(BarController, BarElement, CategoryScale, LinearScale);
Chart.defaults.font.family = CHART_FONT_FAMILY;

const JPEG_QUALITY = 90;

/**
 * JPEG goes through sharp (libvips + libjpeg-turbo with SIMD) rather than skia's `canvas.encode`:
 * measured here on an 800×812 chart, the pixel copy and encode take ~8 ms of CPU against skia's
 * ~12 ms, and the encode leaves the main thread (docs/PERFORMANCE.md). Each encode
 * runs single-threaded on libuv's pool, so charts encode side by side instead of one encode
 * spreading over both cores and fighting the next chart's drawing. No operation cache: every
 * input is a fresh pixel buffer. Huffman-table optimisation is off: it nearly doubles the encode time
 * for a file 12–17% smaller (measured), and Telegram recompresses photos anyway.
 */
sharp.concurrency(1);
sharp.cache(false);

/**
 * One canvas + Chart reused for every image: building a Chart costs several times an update,
 * and the 30-bar budget is 10 ms an image (docs/SCHEDULES.md). Reuse is safe because all drawing below is
 * synchronous, and the encoders get their pixels before they go async (`canvas.data()` copies
 * them for sharp; skia's `canvas.encode` snapshots them).
 */
interface Renderer {
  canvas: Canvas;
  chart: Chart<"bar", number[], string>;
  /** Read by our plugins, which chart.js constructs only once. */
  current: { page: ChartPage; input: IndicatorChartInput };
}

let renderer: Renderer | undefined;

function getRenderer(input: IndicatorChartInput, page: ChartPage): Renderer {
  if (renderer !== undefined) return renderer;
  if (!GlobalFonts.has(CHART_FONT_FAMILY)) {
    throw new Error(
      `Chart font "${CHART_FONT_FAMILY}" is not registered: call registerChartFonts() (src/assets/fonts.ts) first`,
    );
  }
  // chart.js takes the canvas's size as the layout size and redraws it at `pixelRatio`.
  const canvas = createCanvas(CHART_GEOMETRY.layoutWidth, page.height);
  const current = { page, input };
  // chart.js only needs the 2D context API; @napi-rs/canvas implements it but is not the DOM type.
  const context = canvas.getContext("2d") as unknown as CanvasRenderingContext2D;
  const chart = new Chart<"bar", number[], string>(context, {
    type: "bar",
    data: pageData(page),
    options: pageOptions(input, page),
    plugins: [
      whiteBackground,
      xGrid,
      barTexts(() => current.page),
      targetMarks(() => current.page),
      frameTexts(() => current.page),
    ],
  });
  renderer = { canvas, chart, current };
  return renderer;
}

/** Lays out and draws one page synchronously; returns the pending encode. */
function drawPage(input: IndicatorChartInput, page: ChartPage, format: "png" | "jpeg"): Promise<Buffer> {
  const r = getRenderer(input, page);
  r.current.page = page;
  r.current.input = input;
  if (r.chart.height !== page.height) r.chart.resize(CHART_GEOMETRY.layoutWidth, page.height);
  r.chart.data = pageData(page);
  r.chart.options = pageOptions(input, page);
  r.chart.update("none");
  if (format === "png") return r.canvas.encode("png");
  // `data()` copies the pixels (RGBA, opaque: the background plugin paints every pixel white first).
  const { width, height } = r.canvas;
  return sharp(r.canvas.data(), { raw: { width, height, channels: 4 } })
    .removeAlpha()
    .jpeg({ quality: JPEG_QUALITY, optimiseCoding: false })
    .toBuffer();
}

/**
 * Portrait horizontal-bar chart of one indicator, one row per unit in the caller's order (units
 * that did not report last), each unit's own target ticked on its bar, ≤ 16 rows an image; more
 * become an album of images titled "(1/3)", "(2/3)"… sharing the same 0–100% scale.
 * Default JPEG: Telegram recompresses photos anyway and JPEG encodes several times faster than PNG.
 */
export async function renderIndicatorChart(input: IndicatorChartInput): Promise<Buffer[]> {
  const format = input.format ?? "jpeg";
  const pages = planChartPages(input);
  const encodes = pages.map((page) => drawPage(input, page, format));
  return Promise.all(encodes);
}
