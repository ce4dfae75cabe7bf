/**
 * `/nop` end to end (docs/PERFORMANCE.md): an officer's message enters the emulator, the real bot (the
 * app's lease-guarded long polling, createBot, submitFigures, evaluation) answers, and the answer
 * lands back in the emulator. Latency = inject → the bot's reply recorded. The database holds the
 * national dataset, so the figure upsert and the catalog are national-size.
 * `--burst`: officers reporting at once — 200 /nop in 100 chats injected together, `--n` bursts;
 * latency of each = its injection → its own answer (a chat answers in order, src/bot/concurrency.ts).
 *   npx tsx scripts/bench-nop.ts --db sqlite|postgres [--n 300] [--burst] [--profile out.cpuprofile]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createBot } from "../src/bot/createBot.js";
import { openDatabase } from "../src/db/client.js";
import { createDatabase, dropDatabase } from "../src/db/postgres.js";
import { startLeaderPolling } from "../src/instance/polling.js";
import { createLogger } from "../src/logger.js";
import { createCatalogHolder } from "../src/services/catalogHolder.js";
import type { AppDeps } from "../src/services/context.js";
import { createAppServices } from "../src/services/useCases.js";
import { nationalUnits } from "./bench-dataset.js";
import { emit, ms, percentile } from "./bench-lib.js";
import { loadNational } from "./bench-load.js";
import { startTelegram, threadCpuMs } from "./bench-nop-worker.js";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "sqlite" },
    n: { type: "string" },
    burst: { type: "boolean", default: false },
    concurrency: { type: "string" }, // updates at once over all chats; 1 = as before chats were served side by side
    emulator: { type: "string", default: "thread" }, // "inline": on the bot's thread, as before (bench-nop-telegram.ts)
    profile: { type: "string" }, // writes a .cpuprofile of the bot's thread, taken only while the timed messages run
  },
});
const BURST = values.burst;
const N = Number(values.n ?? (BURST ? "3" : "300"));
const TOKEN = "123456789:BENCH-nop-token-AAAAAAAAAAAAAAAAAAAAAAA";
const OFFICER = 7001;
const CHATS = BURST ? 100 : 20;
const PER_CHAT = 2; // a burst: 200 /nop in 100 chats

let url: string;
let cleanup: () => Promise<void>;
if (values.db === "postgres") {
  const admin = process.env.TEST_DATABASE_URL ?? readFileSync("data/test-pg-url", "utf8").trim();
  const name = `dondoc_bench_${process.pid}`;
  url = await createDatabase(admin, name);
  cleanup = () => dropDatabase(admin, name);
} else {
  const dir = mkdtempSync(path.join(tmpdir(), "dondoc-bench-nop-"));
  url = `file:${path.join(dir, "nop.db")}`;
  cleanup = async () => rmSync(dir, { recursive: true, force: true });
}
const db = await openDatabase(url);
const units = nationalUnits();
await loadNational(db, url, units);
const communes = units.filter((u) => u.tier === "xa").slice(0, CHATS);

for (const [i, u] of communes.entries()) {
  await db.prisma.chat.create({
    data: { chatId: BigInt(-100_700 - i), type: "supergroup", title: u.name, kind: "unit", unitCode: u.code },
  });
}
const telegram = await startTelegram(values.emulator === "inline", {
  token: TOKEN,
  officer: OFFICER,
  chats: communes.map((u, i) => ({ id: -100_700 - i, title: u.name })),
});
const logger = createLogger("silent");
const deps: AppDeps = {
  prisma: db.prisma,
  catalog: await createCatalogHolder(db.prisma),
  clock: { now: () => new Date() },
  logger,
  adminIds: [],
  kickDelivery: () => undefined,
};
const bot = createBot(createAppServices(deps), { token: TOKEN, apiRoot: telegram.url });
await bot.init();
const polling = await startLeaderPolling({
  bot,
  prisma: db.prisma,
  logger,
  holder: "bench",
  ...(values.concurrency ? { concurrency: Number(values.concurrency) } : {}),
});

let failed = 0; // answers that are the bot's "internal error" text: a burst must not buy speed with errors
const burstSamples: number[] = [];
async function burst(round: number): Promise<void> {
  const messages: { chatId: number; text: string }[] = [];
  for (let k = 0; k < PER_CHAT; k++)
    for (let c = 0; c < CHATS; c++)
      messages.push({ chatId: -100_700 - c, text: `/nop ${500 + round * 7 + k} ${300 + c}` });
  const r = await telegram.send({ type: "burst", messages });
  burstSamples.push(...r.ms);
  failed += r.failed;
}
async function once(i: number): Promise<number> {
  const text = `/nop ${400 + (i % 50)} ${300 + (i % 40)}`;
  const r = await telegram.send({ type: "once", chatId: -100_700 - (i % CHATS), text });
  failed += r.failed;
  return r.ms[0] ?? Number.NaN;
}

for (let i = 0; i < 30; i++) await once(i); // warm-up: JIT, pools, caches
const dbName = values.db === "postgres" ? "PostgreSQL" : "SQLite";
/**
 * CPU per `/nop`, less sensitive to a busy machine than the latencies: the bot's thread (bot and
 * database), and the whole process (also the emulator's thread and V8's helper threads).
 */
