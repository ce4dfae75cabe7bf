/**
 * Reporting an update whose process died handling it (src/bot/abandonedUpdates.ts finds them):
 * the sender is asked to try again, the administrators get an alert. Logs and alerts carry the
 * update's id, kind and chat, never its content.
 */
import { adminIds } from "../../db/repos/people.js";
import { abandonStaleUpdates } from "../../db/repos/processedUpdates.js";
import { ADMIN_ALERT_KIND } from "../../delivery/alerts.js";
import { reliabilityTexts, type UpdateKind } from "../../messages/reliability.js";
import type { AppDeps } from "../context.js";
import { pushText } from "../notify.js";

export const NOTICE_KIND = "update-abandoned";

export type AbandonedUpdate = {
  botId: bigint;
  updateId: bigint;
  chatId: bigint | null;
  kind: string | null;
  lastSeen: Date;
};

const asKind = (k: string | null): UpdateKind => (k === "file" || k === "command" || k === "button" ? k : "message");

/** dd/mm/yyyy hh:mm, Vietnam time. */
function vnDateTime(d: Date): string {
  const v = new Date(d.getTime() + 7 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(v.getUTCDate())}/${p(v.getUTCMonth() + 1)}/${v.getUTCFullYear()} ${p(v.getUTCHours())}:${p(v.getUTCMinutes())}`;
}

export async function reportAbandoned(
  deps: Pick<AppDeps, "prisma" | "kickDelivery" | "logger" | "adminIds" | "clock">,
  o: AbandonedUpdate,
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

/**
 * Marks and reports the rows of `botId` whose heartbeat is older than `staleBefore`, except the
 * updates this process is still `handling`; returns how many.
 */
export async function sweepAbandoned(
  deps: AppDeps,
  o: { botId: bigint; staleBefore: Date; handling?: bigint[] },
): Promise<number> {
  const rows = await abandonStaleUpdates(deps.prisma, o);
  for (const r of rows) await reportAbandoned(deps, r);
  return rows.length;
}
