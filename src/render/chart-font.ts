/**
 * Be Vietnam Pro (SIL OFL 1.1, assets/fonts/OFL.txt) is bundled so that diacritics such as
 * "Phường Đức Xuân" render identically on every machine, whatever system fonts it has. The files
 * are registered by src/assets/fonts.ts; the renderer only checks that they were.
 */
export const CHART_FONT_FAMILY = "Be Vietnam Pro";
