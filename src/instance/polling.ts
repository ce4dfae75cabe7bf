/**
 * Long polling by one instance at a time (docs/PERFORMANCE.md): Telegram answers 409 to a second
 * concurrent getUpdates, so the instances elect a poller through a Lease row. The holder renews
 * it every `renewMs`; the others retry as often and take over once it lapses — within
 * `ttlMs + renewMs` of the holder dying. An instance that fails to renew stops fetching at once.
 *
 * Our own loop rather than `bot.start()`: grammY's stop() confirms the offset with one more
 * getUpdates, which would knock the new poller off with a 409 exactly when we lost the lease.
 * Updates fetched but not handled stay unconfirmed, so the next poller gets them again; those
 * handled but not yet confirmed come back too and are skipped by the ProcessedUpdate guard
 * (src/bot/createBot.ts), so nothing is lost or handled twice across a takeover.
 *
 * Chats are served side by side (src/bot/concurrency.ts): the loop fetches on while earlier
 * updates run, and confirms only what dispatch.ts says is settled.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { BotError, GrammyError, type Api, type Bot, type Context } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import type { Db } from "../db/client.js";
import { backoffMs } from "../delivery/failures.js";
import { UpdateDispatcher } from "./dispatch.js";
import { acquireLease, releaseLease } from "../db/repos/leases.js";

export const POLLING_LEASE = "telegram-polling";

/**
 * A fetch that brought only updates already in hand (a chat's queue holds the offset back)
 * waits for one to settle, or this long, before asking again: Telegram answers such a poll at once.
 */
const REFETCH_MS = 50;

/** getUpdates failures: 1 s, 2 s, 4 s… up to 30 s, with jitter; polling never gives up. */
const POLL_RETRY = { baseMs: 1_000, maxMs: 30_000 };

/**
 * grammY types its signal with the `abort-controller` polyfill; at run time it hands it to
 * node-fetch, which accepts Node's own AbortSignal (same name, same event) — hence the cast.
 */
type GrammySignal = Parameters<Api["getUpdates"]>[1];
const asGrammySignal = (s: AbortSignal): GrammySignal => s as unknown as GrammySignal;

export interface LeaderPollingOptions<C extends Context> {
  bot: Bot<C>;
  prisma: Db;
  logger: Logger;
  holder: string;
  ttlMs?: number;
  renewMs?: number;
  /** getUpdates long-poll timeout, seconds. */
  pollTimeoutS?: number;
  /** Wall clock for the lease (not the sandbox's manual clock). */
  now?: () => Date;
  /** Updates handled at once over all chats (default CHAT_CONCURRENCY); 1 = one at a time. */
  concurrency?: number;
}

export interface LeaderPolling {
  isPolling(): boolean;
  /** Stops fetching, finishes the updates running, confirms them, gives the lease up. */
  stop(): Promise<void>;
}

/**
 * Resolves at the next update settled, after `ms`, or on abort — whichever is first — and leaves
 * no timer or abort listener behind. (A `sleep` raced against the progress kept its listener on
 * the poll's signal until its own timer fired: in a burst, a dozen of them at once.)
 */
function nextSettledOr(dispatcher: UpdateDispatcher, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    void dispatcher.progress().then(done);
  });
}

