/**
 * Telegram's broadcast limits are per bot, but each delivery worker paces on its own
 * (src/delivery/pacer.ts). With N instances sending on one token, each takes 1/N of every limit
 * (docs/PERFORMANCE.md): the same counts over N-times-longer windows, so the rates add up to Telegram's and
 * replies to users are not starved by 429s. `DELIVERY_INSTANCES` says N; 1 = the whole limit.
 */
import type { PacingLimits } from "../delivery/pacer.js";

export function shareOfLimits(limits: PacingLimits, instances: number): PacingLimits {
  const n = Math.max(1, Math.floor(instances));
  return {
    ...limits,
    globalWindowMs: limits.globalWindowMs * n,
    groupWindowMs: limits.groupWindowMs * n,
    privateWindowMs: limits.privateWindowMs * n,
  };
}
