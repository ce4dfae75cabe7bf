/**
 * Fan-out benchmark (docs/SCHEDULES.md) — a measurement, not a test: 4,000 group chats, one digest
 * each, through the real outbox and delivery worker against the Bot API emulator in
 * rate-limit mode (30 msg/s per bot, 20 msg/min per group). Prints throughput vs the limit,
 * lost, duplicated, and the 429s Telegram would have sent.
 *
 *   npm run bench:fanout [-- --chats 4000]
 *
 * `--storm500 <s>`: Telegram answers HTTP 500 to every call for the first <s> seconds of the
 * fan-out (the default retry policy, real time). Prints how long after the storm the queue
 * started moving and finished, and the alerts administrators would have got.
 *
 *   npm run bench:fanout -- --chats 220 --storm500 60
 *
 * `--lock <s>`: once 20 messages are out, another connection holds SQLite's write lock for <s>
 * seconds (BEGIN IMMEDIATE), so markSent fails with SQLITE_BUSY after Telegram accepted a
 * message. Runs the production loop (start), which rides out the failed claims meanwhile.
 *
 *   npm run bench:fanout -- --chats 220 --lock 10
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { Api } from "grammy";
import { botApiClient } from "../src/bot/botApiFetch.js";
import pino from "pino";
import { systemClock } from "../src/clock.js";
import { openDatabase } from "../src/db/client.js";
import { enqueue } from "../src/delivery/outbox.js";
import { createDeliveryWorker } from "../src/delivery/worker.js";
import { startEmulator } from "../src/emulator/index.js";

const TOKEN = "123456789:BENCH-token-AAAAAAAAAAAAAAAAAAAAAAAAA";
const LIMIT_PER_SECOND = 30;

const { values } = parseArgs({
  options: {
    chats: { type: "string", default: "4000" },
    storm500: { type: "string", default: "0" },
    lock: { type: "string", default: "0" },
  },
});
const chats = Number(values.chats);
if (!Number.isInteger(chats) || chats < 1) throw new Error("--chats must be a positive integer");
const stormSeconds = Number(values.storm500);
if (!Number.isFinite(stormSeconds) || stormSeconds < 0) throw new Error("--storm500 must be a number of seconds ≥ 0");
const lockSeconds = Number(values.lock);
if (!Number.isFinite(lockSeconds) || lockSeconds < 0) throw new Error("--lock must be a number of seconds ≥ 0");

const dir = mkdtempSync(path.join(tmpdir(), "dondoc-bench-"));
const dbFile = path.join(dir, "bench.db");
const db = await openDatabase(`file:${dbFile}`);
const emu = await startEmulator({ token: TOKEN, botUsername: "dondoc_bench_bot" });
emu.setRateLimit({ perSecond: LIMIT_PER_SECOND, perGroupPerMinute: 20 });
const ids = Array.from({ length: chats }, (_, i) => -1_000_000_000_000 - i);
for (const id of ids) emu.addChat({ id, type: "supergroup", title: `Đơn vị ${-id}` });
await db.prisma.chat.createMany({ data: ids.map((id) => ({ chatId: BigInt(id), type: "supergroup", kind: "unit" })) });

const t0 = performance.now();
for (const id of ids) {
  await enqueue(db.prisma, {
    dedupKey: `digest:2026-W47:chat:${id}`,
    chatId: BigInt(id),
    kind: "digest",
    method: "sendMessage",
    payload: { text: "<b>Tổng hợp tuần 47</b>\nTỷ lệ hồ sơ trực tuyến: 79,2%", parse_mode: "HTML" },
  });
}
const enqueueMs = performance.now() - t0;

const alerts: string[] = [];
const worker = createDeliveryWorker({
  prisma: db.prisma,
  dialect: db.dialect,
  api: new Api(TOKEN, botApiClient(emu.url)), // the HTTP client the app uses (createBot)
  logger: pino({ level: "silent" }),
  clock: systemClock,
  instanceId: "bench",
  onAdminAlert: (text) => void alerts.push(text),
});
let stormEnd: number | undefined;
let firstAfterStorm: number | undefined;
let lastSend = 0;
let refused500 = 0;
emu.on("request", (r) => {
  if (r.method !== "sendMessage") return;
  if (r.status === 500) refused500 += 1;
  if (r.status !== 200) return;
  lastSend = performance.now();
  if (stormEnd !== undefined) firstAfterStorm ??= lastSend;
});
function startStorm(): NodeJS.Timeout {
  emu.faults.add({ method: "*", times: Number.MAX_SAFE_INTEGER, fault: { kind: "server_error", status: 500 } });
  return setTimeout(() => {
    emu.faults.clear();
    stormEnd = performance.now();
  }, stormSeconds * 1000);
}
const storm = stormSeconds > 0 ? startStorm() : undefined;
const progress = setInterval(() => {
  const s = worker.stats();
  process.stderr.write(`\r  sent ${s.sent}/${chats}  429s ${s.rateLimited}   `);
}, 1000);
const t1 = performance.now();
let locked: "no" | "held" | "released" = "no";
const holdLock = (): void => {
  if (lockSeconds <= 0 || locked !== "no" || worker.stats().sent < 20) return;
  const other = new Database(dbFile);
  other.exec("BEGIN IMMEDIATE");
  locked = "held";
  setTimeout(() => {
    other.exec("COMMIT");
    other.close();
    locked = "released";
  }, lockSeconds * 1000);
};
const settled = async (): Promise<void> => {
  worker.start();
  while (
    (await db.prisma.outboxMessage.count({ where: { status: { in: ["pending", "sending"] } } }).catch(() => 1)) > 0 ||
    locked === "held"
  ) {
    await new Promise((r) => setTimeout(r, 50));
  }
};
if (lockSeconds > 0) emu.on("request", holdLock);
const stats = lockSeconds > 0 ? await settled().then(() => worker.stats()) : await worker.drainOnce();
const seconds = (performance.now() - t1) / 1000;
clearInterval(progress);
clearTimeout(storm);
process.stderr.write("\n");

const counters = emu.counters();
const perChat = ids.map((id) => counters[id]?.sent ?? 0);
const lost = perChat.filter((n) => n === 0).length;
const duplicated = perChat.filter((n) => n > 1).length;
const rejected = ids.reduce((a, id) => a + (counters[id]?.rejected ?? 0), 0);
const rate = stats.sent / seconds;

console.log(`fan-out to ${chats} group chats (emulator rate-limit mode: ${LIMIT_PER_SECOND} msg/s, 20 msg/min/group)`);
console.log(
  `  enqueue:          ${(enqueueMs / 1000).toFixed(1)} s (${Math.round(chats / (enqueueMs / 1000))} rows/s)`,
);
console.log(`  delivery:         ${seconds.toFixed(1)} s`);
console.log(
  `  throughput:       ${rate.toFixed(1)} msg/s (${((rate / LIMIT_PER_SECOND) * 100).toFixed(1)}% of ${LIMIT_PER_SECOND}/s)`,
);
console.log(`  delivered:        ${perChat.filter((n) => n === 1).length}`);
console.log(`  lost:             ${lost}`);
console.log(`  duplicated:       ${duplicated}`);
console.log(`  429s received:    ${stats.rateLimited} (emulator rejected ${rejected})`);
console.log(`  failed/dropped:   ${stats.failed}/${stats.dropped}`);
if (lockSeconds > 0)
  console.log(`  write lock:       ${lockSeconds} s (BEGIN IMMEDIATE on another connection) after 20 sends`);
if (stormSeconds > 0) {
  const after = (t: number | undefined): string =>
    t === undefined || stormEnd === undefined ? "—" : `${((t - stormEnd) / 1000).toFixed(1)} s`;
  console.log(
    `  storm:            HTTP 500 on every call for ${stormSeconds} s; ${refused500} sends refused, ${stats.retried} retries`,
  );
  console.log(`  after the storm:  first delivery ${after(firstAfterStorm)}, last ${after(lastSend)}`);
  console.log(`  admin alerts:     ${alerts.length}`);
}

await worker.stop();
await emu.stop();
await db.close();
rmSync(dir, { recursive: true, force: true });
process.exitCode = lost === 0 && duplicated === 0 ? 0 : 1;
