/**
 * The digest's figures as .xlsx (the "Tải .xlsx" button): one sheet per indicator, one row per unit
 * below the root, farthest below its own target first, then the units with no dossiers and those
 * that have not reported. Only counts of dossiers per unit: no citizen data.
 */
import ExcelJS from "exceljs";
import type { CatalogUnit } from "../../domain/catalog.js";
import { formatViMonth } from "../../domain/directive/dates.js";
import { gapToTarget, judgedMilestone, LEVEL_NAMES } from "../../domain/evaluation/index.js";
import type { IndicatorDigest } from "./data.js";

const HEADERS = ["STT", "Đơn vị", "Mã đơn vị", "Tử số", "Mẫu số", "Tỷ lệ", "Chỉ tiêu", "Thiếu (điểm %)", "Mức"];
const WIDTHS = [6, 40, 16, 10, 10, 10, 10, 14, 14];

/** Excel forbids these in a sheet name, and caps it at 31 characters. */
const sheetName = (s: string, used: Set<string>) => {
  const base = s.replace(/[\\/*?:[\]]/g, " ").slice(0, 28);
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base} ${n}`;
  used.add(name);
  return name;
};

export async function digestXlsx(root: CatalogUnit, data: readonly IndicatorDigest[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "dondoc";
  const used = new Set<string>();
  for (const d of data) {
    const ws = wb.addWorksheet(sheetName(d.indicator.shortName ?? d.indicator.code, used));
    ws.columns = WIDTHS.map((width) => ({ width }));
    ws.addRow([`${d.indicator.name} — ${root.name} — tháng ${formatViMonth(d.period)}`]).font = { bold: true };
    ws.addRow([]);
    const header = ws.addRow(HEADERS);
    header.font = { bold: true };
    const listed = new Set(d.ranked.map((r) => r.unit.code));
    const rest = d.rows.filter((r) => !listed.has(r.unit.code));
    [...d.ranked, ...rest].forEach((r, i) => {
      const e = r.evaluation;
      const f = e.figures;
      const target = judgedMilestone(e);
      const gap = gapToTarget(e);
      ws.addRow([
        i + 1,
        r.unit.name,
        r.unit.code,
        f?.numerator ?? "",
        f && e.kind === "ratio" ? f.denominator : "",
        e.status === "not-reported"
          ? "chưa báo cáo"
          : e.status === "no-data"
            ? "chưa phát sinh hồ sơ"
            : (e.percentText ?? ""),
        target?.targetText ?? "",
        gap !== null && gap > 0 ? Math.round(gap * 100) / 100 : "",
        e.level ? LEVEL_NAMES[e.level] : "",
      ]);
    });
    ws.views = [{ state: "frozen", ySplit: 3 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
