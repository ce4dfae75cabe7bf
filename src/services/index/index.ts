/** The scored-index use-cases bound to the application's dependencies: `/chiso` and the digest's index chart. */
import { bindDeps } from "../bind.js";
import type { AppDeps } from "../context.js";
import { indexPartCodes, renderIndexDigest } from "./digest.js";
import { hasIndex, subtreeIndex, unitIndex } from "./scores.js";

export function indexUseCases(deps: AppDeps) {
  return {
    hasIndex: () => hasIndex(deps),
    unitIndex: bindDeps(deps, unitIndex),
    subtreeIndex: bindDeps(deps, subtreeIndex),
    /** The weekly digest's index chart, and the part codes it will have (its skip check). */
    renderIndexDigest: bindDeps(deps, renderIndexDigest),
    indexPartCodes: (root: Parameters<typeof indexPartCodes>[1], day: Parameters<typeof indexPartCodes>[2]) =>
      indexPartCodes(deps.catalog.get(), root, day),
  };
}
export type IndexUseCases = ReturnType<typeof indexUseCases>;
