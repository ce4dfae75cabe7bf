/**
 * Chart images per second using every core (issue #7): one worker thread per core, each
 * rendering the weekly digest's 30-bar chart (src/render/chart.ts) back to back for a fixed
 * time. scripts/bench-charts.ts (its owner's) measures one thread; this is the fan-out case,
 * where 34 provinces × 6 indicators of charts are drawn at once.
 *   npx tsx scripts/bench-charts-workers.ts [seconds]
 */
import os from "node:os";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { renderIndicatorChart } from "../src/render/chart.js";
import { sampleInput } from "./bench-chart-inputs.js";
import { emit } from "./bench-lib.js";

/** Images drawn and encoded in about `ms`, after a warm-up (fonts, JIT) that is not counted. */
async function renderFor(ms: number, format: "png" | "jpeg", seed: number): Promise<{ images: number; ms: number }> {
  for (let i = 0; i < 20; i++) await renderIndicatorChart(sampleInput(seed + 50_000 + i, 30, format));
  let images = 0;
  const start = performance.now();
  // Every chart is a different one (names, values, order), as in a digest fan-out. Two in flight:
  // this thread draws the next chart while the previous one encodes on libuv's pool.
  const inFlight = new Set<Promise<unknown>>();
  for (let n = seed; performance.now() < start + ms; n += 2) {
    if (inFlight.size >= 2) await Promise.race(inFlight);
    const p: Promise<unknown> = renderIndicatorChart(sampleInput(n, 30, format)).then((b) => { images += b.length; inFlight.delete(p); });
    inFlight.add(p);
  }
  await Promise.all(inFlight);
  return { images, ms: performance.now() - start };
}

const isResult = (v: unknown): v is { images: number; ms: number } => typeof v === "object" && v !== null
  && "images" in v && typeof v.images === "number" && "ms" in v && typeof v.ms === "number";

interface Job { ms: number; format: "png" | "jpeg"; seed: number }
const isJob = (v: unknown): v is Job => typeof v === "object" && v !== null && "ms" in v && typeof v.ms === "number"
  && "format" in v && (v.format === "png" || v.format === "jpeg") && "seed" in v && typeof v.seed === "number";

/** Node 20 does not hand tsx's loader to worker threads: each worker loads this file through tsx's API. */
const WORKER_BOOT = `import("tsx/esm/api").then(({ tsImport }) => tsImport(${JSON.stringify(import.meta.url)}, ${JSON.stringify(import.meta.url)}))`;

if (!isMainThread) {
  if (!isJob(workerData)) throw new Error("bad worker data");
  parentPort?.postMessage(await renderFor(workerData.ms, workerData.format, workerData.seed));
} else {
  const seconds = Number(process.argv[2] ?? 10);
  const threads = os.availableParallelism();
  const rows = [];
  for (const format of ["jpeg", "png"] as const) {
    const results = await Promise.all(Array.from({ length: threads }, (_, seed) => new Promise<{ images: number; ms: number }>((resolve, reject) => {
      const w = new Worker(WORKER_BOOT, { eval: true, workerData: { ms: seconds * 1000, format, seed } satisfies Job });
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
