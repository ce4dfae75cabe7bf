/**
 * Reads a scored index (docs/INDEX.md) the way directives are read (loadDirective.ts): text →
 * YAML/JSON → zod (`indexSchema`, strict) → `validateIndex` → the registry's meanings, every
 * problem with its path and line. The index is whole or refused: a broken file never half-loads.
 */
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import type { DirectiveProblem } from "../domain/directive/problems.js";
import { indexRegistryProblems, resolveIndex } from "../domain/index/resolveIndex.js";
import { indexSchema, type ScoredIndex } from "../domain/index/schema.js";
import { validateIndex } from "../domain/index/validateIndex.js";
import type { IndicatorRegistry } from "../domain/registry.js";
import { readYaml } from "./readYaml.js";
import { defaultRegistry, parseWithSchema, withLines, type Parsed, type TextFormat } from "./loadDirective.js";

/** The folder of index presets beside the directives: `directives/indices/`. */
export const INDICES_DIR_NAME = "indices";

/** Whether a text is a scored index: `components` and `groups` at the top, no `tiers`-only directive. */
export function isIndexText(text: string): boolean {
  const read = readYaml(text);
  const v = read.ok ? read.value : undefined;
  return typeof v === "object" && v !== null && "components" in v && "totalMaxPoints" in v;
}

export function parseIndexText(
  text: string,
  format: TextFormat = "yaml",
  registry: IndicatorRegistry = defaultRegistry(),
): Parsed<"index", ScoredIndex> {
  const parsed = parseWithSchema(text, format, indexSchema);
  if (!parsed.ok) return parsed;
  const problems = [...validateIndex(parsed.value), ...indexRegistryProblems(parsed.value, registry)];
  if (problems.length > 0) return { ok: false, problems: withLines(problems, parsed.locate) };
  return { ok: true, index: resolveIndex(parsed.value, registry) };
}

/**
 * An index the deployment already accepted (stored text): parsed and settled without refusing it
 * again for a registry that may have changed since. Null when it no longer parses.
 */
export function readStoredIndex(text: string, registry: IndicatorRegistry = defaultRegistry()): ScoredIndex | null {
  const parsed = parseWithSchema(text, "yaml", indexSchema);
  if (!parsed.ok || validateIndex(parsed.value).length > 0) return null;
  return resolveIndex(parsed.value, registry);
}

export type IndexLoadResult =
  | { ok: true; path: string; index: ScoredIndex; text: string }
  | { ok: false; path: string; problems: DirectiveProblem[] };

export async function loadIndexFile(
  path: string,
  registry: IndicatorRegistry = defaultRegistry(),
): Promise<IndexLoadResult> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return { ok: false, path, problems: [{ path: "(tệp)", message: `không đọc được tệp ${path}` }] };
  }
  const parsed = parseIndexText(text, path.toLowerCase().endsWith(".json") ? "json" : "yaml", registry);
  return parsed.ok ? { ok: true, path, index: parsed.index, text } : { ok: false, path, problems: parsed.problems };
}

/** Every index file of `dir` (default `directives/indices`), sorted by name. */
export async function loadIndexPresets(
  dir = join("directives", INDICES_DIR_NAME),
  registry: IndicatorRegistry = defaultRegistry(),
): Promise<IndexLoadResult[]> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => /\.(ya?ml|json)$/i.test(f)).sort();
  } catch {
    return [];
  }
  return Promise.all(files.map((f) => loadIndexFile(join(dir, f), registry)));
}
