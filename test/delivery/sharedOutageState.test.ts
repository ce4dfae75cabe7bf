/**
 * The shared outage row, one instance's view of it at a time (src/delivery/sharedOutage.ts):
 * who waits, who probes, when a pause left behind lapses — also when the clock cannot be trusted
 * to get there (frozen in a sandbox, set back by a correction) — and the hand-over on a stop.
 */
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createManualClock, type Clock } from "../../src/clock.js";
import { OUTAGE_LEASE, RECHECK_MS, SharedOutage } from "../../src/delivery/sharedOutage.js";
import { createTestDb } from "../helpers/db.js";

type TestDb = Awaited<ReturnType<typeof createTestDb>>;
const T0 = new Date("2026-12-07T01:00:00Z");
const TAKEOVER_MS = 5_000;
const PROBE_MAX_MS = 2_000;

let db: TestDb;
beforeEach(async () => {
  db = await createTestDb();
});
afterEach(async () => db.cleanup());

/** An instance's view, with its own real-time timeline `real.t`. */
function view(instanceId: string, clock: Clock, real = { t: 0 }): { s: SharedOutage; real: { t: number } } {
  const s = new SharedOutage(
    {
      prisma: db.prisma,
      clock,
      instanceId,
      logger: pino({ level: "silent" }),
      takeoverMs: TAKEOVER_MS,
      probeMaxMs: PROBE_MAX_MS,
    },
    () => real.t,
  );
  return { s, real };
}

const row = () => db.prisma.lease.findUnique({ where: { name: OUTAGE_LEASE } });

describe("the shared outage row", () => {
  it("declared by A: B waits (looking again every RECHECK_MS), A goes on; A's success clears it for B", async () => {
    const clock = createManualClock(T0);
    const a = view("a", clock);
    const b = view("b", clock);
    expect(await b.s.waitMs()).toBe(0);
    await a.s.declare(1_000);
    // B found no row a moment ago: it does not ask again before RECHECK_MS.
    expect(await b.s.waitMs()).toBe(0);
    b.real.t += RECHECK_MS;
    expect(await row()).toMatchObject({ holder: "a", expiresAt: new Date(T0.getTime() + 1_000 + TAKEOVER_MS) });
    expect(await a.s.waitMs()).toBe(0);
    expect(a.s.paused).toBe(false);
    expect(await b.s.waitMs()).toBe(RECHECK_MS);
    expect(b.s.paused).toBe(true);
    expect(await b.s.followOnFailure()).toBe(true);
    // B found it at a failure first: B's own declaration does not take A's row.
    await b.s.declare(500);
    expect((await row())?.holder).toBe("a");
    await a.s.over();
    expect(await row()).toBeNull();
    expect(await b.s.waitMs()).toBe(0);
    expect(b.s.paused).toBe(false);
  });

  it("a dead holder's row lapses by the clock: one instance of two takes it over and probes", async () => {
    const clock = createManualClock(T0);
    await db.prisma.lease.create({
      data: { name: OUTAGE_LEASE, holder: "dead", expiresAt: new Date(T0.getTime() + 2_000) },
    });
    const b = view("b", clock);
    const c = view("c", clock);
    expect(await b.s.waitMs()).toBe(RECHECK_MS);
    expect(await c.s.waitMs()).toBe(RECHECK_MS);
    clock.advanceBy(2_000);
    const [wb, wc] = await Promise.all([b.s.waitMs(), c.s.waitMs()]);
    // One wins the conditional update and probes; the other waits on the winner's new row.
    expect([wb, wc].filter((ms) => ms === 0)).toHaveLength(1);
    const holder = (await row())?.holder;
    expect(["b", "c"]).toContain(holder);
    const loser = holder === "b" ? c : b;
    expect(await loser.s.waitMs()).toBe(RECHECK_MS);
    expect(loser.s.paused).toBe(true);
  });

  it("a row lapses by real time when the clock is set back after the row was seen", async () => {
    await db.prisma.lease.create({
      data: { name: OUTAGE_LEASE, holder: "dead", expiresAt: new Date(T0.getTime() + 2_000) },
    });
    const setBack = { t: T0.getTime() };
    const c = view("c", { now: () => new Date(setBack.t) });
    expect(await c.s.waitMs()).toBe(RECHECK_MS);
    setBack.t -= 3_600_000;
    c.real.t += 1_999;
    expect(await c.s.waitMs()).toBe(1);
    c.real.t += 1;
    expect(await c.s.waitMs()).toBe(0);
    expect((await row())?.holder).toBe("c");
  });

  it("a row lapses by real time when the clock is frozen", async () => {
    await db.prisma.lease.create({
      data: { name: OUTAGE_LEASE, holder: "dead", expiresAt: new Date(T0.getTime() + 2_000) },
    });
    const b = view("b", createManualClock(T0));
    expect(await b.s.waitMs()).toBe(RECHECK_MS);
    b.real.t += 2_000;
    expect(await b.s.waitMs()).toBe(0);
    expect((await row())?.holder).toBe("b");
  });

  it("a row written for longer than any instance would (a skewed clock) is waited for no longer than the longest pause", async () => {
    await db.prisma.lease.create({
      data: { name: OUTAGE_LEASE, holder: "skewed", expiresAt: new Date(T0.getTime() + 3_600_000) },
    });
    const b = view("b", createManualClock(T0));
    expect(await b.s.waitMs()).toBe(RECHECK_MS);
    b.real.t += PROBE_MAX_MS + TAKEOVER_MS;
    expect(await b.s.waitMs()).toBe(0);
    expect((await row())?.holder).toBe("b");
  });

  it("a graceful stop hands the probing over at once", async () => {
    const clock = createManualClock(T0);
    const a = view("a", clock);
    const b = view("b", clock);
    await a.s.declare(1_000);
    expect(await b.s.waitMs()).toBe(RECHECK_MS);
    await a.s.handOver();
    expect(await b.s.waitMs()).toBe(0);
    expect((await row())?.holder).toBe("b");
  });
});
