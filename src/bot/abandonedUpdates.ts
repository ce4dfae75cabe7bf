/**
 * Updates whose process died handling them (a poison file, an out-of-memory crash, a kill):
 * never handled again — they may be what killed the process, and a crash loop stops every
 * chat — but reported once: the sender is asked to try again, the administrators get an
 * alert. Logs and alerts carry the update's id, kind and chat, never its content.
 *
 * Found two ways: Telegram delivers the update again after the restart (the guard's claim
 * says "abandoned"), or the restart confirmed it without handling it, e.g. while its heartbeat
 * was still fresh: the periodic sweep (`sweepAbandonedUpdates`) then finds its row.
 */
import type { Update } from "grammy/types";
import { adminIds } from "../db/repos/people.js";
import { abandonStaleUpdates } from "../db/repos/processedUpdates.js";
import { ADMIN_ALERT_KIND } from "../delivery/alerts.js";
import { reliabilityTexts, type UpdateKind } from "../messages/reliability.js";
import type { AppDeps } from "../services/context.js";
import { pushText } from "../services/notify.js";

/** A handler refreshes its row this often; a row this much older is a dead process's. */
export const HEARTBEAT_MS = 15_000;
export const STALE_UPDATE_MS = 60_000;
export const SWEEP_EVERY_MS = 30_000;

export const NOTICE_KIND = "update-abandoned";

export function updateKind(u: Update): UpdateKind {
  if (u.callback_query) return "button";
  const m = u.message ?? u.edited_message ?? u.channel_post;
  if (m?.document) return "file";
  if (m?.text?.startsWith("/")) return "command";
  return "message";
}

const asKind = (k: string | null): UpdateKind => (k === "file" || k === "command" || k === "button" ? k : "message");

/** dd/mm/yyyy hh:mm, Vietnam time. */
function vnDateTime(d: Date): string {
  const v = new Date(d.getTime() + 7 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(v.getUTCDate())}/${p(v.getUTCMonth() + 1)}/${v.getUTCFullYear()} ${p(v.getUTCHours())}:${p(v.getUTCMinutes())}`;
}

export async function reportAbandoned(
  deps: Pick<AppDeps, "prisma" | "kickDelivery" | "logger" | "adminIds" | "clock">,
  o: { botId: bigint; updateId: bigint; chatId: bigint | null; kind: string | null; lastSeen: Date },
): Promise<void> {
  const kind = asKind(o.kind);
  deps.logger.warn(
    { updateId: Number(o.updateId), kind },
    "update abandoned by a process that died handling it; skipped and reported",
  );
  const key = `abandoned:${o.botId}:${o.updateId}`;
  if (o.chatId !== null) {
    await pushText(deps, {
      chatId: o.chatId,
      dedupKey: key,
      kind: NOTICE_KIND,
      text: reliabilityTexts.abandoned(kind),
    });
  }
  const text = reliabilityTexts.abandonedAlert({
    updateId: o.updateId,
    kind,
    chatId: o.chatId,
    at: vnDateTime(o.lastSeen),
  });
  for (const admin of await adminIds(deps.prisma, deps.adminIds)) {
    await pushText(deps, { chatId: admin, dedupKey: `${key}:${admin}`, kind: ADMIN_ALERT_KIND, text });
  }
}

/** Marks and reports the rows of `botId` whose heartbeat went stale; returns how many. */
export async function sweepAbandonedUpdates(deps: AppDeps, botId: bigint): Promise<number> {
  const now = deps.clock.now();
  const rows = await abandonStaleUpdates(deps.prisma, {
    botId,
    staleBefore: new Date(now.getTime() - STALE_UPDATE_MS),
  });
  for (const r of rows) await reportAbandoned(deps, r);
  return rows.length;
}

/** The sweep on a wall-clock timer, for a process that may get no update for a while. */
export function startAbandonedSweep(deps: AppDeps, botId: bigint, everyMs = SWEEP_EVERY_MS): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = sweepAbandonedUpdates(deps, botId).catch((err: unknown) =>
      deps.logger.warn({ err }, "sweep of abandoned updates failed"),
    );
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
