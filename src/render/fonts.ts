import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { GlobalFonts } from "@napi-rs/canvas";

/**
 * Be Vietnam Pro (SIL OFL 1.1, assets/fonts/OFL.txt) is bundled so that diacritics such as
 * "Phường Đức Xuân" render identically on every machine, whatever system fonts it has.
 */
export const CHART_FONT_FAMILY = "Be Vietnam Pro";

const FONT_FILES = ["BeVietnamPro-Regular.ttf", "BeVietnamPro-Bold.ttf"] as const;
const FONT_DIR = fileURLToPath(new URL("../../assets/fonts/", import.meta.url));

let registered = false;

/** Idempotent; throws if the bundled font files are missing (a broken checkout, not user error). */
export function registerChartFonts(): void {
  if (registered) return;
  for (const file of FONT_FILES) {
    const path = FONT_DIR + file;
    if (!existsSync(path)) throw new Error(`Bundled chart font missing: ${path}`);
    GlobalFonts.registerFromPath(path, CHART_FONT_FAMILY);
  }
  registered = true;
}
