/**
 * A Telegram outage as every instance on the database sees it (docs/RELIABILITY.md). outage.ts
 * finds the outage inside one worker; without this a second instance kept sending into it on
 * its own, one chat at a time, each of its failing chats backing off up to 60 s, while the
 * first already knew Telegram was down. The state is one row of the Lease table, OUTAGE_LEASE:
 *   - the instance that declares the outage holds the row and alone probes Telegram; each
 *     failed probe renews it until its next probe plus `takeoverMs`;
 *   - the others send nothing while it runs: they look before every claim and at their first
 *     failure, and again every RECHECK_MS while they wait;
 *   - the first success deletes it, and everyone is sending again within RECHECK_MS;
 *   - a row not renewed in time belongs to an instance that died or hangs: whoever sees it lapse
 *     takes it over with one conditional update (one instance wins) and probes in its place.
 * Lapsed by the clock (the instant is shared, like notBefore) or by real time since this
 * instance first saw that instant, whichever comes first, and never later than the longest
 * pause any instance writes: a frozen, jumping or skewed clock cannot keep an instance paused. A database error here is logged and ignored: the worker then behaves as a
 * lone instance, which finds the outage by itself.
 */
import type { Logger } from "pino";
import type { Clock } from "../clock.js";
import type { Db } from "../db/client.js";
import { acquireLease } from "../db/repos/leases.js";
import { describeError } from "./failures.js";

export const OUTAGE_LEASE = "delivery-outage";
/** How often an instance waiting on another's probes looks whether the outage is over. */
export const RECHECK_MS = 250;

export interface SharedOutageOptions {
  prisma: Db;
  clock: Clock;
  instanceId: string;
  logger: Logger;
  /** RetryPolicy.outageTakeoverMs. */
  takeoverMs: number;
  /** RetryPolicy.probeMaxMs: with takeoverMs, the longest any instance writes a row for. */
  probeMaxMs: number;
}

interface OutageRow {
  holder: string;
  expiresAt: Date;
}

export class SharedOutage {
  /** The row as last read, with the real time at which it lapses for this instance. */
  private seen: { holder: string; until: number; wakeAt: number } | undefined;
  /** This instance wrote or saw a row: its next success must delete it. */
  private known = false;
  private holder = false;
  private follower = false;
  /** Real time of the last read that found no row: claims between two looks need not ask again. */
  private clearAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly o: SharedOutageOptions,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Another instance probes for everyone: this one hands its claimed rows back and waits. */
  get paused(): boolean {
    return this.follower;
  }

  /**
   * Before a claim: how long to wait for another instance's probes, or 0 to go on. With no
   * outage known, the row is read at most every RECHECK_MS (a fan-out claims many times a
   * second); an outage declared meanwhile is found at the first failure instead.
   */
  async waitMs(): Promise<number> {
    if (!this.known && this.now() - this.clearAt < RECHECK_MS) return 0;
    const row = await this.read();
    if (!row) return 0;
    // Our own outage: the pacer's pause times our probes.
    if (row.holder === this.o.instanceId) {
      this.set("holder");
      return 0;
    }
    const left = this.leftMs(row);
    this.set("follower");
    if (left > 0) return Math.min(left, RECHECK_MS);
    // Lost the race to another instance: its new row says how long at the next look.
    return (await this.takeOver(row)) ? 0 : RECHECK_MS;
  }

  /** At a transient failure: true when another instance has declared the outage and probes. */
  async followOnFailure(): Promise<boolean> {
    if (this.holder) return false;
    const row = await this.read();
    if (row?.holder === this.o.instanceId) this.set("holder");
    if (!row || this.holder || this.leftMs(row) <= 0) return false;
    this.set("follower");
    return true;
  }

  /** This instance found the outage, or a probe failed: its next probe is in `pauseMs`. */
  async declare(pauseMs: number): Promise<void> {
    await this.safely(async () => {
      const won = await acquireLease(this.o.prisma, {
        name: OUTAGE_LEASE,
        holder: this.o.instanceId,
        now: this.o.clock.now(),
        ttlMs: pauseMs + this.o.takeoverMs,
      });
      this.known = true;
      this.set(won ? "holder" : "follower");
    }, undefined);
  }

  /** A send went through: Telegram is back for every instance. */
  async over(): Promise<void> {
    if (!this.known) return;
    this.forget();
    await this.safely(() => this.o.prisma.lease.deleteMany({ where: { name: OUTAGE_LEASE } }), undefined);
  }

  /**
   * This instance holds the outage but has nothing to probe with (every row given up or not yet
   * due): let it go, or the others would wait on a row nobody renews until it lapses, again and
   * again. Telegram still down is found again by the next send, from two failing chats.
   */
  async nothingToProbe(): Promise<void> {
    if (!this.holder) return;
    this.forget();
    await this.safely(
      () => this.o.prisma.lease.deleteMany({ where: { name: OUTAGE_LEASE, holder: this.o.instanceId } }),
      undefined,
    );
  }

  /** A graceful stop: let another instance probe at once rather than after the takeover delay. */
  async handOver(): Promise<void> {
    if (!this.holder) return;
    this.set("none");
    await this.safely(
      () =>
        this.o.prisma.lease.updateMany({
          where: { name: OUTAGE_LEASE, holder: this.o.instanceId },
          data: { expiresAt: this.o.clock.now() },
        }),
      undefined,
    );
  }

  private async read(): Promise<OutageRow | undefined> {
    const row = await this.safely(() => this.o.prisma.lease.findUnique({ where: { name: OUTAGE_LEASE } }), null);
    if (!row) {
      this.forget();
      this.clearAt = this.now();
      return undefined;
    }
    this.known = true;
    return row;
  }

  /** Milliseconds until another instance's row lapses for this one (≤ 0: lapsed). */
  private leftMs(row: OutageRow): number {
    const until = row.expiresAt.getTime();
    const clockLeft = until - this.o.clock.now().getTime();
    const t = this.now();
    if (this.seen?.holder !== row.holder || this.seen.until !== until) {
      this.seen = { holder: row.holder, until, wakeAt: t + Math.min(clockLeft, this.o.probeMaxMs + this.o.takeoverMs) };
    }
    return Math.min(clockLeft, this.seen.wakeAt - t);
  }

  /** The row's holder stopped renewing it: probe in its place, unless another instance got there first. */
  private async takeOver(row: OutageRow): Promise<boolean> {
    const taken = await this.safely(
      () =>
        this.o.prisma.lease.updateMany({
          where: { name: OUTAGE_LEASE, holder: row.holder, expiresAt: row.expiresAt },
          data: { holder: this.o.instanceId, expiresAt: new Date(this.o.clock.now().getTime() + this.o.takeoverMs) },
        }),
      { count: 0 },
    );
    if (taken.count !== 1) return false;
    this.set("holder");
    this.o.logger.warn({ from: row.holder }, "Telegram outage: its prober stopped renewing; probing in its place");
    return true;
  }

  private set(role: "holder" | "follower" | "none"): void {
    this.holder = role === "holder";
    this.follower = role === "follower";
  }

  private forget(): void {
    this.known = false;
    this.seen = undefined;
    this.set("none");
  }

  private async safely<T>(fn: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      this.o.logger.warn({ err: describeError(err) }, "shared outage state unavailable; going on as a lone instance");
      return fallback;
    }
  }
}
