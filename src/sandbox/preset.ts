/**
 * The demo province (docs/SANDBOX.md): the directive of today — the most recently issued preset with a
 * unit list (a plan of the two-level government, so its units are today's communes and wards) —
 * every national preset, which binds every unit, and the scored indices of `indices/`, loaded through the same use-case as an
 * administrator's upload. A demo whose clock starts today must show targets in force today, not
 * a 2022 document's (docs/DIRECTIVES.md "Hiệu lực").
 */
import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import type { Db } from "../db/client.js";
import { loadDirectiveFile, REGISTRY_FILE_NAME, type LoadedDirective } from "../directives/loadDirective.js";
import { INDICES_DIR_NAME, loadIndexPresets } from "../directives/loadIndex.js";
import { installText } from "../services/directives/install.js";

export class PresetError extends Error {}

/** Presets of `dir` that load, the demo's own first: the latest issued with a unit list, then national ones. */
export async function presetCandidates(dir: string): Promise<LoadedDirective[]> {
  const names = (await readdir(dir).catch(() => [] as string[]))
    .filter((n) => /\.ya?ml$/.test(n) && basename(n) !== REGISTRY_FILE_NAME)
    .sort();
  const loaded: LoadedDirective[] = [];
  for (const n of names) {
    const r = await loadDirectiveFile(join(dir, n));
    if (r.ok) loaded.push(r);
  }
  const local = loaded
    .filter((p) => p.unitsPath !== null)
    .sort((a, b) => b.directive.issuedOn.localeCompare(a.directive.issuedOn));
  return [...local, ...loaded.filter((p) => p.directive.national)];
}

/** Installs the demo's preset with its unit list, and the national presets; returns their paths. */
export async function installDemoPreset(prisma: Db, dir: string): Promise<string[]> {
  const candidates = await presetCandidates(dir);
  const tried: string[] = [];
  for (const p of candidates.filter((c) => c.unitsPath !== null)) {
    const units = await installText(prisma, await readFile(p.unitsPath ?? "", "utf8"), "yaml");
    const directive = units.ok ? await installText(prisma, await readFile(p.path, "utf8"), "yaml") : units;
    if (!directive.ok) {
      tried.push(p.path);
      continue;
    }
    const installed = [p.path];
    for (const n of candidates.filter((c) => c.directive.national)) {
      if ((await installText(prisma, await readFile(n.path, "utf8"), "yaml")).ok) installed.push(n.path);
    }
    // The scored indices (docs/INDEX.md), so the demo's units report and see their components.
    for (const r of await loadIndexPresets(join(dir, INDICES_DIR_NAME))) {
      if (r.ok && (await installText(prisma, r.text, "yaml")).ok) installed.push(r.path);
    }
    return installed;
  }
  throw new PresetError(
    `Không nạp được văn bản mẫu nào trong ${dir} (đã thử: ${tried.join(", ") || "không có tệp .yaml"})`,
  );
}
