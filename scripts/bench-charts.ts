/**
 * Chart rendering benchmark (not a test): `npx tsx scripts/bench-charts.ts [iterations]`.
 * Target (2-core machine): a 30-bar chart in ≤ 10 ms of layout+draw per image.
 * "layout+draw" is the synchronous part of renderIndicatorChart (it returns once every page is
 * drawn and its encode started); "end-to-end" also waits for the encode. "cpu" is the process CPU
 * time of that synchronous part (no encode is running then), which stays meaningful when other
 * work loads the machine and inflates wall-clock times.
 */
import { renderIndicatorChart, type ChartBarInput, type IndicatorChartInput } from "../src/render/chart.js";

const iterations = Number(process.argv[2] ?? 200);
const NAMES = ["Phường Đức Xuân", "Xã Nông Thượng", "UBND phường Phùng Chí Kiên", "Phòng Văn hoá và Thông tin"];

function sampleInput(barCount: number, format: "png" | "jpeg"): IndicatorChartInput {
  const bars: ChartBarInput[] = Array.from({ length: barCount }, (_, i) => {
    const value = (i * 37 + 11) % 100;
    const level = value >= 70 ? "xanh" : value >= 50 ? "vang" : value >= 30 ? "cam" : "do";
    return { label: `${NAMES[i % NAMES.length] ?? "Xã"} ${i + 1}`, value, level, notReported: i % 17 === 5 };
  });
  return {
    title: "Tỷ lệ hồ sơ trực tuyến",
    subtitle: "Số liệu tháng 09/2023",
    indicatorName: "Tỷ lệ hồ sơ trực tuyến (%)",
    bars,
    target: { value: 70, label: "Chỉ tiêu 70%" },
    deadlineText: "30/09/2023",
    format,
  };
}

async function measure(barCount: number, format: "png" | "jpeg"): Promise<void> {
  const input = sampleInput(barCount, format);
  for (let i = 0; i < 40; i++) await renderIndicatorChart(input); // warm-up (JIT, fonts, Chart)
  let syncMs = 0;
  let syncCpuMs = 0;
  let images = 0;
  const start = performance.now();
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const pending = renderIndicatorChart(input);
    const cpu = process.cpuUsage(cpu0);
    syncMs += performance.now() - t0;
    syncCpuMs += (cpu.user + cpu.system) / 1000;
    images += (await pending).length;
  }
  const totalMs = performance.now() - start;

  // Overlapped: start the next chart while earlier encodes run on libuv's thread pool.
  const overlapStart = performance.now();
  const batch: Promise<Buffer[]>[] = [];
  for (let i = 0; i < iterations; i++) batch.push(renderIndicatorChart(input));
  const overlapImages = (await Promise.all(batch)).reduce((n, b) => n + b.length, 0);
  const overlapMs = performance.now() - overlapStart;

  const row = [
    `${barCount} bars ${format.padEnd(4)}`,
    `layout+draw ${(syncMs / images).toFixed(2)} ms/image (cpu ${(syncCpuMs / images).toFixed(2)})`,
    `end-to-end ${(totalMs / images).toFixed(2)} ms/image (${((images * 1000) / totalMs).toFixed(0)} images/s)`,
    `overlapped ${((overlapImages * 1000) / overlapMs).toFixed(0)} images/s`,
  ];
  console.log(row.join(" | "));
}

console.log(`load average ${(await import("node:os")).loadavg().map((l) => l.toFixed(1)).join(" ")}`);
for (const [bars, format] of [[30, "jpeg"], [30, "png"], [40, "jpeg"], [85, "jpeg"]] as const) {
  await measure(bars, format);
}
