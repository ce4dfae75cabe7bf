/**
 * The current view as .xlsx ("Tải .xlsx"), written like the digest's (services/digest/xlsx.ts):
 * one sheet per indicator, worst first, one per scored index, lowest first, then the changes,
 * tasks, overdue dossiers (counts) and the chosen unit's history. Units and counts only: no
 * citizen data.
 */
import ExcelJS from "exceljs";
import { formatViDate, formatViMonth } from "../../domain/directive/dates.js";
import type { DashboardModel, RankRow } from "../../services/dashboard/index.js";
import { levelName, milestoneText } from "./text.js";

const RANK_HEADERS = [
  "STT",
  "Đơn vị",
  "Mã đơn vị",
  "Tử số",
  "Mẫu số",
  "Tỷ lệ",
  "Mức",
  "Chỉ tiêu đang áp dụng",
  "Chỉ tiêu tiếp theo",
  "Thiếu (điểm %)",
];
const RANK_WIDTHS = [6, 36, 16, 10, 10, 10, 8, 26, 26, 14];

/** A scored index's sheet: the points as numbers, and the score as the page prints it. */
const INDEX_HEADERS = [
  "STT",
  "Đơn vị",
  "Mã đơn vị",
  "Điểm",
  "Trên (điểm có số liệu)",
  "Thang điểm",
  "Điểm như trên trang",
  "Xếp loại",
  "Điểm tháng trước",
  "Thay đổi",
  "Tăng điểm nhiều nhất",
];
const INDEX_WIDTHS = [6, 36, 16, 8, 12, 10, 18, 12, 12, 10, 44];

/** Excel forbids these in a sheet name, and caps it at 31 characters. */
function sheetName(s: string, used: Set<string>): string {
  const base = s.replace(/[\\/*?:[\]]/g, " ").slice(0, 28);
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base} ${n}`;
  used.add(name);
  return name;
}

const valueCell = (r: RankRow): string =>
  r.status === "not-reported"
    ? "chưa báo cáo"
    : r.status === "no-data"
      ? "chưa phát sinh hồ sơ"
      : (r.percentText ?? "");

function sheet(
  wb: ExcelJS.Workbook,
  used: Set<string>,
  name: string,
  title: string,
  headers: string[],
  widths: number[],
) {
  const ws = wb.addWorksheet(sheetName(name, used));
  ws.columns = widths.map((width) => ({ width }));
  ws.addRow([title]).font = { bold: true };
  ws.addRow([]);
  ws.addRow(headers).font = { bold: true };
  ws.views = [{ state: "frozen", ySplit: 3 }];
  return ws;
}

export async function dashboardXlsx(m: DashboardModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "dondoc";
  const used = new Set<string>();
  const month = formatViMonth(m.period);
  for (const s of m.sections) {
    const ws = sheet(
      wb,
      used,
      s.shortName,
      `${s.name} — tháng ${month}, đến ${formatViDate(m.day)}`,
      RANK_HEADERS,
      RANK_WIDTHS,
    );
    [...s.ranked, ...s.others].forEach((r, i) => {
      ws.addRow([
        i + 1,
        r.unit.name,
        r.unit.code,
        r.numerator ?? "",
        r.denominator ?? "",
        valueCell(r),
        levelName(r.level),
        milestoneText(r.inForce),
        milestoneText(r.next),
        r.gap !== null && r.gap > 0 ? r.gap : "",
      ]);
    });
  }
  for (const x of m.index) {
    const ws = sheet(
      wb,
      used,
      x.shortName,
      `${x.name} — điểm tháng ${month}, thấp nhất trước`,
      INDEX_HEADERS,
      INDEX_WIDTHS,
    );
    x.rows.forEach((r, i) => {
      ws.addRow([
        i + 1,
        r.unit.name,
        r.unit.code,
        r.points,
        r.maxAvailable,
        x.max,
        r.scoreText,
        r.band ?? "",
        r.previous ?? "",
        r.changeText ?? "",
        r.gain ?? "",
      ]);
    });
    x.notReported.forEach((u, i) => {
      ws.addRow([x.rows.length + i + 1, u.name, u.code, "", "", x.max, "chưa báo cáo"]);
    });
    if (x.unit) {
      ws.addRow([]);
      ws.addRow(["", `${x.unit.unit.name}: ${x.unit.scoreText}`]).font = { bold: true };
      for (const g of x.unit.groups) ws.addRow(["", g.name, "", g.text]);
      for (const gain of x.unit.gains) ws.addRow(["", "Tăng điểm", "", "", "", "", "", "", "", "", gain]);
    }
  }
  const changes = sheet(
    wb,
    used,
    "Thay đổi",
    `Thay đổi so với tháng ${formatViMonth(m.previous)}`,
    ["Đơn vị", "Mã đơn vị", "Chỉ tiêu", "Tháng trước", "Tháng này"],
    [36, 16, 30, 20, 20],
  );
  for (const d of m.changes.dropped)
    changes.addRow([
      d.unit.name,
      d.unit.code,
      d.indicator,
      `${levelName(d.from)} ${d.fromText ?? ""}`.trim(),
      `${levelName(d.to)} ${d.toText ?? ""}`.trim(),
    ]);
  for (const n of m.changes.notReported)
    changes.addRow([n.unit.name, n.unit.code, n.indicators.join(", "), "", "chưa báo cáo"]);
  const tasks = sheet(
    wb,
    used,
    "Nhiệm vụ",
    `Nhiệm vụ quá hạn và sắp đến hạn, đến ${formatViDate(m.day)}`,
    ["Đơn vị", "Mã đơn vị", "Nhiệm vụ", "Hạn", "Tình trạng"],
    [36, 16, 50, 12, 14],
  );
  for (const t of m.tasks)
    for (const x of t.titles)
      tasks.addRow([t.unit.name, t.unit.code, x.title, formatViDate(x.due), x.overdue ? "quá hạn" : "sắp đến hạn"]);
  const dossiers = sheet(
    wb,
    used,
    "Hồ sơ quá hạn",
    `Hồ sơ quá hạn theo đơn vị, đến ${formatViDate(m.day)}`,
    ["Đơn vị", "Mã đơn vị", "Số hồ sơ quá hạn"],
    [36, 16, 18],
  );
  for (const d of m.dossiers) dossiers.addRow([d.unit.name, d.unit.code, d.overdue]);
  for (const h of m.history) {
    const ws = sheet(
      wb,
      used,
      `Diễn biến ${h.unit.code}`,
      `${h.unit.name} — ${h.indicator.name}`,
      ["Tháng", "Tỷ lệ", "Mức", "Chỉ tiêu đang áp dụng (%)"],
      [12, 12, 10, 24],
    );
    for (const p of h.points)
      ws.addRow([formatViMonth(p.period), p.percentText ?? "chưa báo cáo", levelName(p.level), p.target ?? ""]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
