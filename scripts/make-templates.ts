/**
 * Writes templates/mau-bao-cao-so-lieu.xlsx, the blank figures template `/mau` sends outside a
 * unit or leaders' chat (those get it pre-filled, src/services/figures/template.ts). Run:
 * `npx tsx scripts/make-templates.ts` and commit the result. Same builder as the pre-filled one
 * (src/render/figuresTemplate.ts); test/ingest/template.test.ts checks both parse.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { uploadTexts } from "../src/messages/upload.js";
import { buildFiguresTemplate as build, type TemplateRow } from "../src/render/figuresTemplate.js";

export const FIGURES_TEMPLATE_PATH = fileURLToPath(new URL("../templates/mau-bao-cao-so-lieu.xlsx", import.meta.url));

/** Marked "(ví dụ)": parseFigures skips such rows, so a template sent back untouched imports nothing. */
const EXAMPLES: TemplateRow[] = [
  {
    unitCode: "MA-DON-VI",
    unitName: "Tên đơn vị",
    indicatorCode: "hs-truc-tuyen",
    indicatorName: "Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến",
    periodText: "10/2026",
    total: 120,
    part: 95,
    example: true,
  },
  {
    unitCode: "MA-DON-VI",
    unitName: "Tên đơn vị",
    indicatorCode: "hs-dung-han",
    indicatorName: "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn",
    periodText: "10/2026",
    total: 100,
    part: 95,
    example: true,
  },
];

export async function buildFiguresTemplate(): Promise<Buffer> {
  return build({ instruction: uploadTexts.templateInstruction("2026-10"), rows: EXAMPLES });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeFile(FIGURES_TEMPLATE_PATH, await buildFiguresTemplate());
  console.log(`wrote ${FIGURES_TEMPLATE_PATH}`);
}
