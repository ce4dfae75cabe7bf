/**
 * The digest's index chart (docs/INDEX.md "Trong nhóm chat"): units by their score of a scored index (QĐ
 * 766), worst first, bars coloured by the band the total falls in, drawn on the digest's own
 * portrait layout (chart-layout.ts) with the 0–100 scale read as points. A unit with no component
 * reported has no score: it is drawn as "chưa báo cáo", as on the indicator charts.
 */
import { renderIndicatorChart, type ChartBarInput } from "./chart.js";
import {
  LEVEL_COLORS,
  NOT_REPORTED_COLOR,
  NOT_REPORTED_LEGEND,
  type ChartLevel,
  type LevelCount,
} from "./chart-layout.js";

export type IndexChartRow = {
  label: string;
  /** Points out of 100; null when nothing is reported. */
  score: number | null;
  /** "72,5 điểm", as the messages print it. */
  scoreText: string;
  /** The band's name, or null when the index names no band for the total. */
  band: string | null;
};

export type IndexChartBand = { name: string; level?: ChartLevel | undefined };

export type IndexChartInput = {
  title: string;
  subtitle?: string;
  /** Drawn rows, top first (the caller ranks them). */
  rows: readonly IndexChartRow[];
  /** The index's bands, best first; `level`: the colour level the index gives the band. */
  bands: readonly IndexChartBand[];
  /**
   * Units per band over the whole subtree (the chart may draw fewer), "" for a score without a
   * band, null for no score; default: counted from the rows.
   */
  counts?: ReadonlyMap<string | null, number>;
  footnote?: string;
  format?: "png" | "jpeg";
};

/**
 * Best band green to worst red, as the levels' colours run (chart-layout.ts LEVEL_COLORS), with a
 * light green between: QĐ 766's practice names up to five bands.
 */
const BAND_RAMP = ["#2e7d32", "#7cb342", "#f9a825", "#ef6c00", "#c62828"] as const;
const NO_BAND_COLOR = "#546e7a";
export const PARTIAL_LEGEND = "chưa đủ số liệu";

/**
 * The colour of each band: its own level's when the index names one, else by rank, best first —
 * two bands take the ends, three the ends and amber…
 */
export function bandColors(bands: readonly IndexChartBand[]): Map<string, string> {
  const last = BAND_RAMP.length - 1;
  const n = bands.length;
  return new Map(
    bands.map((b, i) => {
      const at = n <= 1 ? 0 : Math.round((i * last) / (n - 1));
      return [b.name, b.level ? LEVEL_COLORS[b.level] : (BAND_RAMP[Math.min(at, last)] ?? NO_BAND_COLOR)];
    }),
  );
}

export function indexChartBars(rows: readonly IndexChartRow[], colors: ReadonlyMap<string, string>): ChartBarInput[] {
  return rows.map((r) =>
    r.score === null
      ? { label: r.label, value: 0, level: null, notReported: true }
      : {
          label: r.label,
          value: r.score,
          valueText: r.scoreText,
          level: null,
          color: (r.band !== null ? colors.get(r.band) : undefined) ?? NO_BAND_COLOR,
        },
  );
}

/** The legend: each band with its count, then the units that have not reported. */
export function indexLegend(input: IndexChartInput, colors: ReadonlyMap<string, string>): LevelCount[] {
  const given = input.counts;
  const count = (band: string | null): number =>
    given ? (given.get(band ?? "") ?? 0) : input.rows.filter((r) => r.score !== null && r.band === band).length;
  const notReported = given ? (given.get(null) ?? 0) : input.rows.filter((r) => r.score === null).length;
  return [
    ...input.bands.map((b) => ({
      text: b.name.toLowerCase(),
      color: colors.get(b.name) ?? NO_BAND_COLOR,
      count: count(b.name),
    })),
    // Scored on part of the index: no band until every component has figures (src/domain/index/score.ts).
    { text: PARTIAL_LEGEND, color: NO_BAND_COLOR, count: count(null) },
    { text: NOT_REPORTED_LEGEND, color: NOT_REPORTED_COLOR, count: notReported },
  ];
}

export async function renderIndexChart(input: IndexChartInput): Promise<Buffer[]> {
  const colors = bandColors(input.bands);
  return renderIndicatorChart({
    title: input.title,
    ...(input.subtitle !== undefined ? { subtitle: input.subtitle } : {}),
    bars: indexChartBars(input.rows, colors),
    legend: indexLegend(input, colors),
    axisSuffix: "",
    key: null,
    ...(input.footnote !== undefined ? { footnote: input.footnote } : {}),
    format: input.format ?? "jpeg",
  });
}
