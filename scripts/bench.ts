/**
 * `npm run bench` — measured scale (docs/PERFORMANCE.md). Numbers, not pass/fail: each measurement runs in
 * its own process, one after another, and this prints one Markdown table with the machine it
 * ran on (docs/PERFORMANCE.md keeps the last one, explained).
 *   npm run bench [-- --only <measurements>]   (`npm run bench -- --help` lists them)
 * Sources: scripts/bench-evaluate.ts, bench-nop.ts, bench-webapp.ts, bench-charts-workers.ts (ours); test/ingest/bench-ingest.ts,
 * scripts/bench-fanout.ts and scripts/bench-charts.ts (their owners'), read from their output.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { parseEmitted, type BenchRow } from "./bench-lib.js";
import { chartRows, fanoutRows, xlsxRows } from "./bench-parse.js";

function run(label: string, args: string[]): string | undefined {
  process.stderr.write(`bench: ${label}…\n`);
  const r = spawnSync(process.execPath, ["--import", "tsx", ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (r.status !== 0) process.stderr.write(`bench: ${label} exited with ${r.status}\n`);
  return r.stdout;
}

const steps: { key: string; rows: () => BenchRow[] }[] = [
  { key: "evaluate", rows: () => parseEmitted(run("national re-evaluation", ["scripts/bench-evaluate.ts"]) ?? "") },
  {
    key: "nop-sqlite",
    rows: () => parseEmitted(run("/nop on SQLite", ["scripts/bench-nop.ts", "--db", "sqlite"]) ?? ""),
  },
  {
    key: "nop-postgres",
    rows: () => {
      execFileSync("bash", ["scripts/test-pg.sh", "start"], { stdio: ["ignore", "ignore", "inherit"] });
      if (!process.env.TEST_DATABASE_URL && !existsSync("data/test-pg-url")) {
        return [
          {
            what: "/nop end to end, PostgreSQL",
            measured: "not run: no PostgreSQL (scripts/test-pg.sh)",
            target: "p99 < 100 ms",
          },
        ];
      }
      return parseEmitted(run("/nop on PostgreSQL", ["scripts/bench-nop.ts", "--db", "postgres"]) ?? "");
    },
  },
  {
    key: "burst-sqlite",
    rows: () => parseEmitted(run("/nop burst on SQLite", ["scripts/bench-nop.ts", "--db", "sqlite", "--burst"]) ?? ""),
  },
  {
    key: "burst-postgres",
    rows: () => {
      execFileSync("bash", ["scripts/test-pg.sh", "start"], { stdio: ["ignore", "ignore", "inherit"] });
      if (!process.env.TEST_DATABASE_URL && !existsSync("data/test-pg-url")) {
        return [
          {
            what: "/nop burst, PostgreSQL",
            measured: "not run: no PostgreSQL (scripts/test-pg.sh)",
            target: "p99 < 300 ms",
          },
        ];
      }
      return parseEmitted(
        run("/nop burst on PostgreSQL", ["scripts/bench-nop.ts", "--db", "postgres", "--burst"]) ?? "",
      );
    },
  },
  {
    key: "xlsx",
    rows: () => xlsxRows(run("20,000-row .xlsx (test/ingest/bench-ingest.ts)", ["test/ingest/bench-ingest.ts"]) ?? ""),
  },
  {
    key: "fanout",
    rows: () =>
      fanoutRows(
        run("digest fan-out to 4,000 chats (scripts/bench-fanout.ts)", [
          "scripts/bench-fanout.ts",
          "--chats",
          "4000",
        ]) ?? "",
      ),
  },
  {
    key: "webapp",
    rows: () =>
      parseEmitted(run("Mini App page for a province (scripts/bench-webapp.ts)", ["scripts/bench-webapp.ts"]) ?? ""),
  },
  {
    key: "charts",
    rows: () => [
      ...(existsSync("scripts/bench-charts.ts")
        ? chartRows(run("charts, one thread (scripts/bench-charts.ts)", ["scripts/bench-charts.ts", "100"]) ?? "")
        : []),
      ...parseEmitted(run("charts on every core (worker threads)", ["scripts/bench-charts-workers.ts", "10"]) ?? ""),
    ],
  },
];

const USAGE = `usage: npm run bench [-- --only ${steps.map((s) => s.key).join(",")}]`;

function usage(problem?: string): never {
  if (problem) process.stderr.write(`bench: ${problem}\n`);
  process.stderr.write(`${USAGE}\n`);
  process.exit(problem ? 2 : 0);
}

function optionsOf(argv: string[]): { only?: string; help?: boolean } {
  try {
    return parseArgs({ args: argv, options: { only: { type: "string" }, help: { type: "boolean", short: "h" } } })
      .values;
  } catch (e) {
    return usage(e instanceof Error ? e.message : String(e));
  }
}

const values = optionsOf(process.argv.slice(2));
if (values.help) usage();
const only = values.only ? new Set(values.only.split(",")) : undefined;

const unknown = [...(only ?? [])].filter((k) => !steps.some((s) => s.key === k));
if (unknown.length > 0) usage(`unknown measurement: ${unknown.join(", ")}`);

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
const started = new Date();
const load = os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(" ");
const rows: BenchRow[] = [];
for (const s of steps) if (!only || only.has(s.key)) rows.push(...s.rows());

const mem = Math.round(os.totalmem() / 2 ** 30);
const distro = existsSync("/etc/debian_version")
  ? `Debian ${readFileSync("/etc/debian_version", "utf8").trim()}`
  : os.type();
console.log(
  `\nMachine: ${os.availableParallelism()} cores (nproc), ${cpu}, ${mem} GiB RAM, ${distro}, Node ${process.version}`,
);
console.log(
  `Run: ${started.toISOString()}, load average at start ${load}, ${Math.round((Date.now() - started.getTime()) / 1000)} s\n`,
);
console.log("| measurement | measured | target | |");
console.log("|---|---|---|---|");
for (const r of rows) {
  const mark = r.ok === undefined ? "" : r.ok ? "✓" : "✗";
  console.log(`| ${r.what} | ${r.measured}${r.note ? ` — ${r.note}` : ""} | ${r.target} | ${mark} |`);
}
