/**
 * Charts for the chart benchmarks (scripts/bench-charts.ts, scripts/bench-charts-workers.ts).
 *
 * "digest": the `n`-th chart of a weekly digest fan-out — province ⌊n/6⌋, indicator n mod 6. A
 *   province's six charts show the same units (names) with their own values, order and ranks;
 *   every province has units of its own. This is what the digest job renders.
 * "distinct": every chart has units nobody has drawn before (the worst case for text shaping).
 * No chart is a repeat of the one before it.
 */
import type { ChartBarInput, IndicatorChartInput } from "../src/render/chart.js";

export type ChartMix = "digest" | "distinct";

const PLACES = [
  "Đức Xuân",
  "Nông Thượng",
  "Phùng Chí Kiên",
  "Dương Quang",
  "Huyền Tụng",
  "Xuất Hóa",
  "Bằng Vân",
  "Thượng Quan",
  "Cẩm Giàng",
  "Quảng Bạch",
  "Yên Thịnh",
  "Đồng Lạc",
  "Nghiên Loan",
  "Ân Tình",
  "Lãng Ngâm",
];
const KINDS = ["Xã", "Phường", "UBND xã", "UBND phường", "Thị trấn", "Phòng Văn hoá và Thông tin"];
const INDICATORS = [
  "Tỷ lệ hồ sơ trực tuyến",
  "Tỷ lệ hồ sơ trực tuyến toàn trình",
  "Tỷ lệ hồ sơ đúng hạn",
  "Tỷ lệ thanh toán trực tuyến",
  "Tỷ lệ số hoá hồ sơ",
  "Tỷ lệ tái sử dụng dữ liệu",
];

export function sampleInput(
  n: number,
  barCount: number,
  format: "png" | "jpeg",
  mix: ChartMix = "digest",
): IndicatorChartInput {
  const group = mix === "digest" ? Math.floor(n / 6) : n;
  const indicator = INDICATORS[n % 6] ?? "Tỷ lệ";
  const bars: ChartBarInput[] = Array.from({ length: barCount }, (_, i) => {
    const value = ((i * 37 + n * 53 + 11) % 1000) / 10;
    const level = value >= 70 ? "xanh" : value >= 50 ? "vang" : value >= 30 ? "cam" : "do";
    const name = `${KINDS[(i + group) % KINDS.length] ?? "Xã"} ${PLACES[(i * 7 + group) % PLACES.length] ?? ""} ${group}-${i + 1}`;
    const target = 60 + ((i + n) % 4) * 5;
    return {
      label: name,
      value,
      level,
      notReported: (i + n) % 17 === 5,
      target: { value: target, text: `${target}%` },
    };
  });
  return {
    title: `${indicator} — tuần ${(n % 52) + 1}/2026`,
    subtitle: `Các đơn vị thuộc tỉnh số ${group} · số liệu tháng ${(n % 12) + 1}/2026`,
    bars,
    format,
  };
}