const cpuPerNop = (since: { process: NodeJS.CpuUsage; thread: number }, count: number): string => {
  const used = process.cpuUsage(since.process);
  const all = (used.user + used.system) / 1000 / count;
  return `CPU per /nop: bot thread ${((threadCpuMs() - since.thread) / count).toFixed(2)} ms, process ${all.toFixed(2)} ms`;
};
const profiler = values.profile ? await startProfile() : undefined;
const cpu0 = { process: process.cpuUsage(), thread: threadCpuMs() };
if (BURST) {
  for (let r = 0; r < N; r++) await burst(r);
  const cpu = cpuPerNop(cpu0, N * CHATS * PER_CHAT);
  const samples = burstSamples.sort((a, b) => a - b);
  const p99 = percentile(samples, 99);
  const limit = 300; // the target is set on SQLite; PostgreSQL is measured against the same
  emit([
    {
      what: `/nop burst: ${CHATS * PER_CHAT} at once in ${CHATS} chats, ${dbName} (${N} bursts, national dataset)`,
      measured: `p50 ${ms(percentile(samples, 50))} · p95 ${ms(percentile(samples, 95))} · p99 ${ms(p99)} · max ${ms(samples.at(-1) ?? Number.NaN)}`,
      target: `p99 < ${limit} ms`,
      ok: p99 < limit && failed === 0,
      note: `${failed} answered with an error; ${cpu}`,
    },
  ]);
} else {
  const samples: number[] = [];
  for (let i = 0; i < N; i++) samples.push(await once(i));
  const cpu = cpuPerNop(cpu0, N);
  samples.sort((a, b) => a - b);
  const p50 = percentile(samples, 50);
  const p99 = percentile(samples, 99);
  const limit = values.db === "postgres" ? 100 : 50;
  emit([
    {
      what: `/nop end to end through the emulator, ${dbName} (${N} sequential, national dataset)`,
      measured: `p50 ${ms(p50)} · p99 ${ms(p99)} · max ${ms(samples.at(-1) ?? Number.NaN)}`,
      target: `p99 < ${limit} ms`,
      ok: p99 < limit && failed === 0,
      note: `${failed} answered with an error; ${cpu}`,
    },
  ]);
}

if (profiler && values.profile) await profiler.stop(values.profile);
await polling.stop();
await telegram.stop();
await db.close();
await cleanup();

/**
 * V8's sampling profiler on the bot's thread through the inspector, started after the warm-up:
 * `node --cpu-prof` would also profile the national dataset's load, which dwarfs the bursts.
 */
async function startProfile(): Promise<{ stop: (file: string) => Promise<void> }> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  await session.post("Profiler.start");
  return {
    stop: async (file) => {
      const { profile } = await session.post("Profiler.stop");
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}
