/**
 * Charts for the chart benchmarks (scripts/bench-charts.ts, scripts/bench-charts-workers.ts):
 * the `n`-th chart of a fan-out, with unit names, values, order and title of its own, so that no
 * image is a repeat of the one before (text shaping and layout get no warm cache for free).
 */
import type { ChartBarInput, IndicatorChartInput } from "../src/render/chart.js";

const PLACES = ["Đức Xuân", "Nông Thượng", "Phùng Chí Kiên", "Dương Quang", "Huyền Tụng", "Xuất Hóa", "Bằng Vân",
  "Thượng Quan", "Cẩm Giàng", "Quảng Bạch", "Yên Thịnh", "Đồng Lạc", "Nghiên Loan", "Ân Tình", "Lãng Ngâm"];
const KINDS = ["Xã", "Phường", "UBND xã", "UBND phường", "Thị trấn", "Phòng Văn hoá và Thông tin"];

export function sampleInput(n: number, barCount: number, format: "png" | "jpeg"): IndicatorChartInput {
  const bars: ChartBarInput[] = Array.from({ length: barCount }, (_, i) => {
    const value = (i * 37 + n * 53 + 11) % 1000 / 10;
    const level = value >= 70 ? "xanh" : value >= 50 ? "vang" : value >= 30 ? "cam" : "do";
    const name = `${KINDS[(i + n) % KINDS.length] ?? "Xã"} ${PLACES[(i * 7 + n) % PLACES.length] ?? ""} ${n}-${i + 1}`;
    return { label: name, value, level, notReported: (i + n) % 17 === 5 };
  });
  return {
    title: `Tỷ lệ hồ sơ trực tuyến — tỉnh số ${n}`,
    subtitle: `Số liệu tháng ${(n % 12) + 1}/2026`,
    indicatorName: "Tỷ lệ hồ sơ trực tuyến (%)",
    bars,
    target: { value: 60 + (n % 4) * 5, label: `Chỉ tiêu ${60 + (n % 4) * 5}%` },
    deadlineText: "30/09/2026",
    format,
  };
}

