/**
 * Chart rendering benchmark (not a test): `npx tsx scripts/bench-charts.ts [iterations]`.
 * Targets (docs/SCHEDULES.md, 2-core machine): a 30-bar chart image in ≤ 10 ms; (docs/PERFORMANCE.md) ≥ 100 images/s.
 *
 * The charts are those of a weekly digest (scripts/bench-chart-inputs.ts): six indicators a
 * province, each province with its own units, no chart a repeat of the one before. One row draws
 * every chart with units never seen before (the worst case for text shaping), and one redraws a
 * single chart, which is how a one-chart measurement would see it.
 *  - "layout+draw": the synchronous part of renderIndicatorChart — chart.js's update (layout and
 *    draw) and the copy of the pixels for the encoder; "cpu" is the process CPU time over it.
 *  - "encode": from there until the JPEG is ready (libjpeg-turbo through sharp, on libuv's pool).
 *  - "one at a time": draw, encode, wait, next.
 *  - "pipelined": the way the digest job can run it — the main thread draws the next chart while
 *    earlier ones encode on the pool (at most POOL charts in flight), so both cores work. The
 *    per-image time is the wall time divided by the images.
 */
import os from "node:os";
import { createCanvas } from "@napi-rs/canvas";
import { registerChartFonts } from "../src/assets/fonts.js";
import { renderIndicatorChart } from "../src/render/chart.js";
import { sampleInput, type ChartMix } from "./bench-chart-inputs.js";

registerChartFonts();

const iterations = Number(process.argv[2] ?? 200);
/** libuv's default thread pool size: more charts in flight only queue. */
const POOL = 4;

async function measure(barCount: number, format: "png" | "jpeg", mix: ChartMix | "same"): Promise<void> {
  const inputs = Array.from({ length: iterations }, (_, n) =>
    mix === "same" ? sampleInput(0, barCount, format) : sampleInput(n, barCount, format, mix),
  );
  for (let i = 0; i < 30; i++) await renderIndicatorChart(sampleInput(100_000 + i, barCount, format, "distinct")); // warm-up: JIT, fonts

  let syncMs = 0;
  let syncCpuMs = 0;
  let encodeMs = 0;
  let images = 0;
  const start = performance.now();
  for (const input of inputs) {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const pending = renderIndicatorChart(input);
    const cpu = process.cpuUsage(cpu0);
    const t1 = performance.now();
    syncMs += t1 - t0;
    syncCpuMs += (cpu.user + cpu.system) / 1000;
    images += (await pending).length;
    encodeMs += performance.now() - t1;
  }
  const totalMs = performance.now() - start;

  const pipeStart = performance.now();
  const cpuPipe0 = process.cpuUsage();
  const inFlight = new Set<Promise<unknown>>();
  let pipeImages = 0;
  for (const input of inputs) {
    if (inFlight.size >= POOL) await Promise.race(inFlight);
    const p: Promise<unknown> = renderIndicatorChart(input).then((b) => {
      pipeImages += b.length;
      inFlight.delete(p);
    });
    inFlight.add(p);
  }
  await Promise.all(inFlight);
  const pipeMs = performance.now() - pipeStart;
  const cpuPipe = process.cpuUsage(cpuPipe0);

  const row = [
    `${barCount} bars ${format.padEnd(4)} ${MIX_TEXT[mix]}`,
    `layout+draw ${(syncMs / images).toFixed(2)} ms/image (cpu ${(syncCpuMs / images).toFixed(2)})`,
    `encode ${(encodeMs / images).toFixed(2)} ms`,
    `one at a time ${(totalMs / images).toFixed(2)} ms/image (${((images * 1000) / totalMs).toFixed(0)} images/s)`,
    `pipelined ${(pipeMs / pipeImages).toFixed(2)} ms/image, ${((pipeImages * 1000) / pipeMs).toFixed(0)} images/s` +
      ` (cpu ${((cpuPipe.user + cpuPipe.system) / 1000 / pipeImages).toFixed(1)} ms/image)`,
  ];
  console.log(row.join(" | "));
}

/**
 * The machine's speed today, in the operations docs/SCHEDULES.md timed when it set the targets ("PNG
 * encoding ~21 ms, JPEG ~6 ms"): skia's own encoders on a 1200×700 canvas with 30 labelled bars.
 */
async function calibrate(): Promise<string> {
  const canvas = createCanvas(1200, 700);
  const ctx = canvas.getContext("2d");
  const paint = (k: number): void => {
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, 1200, 700);
    ctx.font = "15px sans-serif";
    for (let i = 0; i < 30; i++) {
      ctx.fillStyle = "#2e7d32";
      ctx.fillRect(300, 40 + i * 21, (i * 37 + k) % 800, 16);
      ctx.fillStyle = "#212121";
      ctx.fillText(`Phường Đức Xuân ${i}`, 10, 52 + i * 21);
    }
  };
  const out: string[] = [];
  for (const format of ["jpeg", "png"] as const) {
    const encode = (): Promise<Buffer> => (format === "png" ? canvas.encode("png") : canvas.encode("jpeg"));
    for (let i = 0; i < 5; i++) {
      paint(i);
      await encode();
    }
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      paint(i);
      const t = performance.now();
      await encode();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    out.push(`skia ${format.toUpperCase()} ${(times[10] ?? 0).toFixed(1)} ms`);
  }
  return `reference (the chart budget's own timings: JPEG ~6 ms, PNG ~21 ms): 1200×700 canvas, median of 20: ${out.join(", ")}`;
}

console.log(
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
console.log(await calibrate());
const MIX_TEXT: Record<ChartMix | "same", string> = {
  digest: "(digest: 6 charts a province)",
  distinct: "(every chart new units)",
  same: "(one chart redrawn)",
};
for (const [bars, format, mix] of [
  [30, "jpeg", "digest"],
  [30, "jpeg", "distinct"],
  [30, "png", "digest"],
  [40, "jpeg", "digest"],
  [85, "jpeg", "digest"],
  [30, "jpeg", "same"],
] as const) {
  await measure(bars, format, mix);
}
