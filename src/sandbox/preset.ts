/**
 * The demo province (issue #6): the Bắc Kạn preset, or any preset in the directives folder when
 * that one is missing, loaded through the same use-case as an administrator's upload.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Db } from "../db/client.js";
import { loadDirectiveFile } from "../directives/loadDirective.js";
import { installText } from "../services/install.js";

const PREFERRED = /^bac-kan-.*\.ya?ml$/;

export class PresetError extends Error {}

/** Preset files in `dir`, the preferred one first. */
export async function presetCandidates(dir: string): Promise<string[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => /\.ya?ml$/.test(n)).sort();
  return [...names.filter((n) => PREFERRED.test(n)), ...names.filter((n) => !PREFERRED.test(n))].map((n) => join(dir, n));
}

/** Installs the first preset that loads cleanly, with its unit list; returns its path. */
export async function installDemoPreset(prisma: Db, dir: string): Promise<string> {
  const tried: string[] = [];
  for (const path of await presetCandidates(dir)) {
    const loaded = await loadDirectiveFile(path);
    if (!loaded.ok || !loaded.unitsPath) {
      tried.push(path);
      continue;
    }
    const units = await installText(prisma, await readFile(loaded.unitsPath, "utf8"), "yaml");
    const directive = units.ok ? await installText(prisma, await readFile(path, "utf8"), "yaml") : units;
    if (directive.ok) return path;
    tried.push(path);
  }
  throw new PresetError(`Không nạp được văn bản mẫu nào trong ${dir} (đã thử: ${tried.join(", ") || "không có tệp .yaml"})`);
}