export async function startLeaderPolling<C extends Context>(o: LeaderPollingOptions<C>): Promise<LeaderPolling> {
  const ttlMs = o.ttlMs ?? 15_000;
  const renewMs = o.renewMs ?? Math.max(500, Math.floor(ttlMs / 3));
  const now = o.now ?? (() => new Date());
  const log = o.logger.child({ component: "polling", holder: o.holder });
  let heldUntil = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> = Promise.resolve();
  let poll: { abort: AbortController; done: Promise<number | undefined> } | undefined;

  const handle = async (u: Update): Promise<void> => {
    try {
      await o.bot.handleUpdate(u);
    } catch (err) {
      if (err instanceof BotError)
        await Promise.resolve(o.bot.errorHandler(err)).catch((e: unknown) =>
          log.error({ err: e }, "error handler threw"),
        );
      else log.error({ err, updateId: u.update_id }, "update could not be handled");
    }
  };

  const abortable = (p: Promise<unknown>) =>
    p.catch((e: unknown) => {
      if (!(e instanceof Error && e.name === "AbortError")) throw e;
    });

  /** Resolves with the next offset to confirm (undefined: nothing handled). */
  const pollLoop = async (signal: AbortSignal): Promise<number | undefined> => {
    let offset: number | undefined;
    let failures = 0;
    const dispatcher = new UpdateDispatcher(handle, o.concurrency);
    await o.bot.api
      .deleteWebhook({ drop_pending_updates: false })
      .catch((err: unknown) => log.warn({ err }, "deleteWebhook failed"));
    try {
      while (!signal.aborted) {
        let updates: Update[];
        offset = dispatcher.nextOffset(offset);
        try {
          updates = await o.bot.api.getUpdates({ offset, timeout: o.pollTimeoutS ?? 25 }, asGrammySignal(signal));
          failures = 0;
        } catch (err) {
          if (signal.aborted) break;
          if (err instanceof GrammyError && err.error_code === 409) {
            log.warn(
              { description: err.description },
              "another getUpdates is running; pausing until the lease says otherwise",
            );
            break;
          }
          failures += 1;
          const retryAfter = err instanceof GrammyError ? err.parameters.retry_after : undefined;
          const waitMs = retryAfter ? retryAfter * 1000 : backoffMs(POLL_RETRY, failures);
          log.warn({ err, waitMs }, "getUpdates failed; retrying");
          // Aborted (lease lost or stop): the loop condition ends it; the timer is removed with it.
          await abortable(sleep(waitMs, undefined, { signal }));
          continue;
        }
        if (signal.aborted) break; // the new poller gets them (unconfirmed)
        if (dispatcher.dispatch(updates) === 0 && updates.length > 0)
          await nextSettledOr(dispatcher, REFETCH_MS, signal);
      }
    } finally {
      // Updates not started stay unconfirmed for the next poller; those running finish first.
      await dispatcher.close();
    }
    return dispatcher.nextOffset(offset);
  };

  const startPolling = (): void => {
    const abort = new AbortController();
    log.info("lease acquired; polling Telegram");
    const done = pollLoop(abort.signal).catch((err: unknown): undefined => {
      log.error({ err }, "polling loop crashed");
      return undefined;
    });
    poll = { abort, done };
    // A loop that ended on its own (409) is forgotten, so the next tick may start another.
    void done.then(() => {
      if (poll?.abort === abort && !abort.signal.aborted) poll = undefined;
    });
  };

  const stopPolling = async (): Promise<number | undefined> => {
    const p = poll;
    poll = undefined;
    if (!p) return undefined;
    p.abort.abort();
    return p.done;
  };

  const tick = async (): Promise<void> => {
    const t = now();
    try {
      if (await acquireLease(o.prisma, { name: POLLING_LEASE, holder: o.holder, now: t, ttlMs }))
        heldUntil = t.getTime() + ttlMs;
      else heldUntil = 0;
    } catch (err) {
      // Database unreachable: keep polling only while the lease we last wrote surely holds.
      log.warn({ err }, "could not renew the polling lease");
      if (heldUntil - renewMs <= t.getTime()) heldUntil = 0;
    }
    if (stopped) return;
    const held = heldUntil > t.getTime();
    if (held && !poll) startPolling();
    if (!held && poll) {
      log.warn("polling lease lost; stopped polling");
      await stopPolling();
    }
  };

  const schedule = (): void => {
    timer = setTimeout(() => {
      ticking = tick()
        .catch((err: unknown) => log.error({ err }, "polling lease tick failed"))
        .finally(() => {
          if (!stopped) schedule();
        });
    }, renewMs);
  };

  await tick();
  schedule();
  return {
    isPolling: () => poll !== undefined,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await ticking; // a renewal in flight must not land after our release
      const offset = await stopPolling();
      if (heldUntil > now().getTime()) {
        if (offset !== undefined) {
          await o.bot.api
            .getUpdates({ offset, limit: 1, timeout: 0 })
            .catch((err: unknown) => log.warn({ err }, "could not confirm the last updates"));
        }
        await releaseLease(o.prisma, POLLING_LEASE, o.holder).catch((err: unknown) =>
          log.warn({ err }, "could not release the lease"),
        );
      }
    },
  };
}
