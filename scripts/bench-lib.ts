/**
 * Shared bits of `npm run bench` (docs/PERFORMANCE.md): each measurement runs in its own process (clean
 * peak RSS) and prints one `BENCH <json>` line of rows; scripts/bench.ts collects the table.
 */
export interface BenchRow {
  /** What was measured, e.g. "/nop end to end, SQLite". */
  what: string;
  measured: string;
  target: string;
  /** Within the target? undefined when there is none. */
  ok?: boolean;
  note?: string;
}

export function emit(rows: BenchRow[]): void {
  console.log(`BENCH ${JSON.stringify(rows)}`);
}

export function parseEmitted(stdout: string): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const line of stdout.split("\n")) {
    if (!line.startsWith("BENCH ")) continue;
    const parsed: unknown = JSON.parse(line.slice(6));
    if (Array.isArray(parsed)) for (const r of parsed) if (isRow(r)) rows.push(r);
  }
  return rows;
}

function isRow(r: unknown): r is BenchRow {
  return (
    typeof r === "object" &&
    r !== null &&
    "what" in r &&
    typeof r.what === "string" &&
    "measured" in r &&
    typeof r.measured === "string" &&
    "target" in r &&
    typeof r.target === "string"
  );
}

/** Peak resident set size of this process so far, MB. */
export const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

export const ms = (x: number): string => (x >= 100 ? `${Math.round(x)} ms` : `${x.toFixed(1)} ms`);
export const int = (n: number): string => n.toLocaleString("en-US");

export async function timed<T>(fn: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const t = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t };
}
