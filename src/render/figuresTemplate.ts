/**
 * The figures template (.xlsx) `/mau` sends, in the reporting grammar's order: unit, indicator,
 * month, then the TOTAL and then the PART (online files, or the indicator's numerator), each
 * column labelled with what it holds. Its header row is what `parseFigures` (src/ingest/figures.ts)
 * reads; rows marked "(ví dụ)" and rows with both figures left blank are skipped on upload, so a
 * template sent back half filled saves what was filled.
 */
import ExcelJS from "exceljs";

export const FIGURE_TEMPLATE_HEADERS = [
  "Mã đơn vị",
  "Tên đơn vị",
  "Mã chỉ tiêu",
  "Tên chỉ tiêu (để đọc, bot không dùng)",
  "Kỳ báo cáo (tháng/năm)",
  "Tổng (mẫu số)",
  "Trực tuyến hoặc số đạt (tử số)",
] as const;

export type TemplateRow = {
  unitCode: string;
  unitName: string;
  indicatorCode: string;
  indicatorName: string;
  /** `10/2026`, as typed. */
  periodText: string;
  total?: number;
  part?: number;
  /** Marked "(ví dụ)" and greyed: the parser skips it. */
  example?: boolean;
};

/** Fixed so regenerating the committed template does not change its document properties. */
const STAMP = new Date(Date.UTC(2026, 0, 1));
const EXAMPLE_MARK = " (ví dụ)";
const thin = { style: "thin" } as const;

export async function buildFiguresTemplate(input: {
  instruction: string;
  rows: readonly TemplateRow[];
  sheetName?: string;
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "dondoc";
  wb.created = STAMP;
  wb.modified = STAMP;
  const ws = wb.addWorksheet(input.sheetName ?? "Số liệu", { views: [{ state: "frozen", ySplit: 2 }] });
  ws.columns = [
    { width: 18 },
    { width: 30 },
    { width: 22 },
    { width: 40 },
    { width: 14 },
    { width: 14 },
    { width: 18 },
  ];

  ws.mergeCells("A1:G1");
  const note = ws.getCell("A1");
  note.value = input.instruction;
  note.alignment = { wrapText: true, vertical: "top" };
  note.font = { italic: true, color: { argb: "FF555555" } };
  ws.getRow(1).height = 76;

  const header = ws.getRow(2);
  header.values = [...FIGURE_TEMPLATE_HEADERS];
  header.font = { bold: true };
  header.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  header.height = 32;
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    cell.border = { top: thin, bottom: thin, left: thin, right: thin };
  });
  for (const r of input.rows) {
    const row = ws.addRow([
      r.unitCode,
      `${r.unitName}${r.example ? EXAMPLE_MARK : ""}`,
      r.indicatorCode,
      r.indicatorName,
      r.periodText,
      r.total ?? null,
      r.part ?? null,
    ]);
    if (r.example) row.eachCell((cell) => (cell.font = { color: { argb: "FF808080" } }));
  }
  // Text, so Excel keeps "10/2026" as typed instead of turning it into a date.
  ws.getColumn(5).numFmt = "@";
  ws.getColumn(6).numFmt = "#,##0";
  ws.getColumn(7).numFmt = "#,##0";
  const last = Math.max(1000, input.rows.length + 100);
  const validation: ExcelJS.DataValidation = {
    type: "whole",
    operator: "greaterThanOrEqual",
    formulae: [0],
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: "Số không hợp lệ",
    error: "Tổng và số trực tuyến (số đạt) là số nguyên không âm, ví dụ 1234.",
  };
  // One range rule (exceljs's per-cell rules come out as overlapping ranges, which Excel repairs).
  // `dataValidations` exists at run time but is missing from exceljs's typings.
  const sheetRules = ws as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } };
  sheetRules.dataValidations.add(`F3:G${last}`, validation);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
