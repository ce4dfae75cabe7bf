/**
 * Reads directive presets and unit lists from disk (docs/DIRECTIVES.md, "configuration as code").
 * Text → YAML/JSON → zod (`directiveSchema`, strict) → `validateDirective` → the unit list
 * named by `unitsFile`, cross-checked. Every problem carries a path and, when the text is at
 * hand, the line it sits on, so a wrong file is fixed from the message alone.
 */
import { readFileSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { LineCounter, parseDocument, type Document } from "yaml";
import { MAX_UNITS, problemTexts, readYaml, sizeProblem } from "./readYaml.js";
import type { z } from "zod";
import {
  directiveSchema,
  unitListSchema,
  type Directive,
  type ParsedDirective,
  type UnitList,
} from "../domain/directive/schema.js";
import { directiveErrorMap, formatDirectiveIssues, type DirectiveProblem } from "../domain/directive/problems.js";
import { validateDirective, validateUnitList } from "../domain/directive/validateDirective.js";
import {
  buildRegistry,
  extendRegistry,
  registryFileSchema,
  registryProblems,
  resolveDirective,
  type IndicatorRegistry,
} from "../domain/registry.js";

export type TextFormat = "yaml" | "json";
export { MAX_CONFIG_TEXT_BYTES, MAX_UNITS } from "./readYaml.js";
export type Parsed<K extends string, T> = ({ ok: true } & Record<K, T>) | { ok: false; problems: DirectiveProblem[] };

/** The registry file beside the presets (docs/DIRECTIVES.md "Danh mục chỉ tiêu"). */
export const REGISTRY_FILE_NAME = "indicators.yaml";
const PRESETS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../directives");

export function parseRegistryText(text: string, format: TextFormat = "yaml"): Parsed<"registry", IndicatorRegistry> {
  const parsed = parseWithSchema(text, format, registryFileSchema);
  if (!parsed.ok) return parsed;
  const problems: DirectiveProblem[] = [];
  checkUnique(
    parsed.value.indicators.map((i) => i.code),
    (i) =>
      problems.push({
        path: `indicators[${i}].code`,
        message: `mã chỉ tiêu "${parsed.value.indicators[i]?.code}" bị trùng trong danh mục`,
      }),
  );
  if (problems.length > 0) return { ok: false, problems: withLines(problems, parsed.locate) };
  return { ok: true, registry: buildRegistry(parsed.value.indicators) };
}

let shipped: IndicatorRegistry | null = null;

/**
 * The deployment's registry: `directives/indicators.yaml` of this installation, read once. A
 * broken registry file is a broken installation, so it throws with the problems.
 */
export function defaultRegistry(): IndicatorRegistry {
  if (shipped) return shipped;
  const path = join(PRESETS_DIR, REGISTRY_FILE_NAME);
  const parsed = parseRegistryText(readFileSync(path, "utf8"));
  if (!parsed.ok) throw new Error(`${path}: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`);
  return (shipped = parsed.registry);
}

/**
 * Text → directive with its indicators settled by `registry`. `units`, when known, lets the
 * issuing unit and every scope be checked against the unit list.
 */
export function parseDirectiveText(
  text: string,
  format: TextFormat,
  registry: IndicatorRegistry = defaultRegistry(),
  units?: UnitList,
): Parsed<"directive", Directive> {
  const parsed = parseWithSchema(text, format, directiveSchema);
  if (!parsed.ok) return parsed;
  return checkParsed(parsed.value, parsed.locate, registry, units);
}

/**
 * A directive the deployment already accepted (the database keeps its text): parsed and settled
 * by the registry, without refusing it again for the registry, which may have changed since.
 * Null when the text no longer parses at all.
 */
export function readStoredDirective(text: string, registry: IndicatorRegistry = defaultRegistry()): Directive | null {
  const parsed = parseWithSchema(text, "yaml", directiveSchema);
  if (!parsed.ok || validateDirective(parsed.value).length > 0) return null;
  return resolveDirective(parsed.value, registry);
}

function checkParsed(
  value: ParsedDirective,
  locate: Locate,
  registry: IndicatorRegistry,
  units?: UnitList,
): Parsed<"directive", Directive> {
  const problems = [...validateDirective(value, units), ...registryProblems(value, registry)];
  if (problems.length > 0) return { ok: false, problems: withLines(problems, locate) };
  return { ok: true, directive: resolveDirective(value, registry) };
}

export function parseUnitListText(text: string, format: TextFormat): Parsed<"units", UnitList> {
  const parsed = parseWithSchema(text, format, unitListSchema);
  if (!parsed.ok) return parsed;
  const n = parsed.value.units.length;
  if (n > MAX_UNITS) return { ok: false, problems: [{ path: "units", message: problemTexts.tooManyUnits(n) }] };
  const problems = validateUnitList(parsed.value);
  if (problems.length > 0) return { ok: false, problems: withLines(problems, parsed.locate) };
  return { ok: true, units: parsed.value };
}

export type LoadedDirective = { path: string; directive: Directive; units: UnitList | null; unitsPath: string | null };
export type LoadResult = ({ ok: true } & LoadedDirective) | { ok: false; path: string; problems: DirectiveProblem[] };

/** Loads one directive file and the unit list its `unitsFile` names (relative to the file). */
export async function loadDirectiveFile(
  path: string,
  registry: IndicatorRegistry = defaultRegistry(),
): Promise<LoadResult> {
  const text = await readText(path);
  if (text === null) return { ok: false, path, problems: [{ path: "(tệp)", message: `không đọc được tệp ${path}` }] };
  const parsed = parseWithSchema(text, formatOf(path), directiveSchema);
  if (!parsed.ok) return { ok: false, path, problems: parsed.problems };
  const directive = parsed.value;
  if (directive.unitsFile === undefined) {
    const checked = checkParsed(directive, parsed.locate, registry);
    if (!checked.ok) return { ok: false, path, problems: checked.problems };
    return { ok: true, path, directive: checked.directive, units: null, unitsPath: null };
  }
  const unitsPath = resolve(dirname(path), directive.unitsFile);
  const unitsText = await readText(unitsPath);
  if (unitsText === null) {
    return {
      ok: false,
      path,
      problems: [{ path: "unitsFile", message: `không đọc được tệp đơn vị ${directive.unitsFile}` }],
    };
  }
  const units = parseUnitListText(unitsText, formatOf(unitsPath));
  if (!units.ok) {
    const problems = units.problems.map((p) => ({ ...p, path: `unitsFile(${directive.unitsFile}).${p.path}` }));
    return { ok: false, path, problems };
  }
  const checked = checkParsed(directive, parsed.locate, registry, units.units);
  if (!checked.ok) return { ok: false, path, problems: checked.problems };
  return { ok: true, path, directive: checked.directive, units: units.units, unitsPath };
}

export type PresetFailure = { path: string; problems: DirectiveProblem[] };

/**
 * Every `*.yaml|*.yml|*.json` directly in `dir`. Besides each file's own problems: directive
 * ids must be unique, and unit codes unique across all unit lists, because figures are keyed
 * by unit code and several directives may bind the same unit.
 */
export async function loadPresets(
  dir = "directives",
  registry: IndicatorRegistry = defaultRegistry(),
): Promise<{ presets: LoadedDirective[]; failures: PresetFailure[] }> {
  const files = (await readdir(dir))
    .filter((f) => /\.(ya?ml|json)$/i.test(f) && basename(f) !== REGISTRY_FILE_NAME)
    .sort();
  const presets: LoadedDirective[] = [];
  const failures: PresetFailure[] = [];
  const idOwner = new Map<string, string>();
  const unitOwner = new Map<string, string>();
  // A code one preset defines (not in the registry file) means the same in the presets after it.
  let known = registry;
  for (const file of files) {
    const result = await loadDirectiveFile(join(dir, file), known);
    if (!result.ok) {
      failures.push({ path: result.path, problems: result.problems });
      continue;
    }
    const problems: DirectiveProblem[] = [];
    const otherId = idOwner.get(result.directive.id);
    if (otherId !== undefined)
      problems.push({ path: "id", message: `mã văn bản "${result.directive.id}" đã dùng ở ${otherId}` });
    idOwner.set(result.directive.id, result.path);
    result.units?.units.forEach((u, i) => {
      const owner = unitOwner.get(u.code);
      if (owner !== undefined && owner !== result.unitsPath) {
        problems.push({
          path: `unitsFile(${result.directive.unitsFile}).units[${i}].code`,
          message: `mã đơn vị "${u.code}" đã dùng trong ${owner}`,
        });
      } else if (result.unitsPath !== null) unitOwner.set(u.code, result.unitsPath);
    });
    if (problems.length > 0) failures.push({ path: result.path, problems });
    else {
      presets.push({
        path: result.path,
        directive: result.directive,
        units: result.units,
        unitsPath: result.unitsPath,
      });
      known = extendRegistry(known, [result.directive]);
    }
  }
  return { presets, failures };
}

export type Locate = (path: string) => number | undefined;

function checkUnique(codes: readonly string[], report: (index: number) => void): void {
  const seen = new Set<string>();
  codes.forEach((c, i) => {
    if (seen.has(c)) report(i);
    seen.add(c);
  });
}
export type SchemaParse<T> = { ok: true; value: T; locate: Locate } | { ok: false; problems: DirectiveProblem[] };

/** Whether the text is a unit list: `units` and no `tiers` at the top. */
export function isUnitListText(text: string): boolean {
  const read = readYaml(text);
  const v = read.ok ? read.value : undefined;
  return typeof v === "object" && v !== null && "units" in v && !("tiers" in v);
}

export function parseWithSchema<S extends z.ZodType>(
  text: string,
  format: TextFormat,
  schema: S,
): SchemaParse<z.output<S>> {
  const tooLarge = sizeProblem(text);
  if (tooLarge) return { ok: false, problems: [tooLarge] };
  if (format === "json") {
    try {
      JSON.parse(text);
    } catch (e) {
      return { ok: false, problems: [jsonSyntaxProblem(text, e)] };
    }
  }
  const read = readYaml(text);
  if (!read.ok) return read;
  const { doc, lineCounter } = read;
  const locate: Locate = (path) => lineOf(doc, lineCounter, path);
  const result = schema.safeParse(read.value, { error: directiveErrorMap });
  if (!result.success) return { ok: false, problems: withLines(formatDirectiveIssues(result.error.issues), locate) };
  return { ok: true, value: result.data, locate };
}

export function withLines(problems: DirectiveProblem[], locate: Locate): DirectiveProblem[] {
  return problems.map((p) => {
    const line = p.line ?? locate(p.path);
    return line === undefined ? p : { ...p, line };
  });
}

/** The line of the deepest node of `path` that exists (a missing field points at its parent). */
function lineOf(doc: Document, lineCounter: LineCounter, path: string): number | undefined {
  const keys: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) keys.push(m[2] !== undefined ? Number(m[2]) : (m[1] ?? ""));
  for (let n = keys.length; n >= 0; n--) {
    const node: unknown = n === 0 ? doc.contents : doc.getIn(keys.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return lineCounter.linePos(range[0]).line;
  }
  return undefined;
}

/**
 * V8 names a position only for some JSON errors; otherwise the YAML parser, which reads JSON
 * as flow syntax, usually finds the same fault and knows its line.
 */
function jsonSyntaxProblem(text: string, e: unknown): DirectiveProblem {
  const message = (e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, " ");
  const pos = /position (\d+)/.exec(message);
  const lineCounter = new LineCounter();
  const yamlError = pos ? undefined : parseDocument(text, { lineCounter }).errors[0];
  const line = pos
    ? text.slice(0, Number(pos[1])).split("\n").length
    : yamlError && lineCounter.linePos(yamlError.pos[0]).line;
  const where = line !== undefined ? ` ở dòng ${line}` : "";
  return {
    path: "(cú pháp JSON)",
    ...(line !== undefined ? { line } : {}),
    message: `lỗi cú pháp JSON${where}: ${message}`,
  };
}

function formatOf(path: string): TextFormat {
  return extname(path).toLowerCase() === ".json" ? "json" : "yaml";
}

async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch {
    return null;
  }
}
