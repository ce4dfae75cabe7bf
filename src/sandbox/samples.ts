/**
 * The demo's sample dossier export, for the page's guided tour ("kịch bản dùng thử"): a few
 * dossiers of one unit laid out as a one-stop system exports them, dated around the sandbox's
 * today so that two are already late, one is due tomorrow and one was finished late. Names are
 * invented and say so; nothing here is anyone's data.
 */
import ExcelJS from "exceljs";
import { formatViDate, type IsoDate } from "../domain/directive/dates.js";

const HEADER = [
  "STT",
  "Đơn vị tiếp nhận",
  "Tên thủ tục hành chính",
  "Mã hồ sơ",
  "Trạng thái",
  "Người nộp",
  "Chủ hồ sơ",
  "Ngày nộp hồ sơ",
  "Ngày nhận",
  "Ngày hẹn trả",
  "Ngày kết thúc xử lý",
  "Cán bộ xử lý",
];

type SampleRow = { procedure: string; applicant: string; submittedAgo: number; dueIn: number; finishedAgo?: number };
const ROWS: SampleRow[] = [
  { procedure: "Đăng ký khai sinh", applicant: "Nguyễn Văn Mẫu", submittedAgo: 9, dueIn: -3 },
  { procedure: "Chứng thực bản sao từ bản chính", applicant: "Trần Thị Thử", submittedAgo: 6, dueIn: -1 },
  { procedure: "Đăng ký kết hôn", applicant: "Lê Văn Demo", submittedAgo: 4, dueIn: 1 },
  {
    procedure: "Cấp bản sao trích lục hộ tịch",
    applicant: "Phạm Thị Ví Dụ",
    submittedAgo: 12,
    dueIn: -6,
    finishedAgo: 2,
  },
];

function shift(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const SAMPLE_DOSSIERS_FILE = "ho-so-mau-tre-hen.xlsx";

/** The export of `unitName` as of `today` (the sandbox clock's local date). */
export async function sampleDossierExport(unitName: string, today: IsoDate): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Danh sách hồ sơ");
  ws.addRow(["DANH SÁCH HỒ SƠ (DỮ LIỆU MẪU CỦA BẢN DÙNG THỬ)"]);
  ws.addRow([`Đến ngày ${formatViDate(today)}`]);
  ws.addRow(HEADER);
  const stamp = today.slice(2).replaceAll("-", "");
  ROWS.forEach((r, i) => {
    const submitted = formatViDate(shift(today, -r.submittedAgo));
    ws.addRow([
      i + 1,
      unitName,
      r.procedure,
      `000.00.07.H12-${stamp}-${String(i + 1).padStart(4, "0")}`,
      r.finishedAgo === undefined ? "Đang xử lý" : "Đã trả kết quả",
      r.applicant,
      r.applicant,
      `${submitted} 08:00`,
      `${submitted} 08:15`,
      formatViDate(shift(today, r.dueIn)),
      r.finishedAgo === undefined ? null : formatViDate(shift(today, -r.finishedAgo)),
      "Cán bộ một cửa",
    ]);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
