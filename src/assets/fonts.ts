import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { GlobalFonts } from "@napi-rs/canvas";
import { CHART_FONT_FAMILY } from "../render/chart-font.js";

const FONT_FILES = ["BeVietnamPro-Regular.ttf", "BeVietnamPro-Bold.ttf"] as const;
const FONT_DIR = fileURLToPath(new URL("../../assets/fonts/", import.meta.url));

let registered = false;

/**
 * Registers the bundled chart font (render/chart-font.ts says why it is bundled) from
 * assets/fonts/. Called by whoever draws charts, before drawing: the renderer itself reads no file.
 * Idempotent; throws if the bundled font files are missing (a broken checkout, not user error).
 */
export function registerChartFonts(): void {
  if (registered) return;
  for (const file of FONT_FILES) {
    const path = FONT_DIR + file;
    if (!existsSync(path)) throw new Error(`Bundled chart font missing: ${path}`);
    GlobalFonts.registerFromPath(path, CHART_FONT_FAMILY);
  }
  registered = true;
}
