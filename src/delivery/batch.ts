/**
 * Sends one claimed batch: one lane per chat (its rows in id order, one request at a time,
 * so a digest's text arrives before its chart), up to `concurrency` lanes in flight, each
 * dispatch waiting for the Pacer. A lane whose chat cannot send soon is given back to the
 * queue instead of holding its lease, with how long its chat must wait (the worker turns that
 * into the rows' notBefore); so is every lane when the worker stops.
 */
import type { OutboxMessage } from "../db/generated/client.js";
import type { LaneAction } from "./deliverDeps.js";
import type { Pacer } from "./pacer.js";
import { messageCount, parseRequest } from "./payload.js";
import type { Waker } from "./waker.js";

export interface BatchOptions {
  rows: OutboxMessage[];
  pacer: Pacer;
  holdMs: number;
  concurrency: number;
  waker: Waker;
  stopping(): boolean;
  /** Another instance probes a Telegram outage for everyone: hand every lane back, as on stop. */
  paused(): boolean;
  /** The chat's rows wait in the database until a notBefore this worker wrote. */
  held(chatId: bigint): boolean;
  deliver(row: OutboxMessage): Promise<LaneAction>;
  /** Hands a lane back with how long its chat cannot send; also with no rows left (after a 429). */
  giveBack(chatId: bigint, rows: OutboxMessage[], waitMs: number): Promise<void>;
}

/** Messages a row creates (albums count per item against the limits). */
function countOf(row: OutboxMessage): number {
  try {
    return messageCount(parseRequest(row.method, JSON.parse(row.payload)));
  } catch {
    return 1; // deliverRow reports the bad payload
  }
}

export async function runBatch(o: BatchOptions): Promise<void> {
  const lanes = new Map<bigint, OutboxMessage[]>();
  const counts = new Map<number, number>();
  for (const row of o.rows) {
    lanes.set(row.chatId, [...(lanes.get(row.chatId) ?? []), row]);
    counts.set(row.id, countOf(row));
  }
  const busy = new Set<bigint>();
  const inflight = new Set<Promise<void>>();

  const giveBack = async (chatId: bigint): Promise<void> => {
    const rows = lanes.get(chatId) ?? [];
    lanes.delete(chatId);
    const first = rows[0];
    await o.giveBack(chatId, rows, o.pacer.chatWaitMs(chatId, first ? (counts.get(first.id) ?? 1) : 1));
  };

  const launch = (chatId: bigint, row: OutboxMessage): void => {
    busy.add(chatId);
    const p: Promise<void> = o
      .deliver(row)
      .then(async (action) => {
        if (action === "requeue_chat") await giveBack(chatId);
        if (action === "drop_chat") lanes.delete(chatId);
      })
      // Last resort (the worker already logs and maps bookkeeping errors): never reject the loop.
      .catch(() => giveBack(chatId).catch(() => void lanes.delete(chatId)))
      .finally(() => {
        busy.delete(chatId);
        inflight.delete(p);
      });
    inflight.add(p);
  };

  while (lanes.size > 0 || inflight.size > 0) {
    if (o.stopping() || o.paused()) {
      for (const chatId of [...lanes.keys()]) if (!busy.has(chatId)) await giveBack(chatId);
      await Promise.all(inflight);
      for (const chatId of [...lanes.keys()]) await giveBack(chatId);
      return;
    }
    let soonest = Number.POSITIVE_INFINITY;
    let picked: [bigint, OutboxMessage, number] | undefined;
    for (const [chatId, rows] of lanes) {
      const row = rows[0];
      if (!row) {
        if (!busy.has(chatId)) lanes.delete(chatId);
        continue;
      }
      if (busy.has(chatId)) continue;
      // Its older rows wait in the database until a set instant: sending this one now,
      // when the pacer frees the chat a moment earlier, would put it before them.
      if (o.held(chatId)) {
        await giveBack(chatId);
        continue;
      }
      const n = counts.get(row.id) ?? 1;
      const wait = o.pacer.chatWaitMs(chatId, n);
      if (wait === 0) {
        picked = [chatId, row, n];
        break;
      }
      if (wait > o.holdMs) await giveBack(chatId);
      else soonest = Math.min(soonest, wait);
    }
    if (picked) {
      const [chatId, row, n] = picked;
      const globalWait = o.pacer.globalWaitMs(n);
      if (globalWait > o.holdMs) {
        for (const id of [...lanes.keys()]) if (!busy.has(id)) await giveBack(id);
        continue;
      }
      if (globalWait > 0) {
        await o.waker.sleep(globalWait);
        continue;
      }
      lanes.get(chatId)?.shift();
      o.pacer.record(chatId, n);
      launch(chatId, row);
      if (inflight.size < o.concurrency) continue;
    }
    const nap = Number.isFinite(soonest) && !picked ? o.waker.nap(soonest) : undefined;
    const waits: Promise<void>[] = nap ? [...inflight, nap.done] : [...inflight];
    if (waits.length > 0) await Promise.race(waits);
    nap?.cancel();
  }
}
