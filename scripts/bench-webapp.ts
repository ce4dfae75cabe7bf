/**
 * The Mini App page for one province (docs/WEBAPP.md "Trang", docs/PERFORMANCE.md): `view()` of the
 * page module for a leader whose scope is a province of ~115 units, on the national dataset
 * (scripts/bench-dataset.ts) in SQLite, p50/p95 over `--n` calls after a warm-up; and the bytes a
 * phone downloads: the shell, the view's JSON (HTML + chart data), the page's own assets, and
 * chart.js (cacheable, counted apart). Gzip sizes too, for a proxy that compresses.
 *   npx tsx scripts/bench-webapp.ts [--n 60]
 */
import { mkdtempSync, rmSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { openDatabase } from "../src/db/client.js";
import { createLogger } from "../src/logger.js";
import { createCatalogHolder } from "../src/services/catalogHolder.js";
import type { AppDeps } from "../src/services/context.js";
import { createUseCases } from "../src/services/useCases.js";
import { createDashboardPage } from "../src/webapp/page/index.js";
import { nationalUnits } from "./bench-dataset.js";
import { emit, ms, percentile } from "./bench-lib.js";
import { loadNational } from "./bench-load.js";

const { values } = parseArgs({ options: { n: { type: "string", default: "60" } } });
const N = Number(values.n);
const dir = mkdtempSync(path.join(tmpdir(), "dondoc-bench-webapp-"));
const url = `file:${path.join(dir, "webapp.db")}`;
const db = await openDatabase(url);
const units = nationalUnits();
await loadNational(db, url, units);
const deps: AppDeps = {
  prisma: db.prisma,
  catalog: await createCatalogHolder(db.prisma),
  // The dataset's last month is 11/2026: the page then shows it against 10/2026.
  clock: { now: () => new Date("2026-11-20T09:00:00+07:00") },
  logger: createLogger("silent"),
  adminIds: [],
  kickDelivery: () => undefined,
};
const page = createDashboardPage({ uc: createUseCases(deps) });
const root = "T01";
const size = units.filter((u) => u.parentCode === root).length;
const scope = { userId: 1n, kind: "leader" as const, chatId: null, rootUnitIds: [root], subtree: true };

for (let i = 0; i < 5; i++) await page.view(scope, {});
const times: number[] = [];
let body = "";
const load = os.loadavg()[0] ?? 0;
const cpu0 = process.cpuUsage();
for (let i = 0; i < N; i++) {
  const t = performance.now();
  body = JSON.stringify(await page.view(scope, {}));
  times.push(performance.now() - t);
}
const cpu = process.cpuUsage(cpu0);
// CPU time per call: what the page costs the machine, whatever else shares its cores.
const cpuMs = (cpu.user + cpu.system) / 1000 / N;
times.sort((a, b) => a - b);
const own = await Promise.all(["app.js", "charts.js", "app.css"].map((n) => page.asset(n)));
const chart = await page.asset("chart.umd.js");
const shell = Buffer.byteLength(page.shell());
const ownBytes = own.reduce((s, a) => s + (a?.body.byteLength ?? 0), 0);
const ownGzip = own.reduce((s, a) => s + (a ? gzipSync(a.body).byteLength : 0), 0);
const viewBytes = Buffer.byteLength(body);
const total = shell + viewBytes + ownBytes;
const chartBytes = chart?.body.byteLength ?? 0;
const kb = (b: number) => `${Math.round(b / 1024)} KB`;
const p95 = percentile(times, 95);
emit([
  {
    what: `Mini App page view(), a province of ${size} units, national data, SQLite`,
    measured: `p50 ${ms(percentile(times, 50))}, p95 ${ms(p95)} (${N} calls), CPU ${ms(cpuMs)} a call, load average ${load.toFixed(1)}`,
    target: "p95 < 150 ms",
    ok: p95 < 150,
  },
  {
    what: "Mini App page bytes for that province (shell + view JSON + own JS/CSS)",
    measured: `${kb(total)} (view ${kb(viewBytes)}); with chart.js ${kb(total + chartBytes)}; gzip ${kb(gzipSync(page.shell()).byteLength + gzipSync(body).byteLength + ownGzip)}, with chart.js ${kb(gzipSync(page.shell()).byteLength + gzipSync(body).byteLength + ownGzip + (chart ? gzipSync(chart.body).byteLength : 0))}`,
    target: "< 300 KB",
    ok: total + chartBytes < 300 * 1024,
    note: "chart.js is cached after the first visit",
  },
]);
await db.close();
rmSync(dir, { recursive: true, force: true });
