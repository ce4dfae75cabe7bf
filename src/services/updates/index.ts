/**
 * The update guard's memory (src/bot/updateGuard.ts decides what is a duplicate; the rows live in
 * src/db/repos/processedUpdates.ts) and the report of updates a dead process abandoned.
 */
import { claimUpdate, finishUpdate, heartbeatUpdate, pruneProcessedUpdates } from "../../db/repos/processedUpdates.js";
import { bindDeps } from "../bind.js";
import type { AppDeps } from "../context.js";
import { reportAbandoned, sweepAbandoned } from "./abandoned.js";

export type { Claim } from "../../db/repos/processedUpdates.js";
export type { AbandonedUpdate } from "./abandoned.js";

export function updateUseCases(deps: AppDeps) {
  const db = deps.prisma;
  return {
    claim: bindDeps(db, claimUpdate),
    heartbeat: bindDeps(db, heartbeatUpdate),
    finish: bindDeps(db, finishUpdate),
    prune: bindDeps(db, pruneProcessedUpdates),
    reportAbandoned: bindDeps(deps, reportAbandoned),
    sweepAbandoned: bindDeps(deps, sweepAbandoned),
  };
}
export type UpdateUseCases = ReturnType<typeof updateUseCases>;
