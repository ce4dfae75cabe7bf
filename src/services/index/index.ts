/** The scored-index use-cases bound to the application's dependencies: `/chiso` and the digest's index chart. */
import { bindDeps } from "../bind.js";
import type { AppDeps } from "../context.js";
import { hasIndex, subtreeIndex, unitIndex } from "./scores.js";

export function indexUseCases(deps: AppDeps) {
  return {
    hasIndex: () => hasIndex(deps),
    unitIndex: bindDeps(deps, unitIndex),
    subtreeIndex: bindDeps(deps, subtreeIndex),
  };
}
export type IndexUseCases = ReturnType<typeof indexUseCases>;
