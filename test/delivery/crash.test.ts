/**
 * Crash mid-fan-out (docs/SCHEDULES.md): a worker process is SIGKILLed while requests are in flight;
 * a new worker finishes the job and every chat ends with exactly one digest.
 *
 * A proxy between the doomed worker and the emulator holds requests once the test says so:
 * held requests never reach "Telegram", so their rows are stuck in "sending" under a lease
 * that must expire before they are retried. (A kill that lands after Telegram accepted a
 * message but before markSent commits would duplicate it; that window is documented in
 * src/delivery/deliver.ts and is not what this test is about.)
 */
import { spawn } from "node:child_process";
import { afterEach, beforeEach, expect, it } from "vitest";
import { enqueue } from "../../src/delivery/outbox.js";
import { startHoldingProxy, type HoldingProxy } from "../helpers/holdingProxy.js";
import { sentCounts, startWorld, TOKEN, type World } from "./setup.js";

const N = 500;
const LEASE_MS = 1_500;
const GROUPS = Array.from({ length: N }, (_, i) => -100_000 - i);

let w: World;
let proxy: HoldingProxy;
beforeEach(async () => {
  w = await startWorld();
  await w.addGroups(GROUPS);
  proxy = await startHoldingProxy(w.emu.url);
});
afterEach(async () => {
  await proxy.close();
  await w.stop();
});

it("kill -9 mid-fan-out, restart: every chat gets exactly one message", { timeout: 120_000 }, async () => {
  for (const id of GROUPS) {
    await enqueue(w.db.prisma, {
      dedupKey: `digest:2026-W47:chat:${id}`,
      chatId: BigInt(id),
      kind: "digest",
      method: "sendMessage",
      payload: { text: "Tổng hợp tuần 47" },
    });
  }
  const child = spawn(process.execPath, ["--import", "tsx", "test/delivery/fixtures/crashWorker.ts"], {
    env: {
      ...process.env,
      CRASH_DB_URL: w.db.url,
      CRASH_API_ROOT: proxy.url,
      CRASH_TOKEN: TOKEN,
      CRASH_LEASE_MS: String(LEASE_MS),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const total = (): number => sentCounts(w.emu, GROUPS).reduce((a, b) => a + b, 0);
  await w.emu.waitFor(() => total() >= N / 3, { timeoutMs: 20_000, label: "a third delivered" });
  proxy.hold();
  // Answers already on their way reach the doomed worker and are recorded: every message
  // Telegram accepted has its row marked sent (else a row sent but "sending" would go twice).
  await proxy.settled();
  await expect
    .poll(() => w.db.prisma.outboxMessage.count({ where: { status: "sent" } }), { timeout: 10_000, interval: 20 })
    .toBe(total());
  child.kill("SIGKILL");
  await exited;

  const before = total();
  expect(before).toBeLessThan(N);
  const stuck = await w.db.prisma.outboxMessage.count({ where: { status: "sending", lockedBy: "doomed" } });
  expect(stuck).toBeGreaterThan(0);

  // The doomed worker's leases lapse LEASE_MS after its last claim: the new worker's clock starts
  // at that moment rather than the test waiting for it in real time.
  const leased = await w.db.prisma.outboxMessage.aggregate({
    where: { lockedBy: "doomed" },
    _max: { lockedUntil: true },
  });
  const ahead = Math.max(0, (leased._max.lockedUntil?.getTime() ?? 0) + 1 - Date.now());
  const stats = await w
    .worker({
      clock: { now: () => new Date(Date.now() + ahead) },
      limits: {
        global: 200,
        globalWindowMs: 1000,
        group: 20,
        groupWindowMs: 61_000,
        private: 1,
        privateWindowMs: 1_050,
      },
    })
    .drainOnce();
  expect(stats.sent).toBe(N - before);
  expect(sentCounts(w.emu, GROUPS).every((n) => n === 1)).toBe(true);
  expect(await w.db.prisma.outboxMessage.count({ where: { status: "sent" } })).toBe(N);
});
