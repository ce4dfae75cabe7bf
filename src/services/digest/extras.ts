/** The chat-level lines of a leaders' digest: overdue tasks below it and escalated units. */
import type { CatalogUnit } from "../../domain/catalog.js";
import { vnDate } from "../../domain/directive/dates.js";
import type { DigestExtras } from "../../messages/digest.js";
import type { AppDeps } from "../context.js";
import { overdueBelow } from "./digest.js";
import { unitsToEscalate } from "../reminders/escalation.js";
import { taskItems, type TaskItem } from "../tasks/tasks.js";

export type ExtrasResult = DigestExtras & { escalatedCodes: Set<string> };

/** `items`: the task items of the day, when the caller already has them (the weekly sweep). */
export async function digestExtras(
  deps: AppDeps,
  chatId: bigint,
  root: CatalogUnit,
  at: Date,
  items?: readonly TaskItem[],
): Promise<ExtrasResult> {
  const catalog = deps.catalog.get();
  const day = vnDate(at);
  const below = catalog.descendants(root.code);
  const codes = new Set([root.code, ...below.map((u) => u.code)]);
  const all = items ?? (await taskItems(deps.prisma, catalog, day));
  const escalatedCodes = await unitsToEscalate(
    deps,
    chatId,
    below.map((u) => u.code),
    day,
    at,
  );
  return {
    overdue: overdueBelow(all, codes, day),
    escalated: below.filter((u) => escalatedCodes.has(u.code)),
    escalatedCodes,
  };
}
