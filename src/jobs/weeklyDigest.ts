/**
 * Weekly digest (default Monday 08:00, WEEKLY_DIGEST_CRON) to every active leaders'
 * chat. A sweep: one chat failing is logged and counted, the others still get theirs. Charts
 * are rendered once per subtree root and shared by the chats watching it (and their bytes are
 * stored once — storeBlob dedups by hash). A chat whose digest for the week is already in the
 * outbox (a second instance, a re-run by hand) is skipped before anything is drawn. That is
 * also why a run stopped between chats (the scheduler's signal) may simply run again.
 *
 * The digest goes out on its cron day even when that is a public holiday: it informs, it does
 * not ask anyone to act that day (docs/SCHEDULES.md).
 */
import { vnDate } from "../domain/directive/dates.js";
import { chatUnit } from "../domain/chatUnit.js";
import { isoWeekKey } from "../domain/schedule/index.js";
import { describeError } from "../delivery/failures.js";
import { dashboardButton } from "../render/dashboardButton.js";
import { digestDedupKey, digestParts, type DigestPart, type RenderedIndicator } from "../services/digest/digest.js";
import { subtreeIndicators } from "../services/figures/status.js";
import type { AppServices } from "../services/useCases.js";
import type { JobContext } from "./types.js";

export async function runWeeklyDigest(deps: AppServices, { fireTime, signal }: JobContext): Promise<unknown> {
  const { uc } = deps;
  const log = deps.logger.child({ job: "weekly-digest" });
  const day = vnDate(fireTime);
  const week = isoWeekKey(day);
  const catalog = deps.catalog.get();
  const items = await uc.tasks.taskItems(catalog, day);
  const rendered = new Map<string, Promise<RenderedIndicator[]>>();
  const indexCharts = new Map<string, Promise<DigestPart[]>>();
  const result = { week, chats: 0, enqueued: 0, skipped: 0, failed: 0, escalated: 0 };
  for (const chat of await uc.chats.activeOfKind("leaders")) {
    // A stop (SIGTERM, sandbox reset) lands between chats; the rest go on the next start.
    signal?.throwIfAborted();
    const root = chatUnit(catalog, chat, "leaders");
    if (!root) continue;
    result.chats += 1;
    try {
      const codes = [
        ...subtreeIndicators(deps, root.code, day).map((i) => i.code),
        ...uc.index.indexPartCodes(root, day),
      ];
      const keys = codes.map((code) => digestDedupKey(week, chat.chatId, code));
      const existing = await uc.digest.countQueued(keys);
      if (keys.length === 0 || existing === keys.length) {
        result.skipped += 1;
        continue;
      }
      const extras = await uc.digest.digestExtras(chat.chatId, root, fireTime, items);
      if (!rendered.has(root.code)) rendered.set(root.code, uc.digest.renderDigest(root, fireTime));
      const charts = await (rendered.get(root.code) ?? uc.digest.renderDigest(root, fireTime));
      const dashboard = dashboardButton(deps.dashboardLink(), chat);
      // The index chart follows the indicators' (docs/INDEX.md "Trong nhóm chat"); shared by the chats of a root too.
      if (!indexCharts.has(root.code)) indexCharts.set(root.code, uc.index.renderIndexDigest(root, fireTime));
      const indexParts = await (indexCharts.get(root.code) ?? uc.index.renderIndexDigest(root, fireTime));
      const parts = [...digestParts(charts, root, extras, undefined, dashboard), ...indexParts];
      const created = await uc.digest.enqueueDigest(chat.chatId, week, parts);
      result.enqueued += created;
      if (created > 0 && extras.escalatedCodes.size > 0) {
        await uc.reminders.recordEscalations(chat.chatId, extras.escalatedCodes, day, fireTime);
        result.escalated += extras.escalatedCodes.size;
      }
    } catch (err) {
      result.failed += 1;
      log.error({ chatId: String(chat.chatId), reason: describeError(err) }, "digest for one leaders' chat failed");
    }
  }
  return result;
}
