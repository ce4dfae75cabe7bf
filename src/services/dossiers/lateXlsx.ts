/**
 * The monthly late list as .xlsx (docs/DOSSIERS.md `/dsquahan thang 10/2026`): the table a People's
 * Committee office attaches to its monthly report — title block, STT, one row per unit, then
 * a sheet per officer. Only counts and names of officials: no dossier, no citizen.
 */
import ExcelJS from "exceljs";
import { formatViDate, formatViMonth } from "../../domain/directive/dates.js";
import { columnLetter } from "../../ingest/grid.js";
import type { LateList } from "./lateList.js";

const THIN = { style: "thin" } as const;
const BORDER = { top: THIN, bottom: THIN, left: THIN, right: THIN };

function table(
  ws: ExcelJS.Worksheet,
  title: string,
  subtitle: string,
  headers: string[],
  rows: (string | number)[][],
  widths: number[],
): void {
  ws.columns = widths.map((width) => ({ width }));
  const last = columnLetter(headers.length - 1);
  ws.mergeCells(`A1:${last}1`);
  ws.mergeCells(`A2:${last}2`);
  const t = ws.getCell("A1");
  t.value = title;
  t.font = { bold: true, size: 13 };
  t.alignment = { horizontal: "center", wrapText: true };
  ws.getRow(1).height = 36;
  const s = ws.getCell("A2");
  s.value = subtitle;
  s.font = { italic: true };
  s.alignment = { horizontal: "center" };
  const header = ws.getRow(4);
  header.values = headers;
  header.font = { bold: true };
  header.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  header.height = 32;
  header.eachCell((c) => (c.border = BORDER));
  for (const values of rows) {
    const row = ws.addRow(values);
    row.eachCell({ includeEmpty: true }, (c, col) => {
      c.border = BORDER;
      if (col !== 2 && col !== 3) c.alignment = { horizontal: "center" };
    });
  }
  ws.views = [{ state: "frozen", ySplit: 4 }];
}

export async function lateListXlsx(list: LateList, scopeName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "dondoc";
  const subtitle = `${scopeName} — tháng ${formatViMonth(list.month)} (số liệu đến ngày ${formatViDate(list.asOf)})`;
  const units = wb.addWorksheet("Đơn vị");
  table(
    units,
    "DANH SÁCH ĐƠN VỊ CÓ HỒ SƠ THỦ TỤC HÀNH CHÍNH QUÁ HẠN",
    subtitle,
    [
      "STT",
      "Đơn vị",
      "Mã đơn vị",
      "Số hồ sơ quá hạn",
      "Có văn bản xin lỗi đúng hạn",
      "Chưa xin lỗi đúng hạn",
      "Trễ hẹn lần 2",
    ],
    list.units.map((u, i) => [
      i + 1,
      u.unitName,
      u.unitCode,
      u.late,
      u.apologisedInTime,
      u.late - u.apologisedInTime,
      u.lateAgain,
    ]),
    [6, 40, 16, 14, 18, 16, 14],
  );
  const officers = wb.addWorksheet("Cán bộ");
  const officerRows = list.units.flatMap((u) => u.officers.map((o) => ({ u, o })));
  table(
    officers,
    "DANH SÁCH CÁN BỘ, CÔNG CHỨC CÓ HỒ SƠ QUÁ HẠN",
    subtitle,
    [
      "STT",
      "Cán bộ xử lý",
      "Đơn vị",
      "Số hồ sơ quá hạn",
      "Có văn bản xin lỗi đúng hạn",
      "Chưa xin lỗi đúng hạn",
      "Trễ hẹn lần 2",
    ],
    officerRows.map(({ u, o }, i) => [
      i + 1,
      o.name,
      u.unitName,
      o.late,
      o.apologisedInTime,
      o.late - o.apologisedInTime,
      o.lateAgain,
    ]),
    [6, 30, 40, 14, 18, 16, 14],
  );
  const note = list.units.length === 0 ? "Không có đơn vị nào có hồ sơ quá hạn trong tháng." : "";
  if (note) units.addRow([note]);
  units.addRow([]);
  units.addRow([
    "Ghi chú: hồ sơ quá hạn là hồ sơ có ngày hẹn trả trong tháng, trả kết quả sau ngày hẹn hoặc chưa trả khi lập danh sách; " +
      "xin lỗi đúng hạn là có văn bản xin lỗi được duyệt không muộn hơn ngày hẹn trả; " +
      "trễ hẹn lần 2 là hồ sơ đã xin lỗi, hẹn lại một lần, có ngày hẹn lại trong tháng và vẫn trả sau ngày đó hoặc chưa trả.",
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
