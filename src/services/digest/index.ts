/**
 * The digest use-cases bound to the application's dependencies: the charts, the extras under them,
 * and the outbox rows of one chat's digest (`/tuan` and the weekly job).
 */
import { countQueued } from "../../db/repos/runs.js";
import { bindDeps } from "../bind.js";
import type { AppDeps } from "../context.js";
import { digestOfPeriod, remindNotReported } from "./actions.js";
import { enqueueDigest, renderDigest } from "./digest.js";
import { digestExtras } from "./extras.js";

export function digestUseCases(deps: AppDeps) {
  return {
    renderDigest: bindDeps(deps, renderDigest),
    digestExtras: bindDeps(deps, digestExtras),
    enqueueDigest: bindDeps(deps, enqueueDigest),
    /** The digest buttons: one period's figures, and reminding the units that have not reported. */
    digestOfPeriod: bindDeps(deps, digestOfPeriod),
    remindNotReported: bindDeps(deps, remindNotReported),
    /** How many of these dedup keys are in the outbox already: a re-run skips what a run queued. */
    countQueued: bindDeps(deps.prisma, countQueued),
  };
}
export type DigestUseCases = ReturnType<typeof digestUseCases>;
