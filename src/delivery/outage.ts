/**
 * Tells a Telegram outage from one chat's trouble. A 5xx or network error for one chat while
 * others go through is that chat's: it backs off on its own. Failures from several chats with
 * no success in between mean Telegram (or the way to it) is down: then backing off per chat
 * would spread the queue over minutes after recovery (each chat at its own 30–60 s step), so
 * the worker pauses as a whole instead, leaves the rows due, and probes with the next claim.
 * The first success ends it and everything waiting goes at once, paced as usual.
 * With several instances, sharedOutage.ts tells the others: they wait instead of each finding out.
 */
import { backoffMs, type RetryPolicy } from "./failures.js";

/** Failing chats, with no success since, that make an outage. */
const OUTAGE_CHATS = 2;

export class OutageTracker {
  private readonly failing = new Set<bigint>();
  private probes = 0;

  constructor(private readonly random: () => number = Math.random) {}

  succeeded(): void {
    this.failing.clear();
    this.probes = 0;
  }

  /** A transient failure: the bot-wide pause when this is an outage, undefined when it is one chat's. */
  failed(chatId: bigint, policy: RetryPolicy): number | undefined {
    this.failing.add(chatId);
    if (this.failing.size < OUTAGE_CHATS) return undefined;
    this.probes += 1;
    return backoffMs({ baseMs: policy.baseMs, maxMs: policy.probeMaxMs }, this.probes, this.random);
  }

  get down(): boolean {
    return this.failing.size >= OUTAGE_CHATS;
  }
}
