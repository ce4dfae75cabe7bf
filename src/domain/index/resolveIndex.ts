/**
 * A scored index joins the deployment's indicator registry like a directive (src/domain/registry.ts):
 * every component reads an indicator with ONE meaning — a registry code, or a ratio the index
 * defines in `indicators:` with its numerator, denominator and item word, which then becomes a
 * registry entry for the directives loaded after it. A component's target is a percentage, so its
 * indicator must be a ratio.
 *
 * Pure: zod and data, no I/O.
 */
import type { DirectiveProblem } from "../directive/problems.js";
import type { Directive, Indicator } from "../directive/schema.js";
import { registryProblems, resolveIndicator, type IndicatorRegistry } from "../registry.js";
import { indexSchema, type ParsedIndex, type ScoredIndex } from "./schema.js";

/** Problems between the index's indicators and the registry; unknown or non-ratio component indicators. */
export function indexRegistryProblems(index: ParsedIndex, registry: IndicatorRegistry): DirectiveProblem[] {
  const problems = registryProblems({ id: index.code, indicators: index.indicators }, registry);
  index.components.forEach((c, i) => {
    const own = index.indicators.find((x) => x.code === c.indicator);
    const known = registry.get(c.indicator);
    const path = `components[${i}].indicator`;
    if (!own && !known) {
      problems.push({
        path,
        message: `chỉ tiêu "${c.indicator}" chưa có trong danh mục chỉ tiêu: dùng một mã có sẵn trong danh mục hoặc định nghĩa nó trong indicators của bộ chỉ số (numerator, denominator, itemWord)`,
      });
      return;
    }
    const kind = known?.kind ?? own?.kind;
    if (kind === "count")
      problems.push({
        path,
        message: `chỉ tiêu "${c.indicator}" là chỉ tiêu đếm (count); thành phần chấm điểm theo tỷ lệ % nên cần một chỉ tiêu tỷ lệ (ratio)`,
      });
  });
  return problems;
}

/** The index with one settled indicator per code its components read, in component order. */
export function resolveIndex(parsed: ParsedIndex, registry: IndicatorRegistry): ScoredIndex {
  const indicators: Indicator[] = [];
  for (const c of parsed.components) {
    if (indicators.some((i) => i.code === c.indicator)) continue;
    const own = parsed.indicators.find((x) => x.code === c.indicator);
    const known = registry.get(c.indicator);
    const stated = own ?? {
      code: c.indicator,
      name: known?.name ?? c.name,
      kind: known?.kind ?? ("ratio" as const),
      default: false,
    };
    indicators.push(resolveIndicator(stated, registry));
  }
  return { ...parsed, indicators };
}

/**
 * An index from data already in memory (tests, benches): parsed and settled by `registry`.
 * Throws on invalid input (it does not run the cross-checks: use `parseIndexText` for files).
 */
export function parseIndex(input: unknown, registry: IndicatorRegistry = new Map()): ScoredIndex {
  return resolveIndex(indexSchema.parse(input), registry);
}

/** The index as a directive-shaped source of registry entries (`extendRegistry`). */
export function indexAsRegistrySource(index: ScoredIndex): Pick<Directive, "number" | "indicators"> {
  return { number: index.number, indicators: index.indicators };
}
