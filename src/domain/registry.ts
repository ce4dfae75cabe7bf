/**
 * The deployment's indicator registry: one meaning per indicator code (docs/DIRECTIVES.md
 * "Danh mục chỉ tiêu"). A province's and a city's targets for the same code then measure the
 * same figure, so a commune reports it once and it counts against both; a directive that
 * means something else by a code is refused and told to choose another.
 *
 * The registry is `directives/indicators.yaml` plus the codes that loaded directives define
 * themselves. Pure: zod and data, no I/O.
 */
import { z } from "zod";
import {
  codeSchema,
  directiveSchema,
  indicatorKindSchema,
  type Directive,
  type DirectiveIndicator,
  type Indicator,
  type ParsedDirective,
} from "./directive/schema.js";
import type { DirectiveProblem } from "./directive/problems.js";

export const registryEntrySchema = z
  .strictObject({
    code: codeSchema,
    name: z.string().min(1),
    shortName: z.string().min(1).optional(),
    kind: indicatorKindSchema.default("ratio"),
    numerator: z.string().min(1),
    denominator: z.string().min(1).optional(),
    itemWord: z.string().min(1).default("hồ sơ"),
    formula: z.string().optional(),
    /** Which documents define it this way (clauses). */
    source: z.string().optional(),
    note: z.string().optional(),
  })
  .refine((e) => (e.kind === "ratio") === (e.denominator !== undefined), {
    message: "chỉ tiêu tỷ lệ (ratio) cần mẫu số (denominator); chỉ tiêu đếm (count) không có mẫu số",
    path: ["denominator"],
  });
export type RegistryEntry = z.infer<typeof registryEntrySchema>;

export const registryFileSchema = z.strictObject({ indicators: z.array(registryEntrySchema).min(1) });

export type IndicatorRegistry = ReadonlyMap<string, RegistryEntry & { definedBy: string }>;

/** From the registry file's entries; `definedBy` names where a definition comes from in messages. */
export function buildRegistry(
  entries: readonly RegistryEntry[],
  definedBy = "danh mục chỉ tiêu",
): Map<string, RegistryEntry & { definedBy: string }> {
  return new Map(entries.map((e) => [e.code, { ...e, definedBy }]));
}

/** The registry plus the codes these (resolved) directives define that it does not know. */
export function extendRegistry(
  registry: IndicatorRegistry,
  directives: readonly Pick<Directive, "number" | "indicators">[],
): IndicatorRegistry {
  const out = new Map(registry);
  for (const d of directives) {
    for (const i of d.indicators) {
      if (out.has(i.code)) continue;
      out.set(i.code, {
        code: i.code,
        name: i.name,
        shortName: i.shortName,
        kind: i.kind,
        numerator: i.numerator,
        denominator: i.denominator,
        itemWord: i.itemWord,
        formula: i.formula,
        definedBy: `văn bản ${d.number}`,
      });
    }
  }
  return out;
}

/** Definitions are compared without case, diacritic-variant spacing or a final full stop. */
function same(a: string | undefined, b: string | undefined): boolean {
  const norm = (s: string | undefined) =>
    s === undefined
      ? ""
      : s
          .normalize("NFC")
          .toLowerCase()
          .replace(/\s+/g, " ")
          .replace(/[.;]\s*$/, "")
          .trim();
  return norm(a) === norm(b);
}

const KIND_NAMES = { ratio: "tỷ lệ", count: "số lượng" } as const;

function describeDefinition(e: {
  kind: "ratio" | "count";
  numerator?: string | undefined;
  denominator?: string | undefined;
}): string {
  return e.kind === "count"
    ? `đếm "${e.numerator ?? "?"}"`
    : `tử số "${e.numerator ?? "?"}", mẫu số "${e.denominator ?? "?"}"`;
}

/** A code not yet used: `hs-truc-tuyen-long-an` from the directive's id. */
function suggestCode(code: string, directive: Pick<ParsedDirective, "id">, registry: IndicatorRegistry): string {
  const place = directive.id.split("-").slice(0, 2).join("-");
  let candidate = `${code}-${place}`;
  for (let n = 2; registry.has(candidate); n++) candidate = `${code}-${place}-${n}`;
  return candidate;
}

/**
 * Problems between a directive's indicators and the registry: a stated meaning that differs
 * (names both definitions and suggests a new code), or a new code without a full definition.
 */
export function registryProblems(
  directive: Pick<ParsedDirective, "id" | "indicators">,
  registry: IndicatorRegistry,
): DirectiveProblem[] {
  const problems: DirectiveProblem[] = [];
  directive.indicators.forEach((ind, i) => {
    const known = registry.get(ind.code);
    const path = `indicators[${i}]`;
    if (!known) {
      if (ind.numerator === undefined || (ind.kind === "ratio" && ind.denominator === undefined)) {
        problems.push({
          path,
          message: `chỉ tiêu "${ind.code}" chưa có trong danh mục chỉ tiêu: nêu đủ numerator${ind.kind === "ratio" ? " và denominator" : ""} để định nghĩa mã mới, hoặc dùng một mã có sẵn trong danh mục`,
        });
      }
      return;
    }
    const differs =
      ind.kind !== known.kind ||
      (ind.numerator !== undefined && !same(ind.numerator, known.numerator)) ||
      (ind.denominator !== undefined && !same(ind.denominator, known.denominator)) ||
      (ind.itemWord !== undefined && !same(ind.itemWord, known.itemWord));
    if (!differs) return;
    const mine = {
      kind: ind.kind,
      numerator: ind.numerator ?? known.numerator,
      denominator: ind.denominator ?? known.denominator,
    };
    problems.push({
      path,
      message: `chỉ tiêu "${ind.code}" ở văn bản này (${KIND_NAMES[ind.kind]}: ${describeDefinition(mine)}) khác định nghĩa trong ${known.definedBy} (${KIND_NAMES[known.kind]}: ${describeDefinition(known)}). Một mã chỉ có một nghĩa trong cả hệ thống: nếu đây là chỉ tiêu khác, đặt mã mới, ví dụ "${suggestCode(ind.code, directive, registry)}"`,
    });
  });
  return problems;
}

/** The indicator with the registry's meaning and name, keeping the directive's wording. */
export function resolveIndicator(ind: DirectiveIndicator, registry: IndicatorRegistry): Indicator {
  const known = registry.get(ind.code);
  const { numerator, denominator, itemWord, ...rest } = ind;
  if (!known) {
    return {
      ...rest,
      numerator: numerator ?? ind.name,
      ...(denominator !== undefined ? { denominator } : {}),
      itemWord: itemWord ?? "hồ sơ",
      wording: ind.name,
    };
  }
  return {
    ...rest,
    name: known.name,
    shortName: known.shortName ?? ind.shortName,
    kind: known.kind,
    numerator: known.numerator,
    ...(known.denominator !== undefined ? { denominator: known.denominator } : {}),
    itemWord: known.itemWord,
    formula: ind.formula ?? known.formula,
    wording: ind.name,
  };
}

export function resolveDirective(parsed: ParsedDirective, registry: IndicatorRegistry): Directive {
  return { ...parsed, indicators: parsed.indicators.map((i) => resolveIndicator(i, registry)) };
}

/**
 * A directive from data already in memory (tests, benches): parsed by the schema and settled by
 * `registry` (empty: each indicator as the directive states it). Throws on invalid input.
 */
export function parseDirective(input: unknown, registry: IndicatorRegistry = new Map()): Directive {
  return resolveDirective(directiveSchema.parse(input), registry);
}
