/**
 * Writes templates/mau-bao-cao-so-lieu.xlsx, the figures template the bot sends on /mau.
 * Run: `npx tsx scripts/make-templates.ts` and commit the result. Its header row is exactly
 * what `parseFigures` (src/ingest/figures.ts) reads; test/ingest/template.test.ts checks that.
 */
import ExcelJS from "exceljs";
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

export const FIGURES_TEMPLATE_PATH = fileURLToPath(new URL("../templates/mau-bao-cao-so-lieu.xlsx", import.meta.url));

const HEADERS = ["Mã đơn vị", "Tên đơn vị", "Mã chỉ tiêu", "Kỳ báo cáo (tháng/năm)", "Tử số", "Mẫu số"];
/** Marked "(ví dụ)": parseFigures skips such rows, so a template sent back untouched imports nothing. */
const EXAMPLES = [
  ["PHUONG-A", "Phường A (ví dụ)", "hs-truc-tuyen", "10/2026", 120, 150],
  ["PHUONG-A", "Phường A (ví dụ)", "hs-dung-han", "10/2026", 95, 100],
];
const INSTRUCTION =
  "Hướng dẫn: mỗi dòng là số liệu của một đơn vị, một chỉ tiêu, một tháng. Kỳ báo cáo ghi tháng/năm (ví dụ 10/2026). " +
  "Tử số, Mẫu số là số nguyên không âm, Tử số không lớn hơn Mẫu số (ví dụ: 120 hồ sơ trực tuyến trên tổng 150 hồ sơ). " +
  'Hai dòng có chữ "ví dụ" được bỏ qua; hãy xoá hoặc ghi đè rồi gửi lại tệp .xlsx này cho bot.';
/** Fixed so regenerating the template does not change its document properties. */
const STAMP = new Date(Date.UTC(2026, 0, 1));

export async function buildFiguresTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "dondoc";
  wb.created = STAMP;
  wb.modified = STAMP;
  const ws = wb.addWorksheet("Số liệu", { views: [{ state: "frozen", ySplit: 2 }] });
  ws.columns = [{ width: 16 }, { width: 30 }, { width: 18 }, { width: 24 }, { width: 12 }, { width: 12 }];

  ws.mergeCells("A1:F1");
  const note = ws.getCell("A1");
  note.value = INSTRUCTION;
  note.alignment = { wrapText: true, vertical: "top" };
  note.font = { italic: true, color: { argb: "FF555555" } };
  ws.getRow(1).height = 62;

  const header = ws.getRow(2);
  header.values = HEADERS;
  header.font = { bold: true };
  header.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    cell.border = {
      top: { style: "thin" },
      bottom: { style: "thin" },
      left: { style: "thin" },
      right: { style: "thin" },
    };
  });
  EXAMPLES.forEach((values) => ws.addRow(values).eachCell((cell) => (cell.font = { color: { argb: "FF808080" } })));

  // Text, so Excel keeps "10/2026" as typed instead of turning it into a date.
  ws.getColumn(4).numFmt = "@";
  ws.getColumn(5).numFmt = "#,##0";
  ws.getColumn(6).numFmt = "#,##0";
  const validation: ExcelJS.DataValidation = {
    type: "whole",
    operator: "greaterThanOrEqual",
    formulae: [0],
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: "Số không hợp lệ",
    error: "Tử số và Mẫu số là số nguyên không âm, ví dụ 1234.",
  };
  // One range rule (exceljs's per-cell rules come out as overlapping ranges, which Excel repairs).
  // `dataValidations` exists at run time but is missing from exceljs's typings.
  const sheetRules = ws as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } };
  sheetRules.dataValidations.add("E3:F1000", validation);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeFile(FIGURES_TEMPLATE_PATH, await buildFiguresTemplate());
  console.log(`wrote ${FIGURES_TEMPLATE_PATH}`);
}
