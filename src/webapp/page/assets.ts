/**
 * The page's static files: its own script and style (public/), and chart.js's UMD build from
 * node_modules — the same library and version the bot draws its images with, served from the
 * deployment itself because the Mini App's CSP allows no script from elsewhere (script-src 'self').
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PUBLIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "public");

function chartJsPath(): string {
  const main = createRequire(import.meta.url).resolve("chart.js");
  return path.join(path.dirname(main), "chart.umd.min.js");
}

const FILES: Record<string, { contentType: string; file: () => string }> = {
  "app.js": { contentType: "text/javascript; charset=utf-8", file: () => path.join(PUBLIC_DIR, "app.js") },
  "charts.js": { contentType: "text/javascript; charset=utf-8", file: () => path.join(PUBLIC_DIR, "charts.js") },
  "app.css": { contentType: "text/css; charset=utf-8", file: () => path.join(PUBLIC_DIR, "app.css") },
  "chart.umd.js": { contentType: "text/javascript; charset=utf-8", file: chartJsPath },
};

export const ASSET_NAMES = Object.keys(FILES);

/** Read once and kept: the files do not change while the process runs. */
const cache = new Map<string, Promise<Uint8Array>>();

export async function readAsset(name: string): Promise<{ contentType: string; body: Uint8Array } | undefined> {
  const entry = Object.hasOwn(FILES, name) ? FILES[name] : undefined;
  if (!entry) return undefined;
  let body = cache.get(name);
  if (!body) {
    body = readFile(entry.file()).then((b) => new Uint8Array(b));
    cache.set(name, body);
    body.catch(() => cache.delete(name));
  }
  return { contentType: entry.contentType, body: await body };
}
