/**
 * Chart images per second using every core (issue #7): one worker thread per core, each
 * rendering the weekly digest's 30-bar chart (src/render/chart.ts) back to back for a fixed
 * time. scripts/bench-charts.ts (its owner's) measures one thread; this is the fan-out case,
 * where 34 provinces × 6 indicators of charts are drawn at once.
 *   npx tsx scripts/bench-charts-workers.ts [seconds]
 */
import os from "node:os";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { renderIndicatorChart, type ChartBarInput, type IndicatorChartInput } from "../src/render/chart.js";
import { emit } from "./bench-lib.js";

function digestChart(format: "png" | "jpeg"): IndicatorChartInput {
  const bars: ChartBarInput[] = Array.from({ length: 30 }, (_, i) => {
    const value = (i * 37 + 11) % 100;
    return { label: `Xã số ${i + 1}`, value, level: value >= 70 ? "xanh" : value >= 50 ? "vang" : value >= 30 ? "cam" : "do", notReported: i % 17 === 5 };
  });
  return { title: "Tỷ lệ hồ sơ trực tuyến", subtitle: "Số liệu tháng 11/2026", indicatorName: "Tỷ lệ hồ sơ trực tuyến (%)",
    bars, target: { value: 70, label: "Chỉ tiêu 70%" }, deadlineText: "31/12/2026", format };
}

/** Images drawn and encoded in about `ms`, after a warm-up (fonts, JIT) that is not counted. */
async function renderFor(ms: number, format: "png" | "jpeg"): Promise<{ images: number; ms: number }> {
  const input = digestChart(format);
  for (let i = 0; i < 5; i++) await renderIndicatorChart(input);
  let images = 0;
  const start = performance.now();
  while (performance.now() < start + ms) images += (await renderIndicatorChart(input)).length;
  return { images, ms: performance.now() - start };
}

const isResult = (v: unknown): v is { images: number; ms: number } => typeof v === "object" && v !== null
  && "images" in v && typeof v.images === "number" && "ms" in v && typeof v.ms === "number";

interface Job { ms: number; format: "png" | "jpeg" }
const isJob = (v: unknown): v is Job => typeof v === "object" && v !== null && "ms" in v && typeof v.ms === "number"
  && "format" in v && (v.format === "png" || v.format === "jpeg");

/** Node 20 does not hand tsx's loader to worker threads: each worker loads this file through tsx's API. */
const WORKER_BOOT = `import("tsx/esm/api").then(({ tsImport }) => tsImport(${JSON.stringify(import.meta.url)}, ${JSON.stringify(import.meta.url)}))`;

if (!isMainThread) {
  if (!isJob(workerData)) throw new Error("bad worker data");
  parentPort?.postMessage(await renderFor(workerData.ms, workerData.format));
} else {
  const seconds = Number(process.argv[2] ?? 10);
  const threads = os.availableParallelism();
  const rows = [];
  for (const format of ["jpeg", "png"] as const) {
    const results = await Promise.all(Array.from({ length: threads }, () => new Promise<{ images: number; ms: number }>((resolve, reject) => {
      const w = new Worker(WORKER_BOOT, { eval: true, workerData: { ms: seconds * 1000, format } satisfies Job });
      w.once("message", (r: unknown) => (isResult(r) ? resolve(r) : reject(new Error("bad worker result"))));
      w.once("error", reject);
    })));
    // Threads run side by side: the rates add up.
    const rate = results.reduce((a, r) => a + (r.images * 1000) / r.ms, 0);
    rows.push({ what: `Chart images per second, 30-bar ${format}, ${threads} worker threads`,
      measured: `${rate.toFixed(1)} images/s (${results.map((r) => r.images).join(" + ")} images in ${seconds} s)`,
      target: "≥ 100/s", ok: rate >= 100 });
  }
  emit(rows);
}
