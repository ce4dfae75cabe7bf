/**
 * Chart images per second using every core (docs/PERFORMANCE.md): one worker thread per core, each
 * rendering weekly-digest charts (src/render/chart.ts; 30 bars) for a fixed time: worker k takes
 * provinces k, k + threads, … and draws each province's six indicator charts in turn, as the
 * digest job does (scripts/bench-chart-inputs.ts). A second JPEG row gives every chart units never
 * drawn before, the worst case. scripts/bench-charts.ts (its owner's) measures one thread.
 *   npx tsx scripts/bench-charts-workers.ts [seconds]
 */
import os from "node:os";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { registerChartFonts } from "../src/assets/fonts.js";
import { renderIndicatorChart } from "../src/render/chart.js";
import { sampleInput, type ChartMix } from "./bench-chart-inputs.js";
import { emit } from "./bench-lib.js";

registerChartFonts();

/** Images drawn and encoded in about `ms`, after a warm-up (fonts, JIT) that is not counted. */
async function renderFor(job: Job): Promise<{ images: number; ms: number }> {
  for (let i = 0; i < 20; i++)
    await renderIndicatorChart(sampleInput(100_000 + job.worker * 100 + i, 30, job.format, "distinct"));
  let images = 0;
  const start = performance.now();
  // Two in flight: this thread draws the next chart while the previous one encodes on libuv's pool.
  const inFlight = new Set<Promise<unknown>>();
  for (let province = job.worker; performance.now() < start + job.ms; province += job.threads) {
    for (let indicator = 0; indicator < 6; indicator++) {
      if (inFlight.size >= 2) await Promise.race(inFlight);
      const p: Promise<unknown> = renderIndicatorChart(
        sampleInput(province * 6 + indicator, 30, job.format, job.mix),
      ).then((b) => {
        images += b.length;
        inFlight.delete(p);
      });
      inFlight.add(p);
    }
  }
  await Promise.all(inFlight);
  return { images, ms: performance.now() - start };
}

const isResult = (v: unknown): v is { images: number; ms: number } =>
  typeof v === "object" &&
  v !== null &&
  "images" in v &&
  typeof v.images === "number" &&
  "ms" in v &&
  typeof v.ms === "number";

interface Job {
  ms: number;
  format: "png" | "jpeg";
  mix: ChartMix;
  worker: number;
  threads: number;
}
const isJob = (v: unknown): v is Job =>
  typeof v === "object" &&
  v !== null &&
  "ms" in v &&
  typeof v.ms === "number" &&
  "format" in v &&
  (v.format === "png" || v.format === "jpeg") &&
  "mix" in v &&
  (v.mix === "digest" || v.mix === "distinct") &&
  "worker" in v &&
  typeof v.worker === "number" &&
  "threads" in v &&
  typeof v.threads === "number";

/** Node 20 does not hand tsx's loader to worker threads: each worker loads this file through tsx's API. */
const WORKER_BOOT = `import("tsx/esm/api").then(({ tsImport }) => tsImport(${JSON.stringify(import.meta.url)}, ${JSON.stringify(import.meta.url)}))`;

if (!isMainThread) {
  if (!isJob(workerData)) throw new Error("bad worker data");
  parentPort?.postMessage(await renderFor(workerData));
} else {
  const seconds = Number(process.argv[2] ?? 10);
  const threads = os.availableParallelism();
  const rows = [];
  const runs = [
    ["jpeg", "digest"],
    ["jpeg", "distinct"],
    ["png", "digest"],
  ] as const;
  for (const [format, mix] of runs) {
    const results = await Promise.all(
      Array.from(
        { length: threads },
        (_, worker) =>
          new Promise<{ images: number; ms: number }>((resolve, reject) => {
            const w = new Worker(WORKER_BOOT, {
              eval: true,
              workerData: { ms: seconds * 1000, format, mix, worker, threads } satisfies Job,
            });
            w.once("message", (r: unknown) => (isResult(r) ? resolve(r) : reject(new Error("bad worker result"))));
            w.once("error", reject);
          }),
      ),
    );
    // Threads run side by side: the rates add up.
    const rate = results.reduce((a, r) => a + (r.images * 1000) / r.ms, 0);
    const charts = mix === "digest" ? "digest charts, 6 a province" : "every chart new units";
    rows.push({
      what: `Chart images per second, 30-bar ${format} (${charts}), ${threads} worker threads`,
      measured: `${rate.toFixed(1)} images/s (${results.map((r) => r.images).join(" + ")} images in ${seconds} s)`,
      target: "≥ 100/s",
      ok: rate >= 100,
    });
  }
  emit(rows);
}
