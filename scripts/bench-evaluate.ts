/**
 * Full re-evaluation of a national deployment (docs/PERFORMANCE.md): every unit × indicator against every
 * binding milestone, for the latest month (what a digest or /tinhtrang of the whole country
 * needs) and for all 12 months (a re-evaluation after a directive changes). Pure engine time,
 * then the latest month read from the database (SQLite) as a job would.
 *   npx tsx scripts/bench-evaluate.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "../src/db/client.js";
import { countLevels, createEvaluator, type Evaluation, type Figures } from "../src/domain/evaluation/index.js";
import { INDICATORS, MONTHS, nationalDirectives, nationalFigures, nationalUnits } from "./bench-dataset.js";
import { emit, int, ms, peakRssMb, timed } from "./bench-lib.js";
import { loadNational } from "./bench-load.js";
import { benchIndex, scoreAll } from "./bench-index.js";
import { previousMonth } from "../src/domain/month.js";

const units = nationalUnits();
const directives = nationalDirectives(units);
const milestones = directives.reduce((a, d) => a + d.milestones.length, 0);
// period → unit → indicator: how a re-evaluation would hold a month's figures (no key built per lookup).
type FigureIndex = Map<string, Map<string, Map<string, Figures>>>;
function indexFigures(
  rows: Iterable<{ unitCode: string; indicatorCode: string; period: string; figures: Figures }>,
): FigureIndex {
  const index: FigureIndex = new Map();
  for (const r of rows) {
    let byUnit = index.get(r.period);
    if (!byUnit) index.set(r.period, (byUnit = new Map()));
    let byIndicator = byUnit.get(r.unitCode);
    if (!byIndicator) byUnit.set(r.unitCode, (byIndicator = new Map()));
    byIndicator.set(r.indicatorCode, r.figures);
  }
  return index;
}
const figures = indexFigures(nationalFigures(units));
const monthEnd = (m: string): string => {
  const [y, mo] = m.split("-").map(Number);
  return new Date(Date.UTC(y ?? 2026, mo ?? 1, 0)).toISOString().slice(0, 10);
};

/**
 * Each call gets its own evaluator: it remembers which milestones bind a unit
 * (src/domain/evaluation/evaluator.ts), and a fresh one measures what a job that has just loaded
 * the catalog pays, not a warm cache.
 */
function evaluateAll(periods: readonly string[], index: FigureIndex): Evaluation[] {
  const evaluator = createEvaluator([...directives]);
  const out: Evaluation[] = [];
  for (const period of periods) {
    const asOf = monthEnd(period);
    const byUnit = index.get(period);
    for (const u of units) {
      const byIndicator = byUnit?.get(u.code);
      for (const indicatorCode of INDICATORS) {
        const f = byIndicator?.get(indicatorCode) ?? null;
        out.push(evaluator.evaluate({ unit: { code: u.code, tier: u.tier }, indicatorCode, figures: f, asOf }));
      }
    }
  }
  return out;
}

evaluateAll(["2026-11"], figures); // warm-up: JIT, not data
const heap0 = process.memoryUsage().heapUsed;
const latest = await timed(() => evaluateAll(["2026-11"], figures));
const levels = countLevels(latest.value);
const full = await timed(() => evaluateAll(MONTHS, figures));
const heapMb = Math.round((process.memoryUsage().heapUsed - heap0) / 1e6);

// The scored index over the same figures: what it adds to a re-evaluation (docs/INDEX.md "Trong nhóm chat").
const index = benchIndex();
scoreAll(index, units, ["2026-11"], figures, previousMonth); // warm-up
const indexFull = await timed(() => scoreAll(index, units, MONTHS, figures, previousMonth));

// The same from the database: what a job would do on a running deployment.
const dir = mkdtempSync(path.join(tmpdir(), "dondoc-bench-eval-"));
const url = `file:${path.join(dir, "national.db")}`;
const db = await openDatabase(url);
const gen = await timed(() => loadNational(db, url, units));
const fromDb = await timed(async () => {
  const rows = await db.prisma.figure.findMany({
    where: { period: "2026-11" },
    select: { unitCode: true, indicatorCode: true, period: true, numerator: true, denominator: true },
  });
  const m = indexFigures(rows.map((r) => ({ ...r, figures: { numerator: r.numerator, denominator: r.denominator } })));
  return evaluateAll(["2026-11"], m).length;
});
await db.close();
rmSync(dir, { recursive: true, force: true });

const n1 = latest.value.length;
const n12 = full.value.length;
emit([
  {
    what: `Re-evaluation, latest month: ${int(units.length)} units × 6 indicators, ${milestones} milestones in ${directives.length} directives`,
    measured: `${ms(latest.ms)} (${int(n1)} evaluations; ${levels.xanh} xanh / ${levels.do} đỏ)`,
    target: "< 1 s",
    ok: latest.ms < 1000,
  },
  {
    what: "Full re-evaluation: every unit × indicator × 12 months",
    measured: `${ms(full.ms)} (${int(n12)} evaluations, +${heapMb} MB heap, peak RSS ${peakRssMb()} MB)`,
    target: "< 1 s",
    ok: full.ms < 1000,
  },
  {
    what: `Index: ${int(units.length)} units × 12 months (score, groups, gains, month before)`,
    measured: `${ms(indexFull.ms)} (${int(indexFull.value)} unit-months, ${index.components.length} components) — re-evaluation ${ms(full.ms)}`,
    target: "< the full re-evaluation",
    ok: indexFull.ms < full.ms,
  },
  {
    what: "  … latest month read from SQLite (load + evaluate)",
    measured: `${ms(fromDb.ms)} (${int(fromDb.value)} evaluations)`,
    target: "—",
    note: `dataset written in ${ms(gen.ms)}: ${int(gen.value.figures)} figures, ${int(gen.value.dossiers)} dossiers`,
  },
]);
