/**
 * Which legal form a document takes, as data (docs/DOSSIERS.md).
 * A new decree is a new row here and a new template in templates/, never a new `if`.
 *
 * - NĐ 61/2018/NĐ-CP, form from Thông tư 01/2018/TT-VPCP (in force 06/01/2019 per the Bộ pháp điển,
 *   Điều 3.3.TT.34.9 = Điều 9 of the circular), Mẫu 04 "Phiếu xin lỗi và hẹn lại ngày trả kết quả".
 * - NĐ 118/2025/NĐ-CP (in force 01/07/2025, replacing NĐ 61/2018), form from Thông tư
 *   03/2025/TT-VPCP, Mẫu 04 "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết".
 * The form is chosen by the document's own date: the law in force when it is signed.
 * TT 03/2025 is dated 15/09/2025; which form applied from 01/07 to 14/09/2025 is not verified, so the
 * TT 03/2025 row starts with the decree (docs/DOSSIERS.md «Bố cục văn bản và căn cứ»).
 */
import type { IsoDate } from "../../domain/directive/dates.js";

export type DossierDocKind = "apology" | "explanation";

export interface LegalForm {
  kind: DossierDocKind;
  /** First day this form applies (inclusive). */
  from: IsoDate;
  /** The decree with its date and subject, as cited ("Căn cứ …", NĐ 30/2020 Phụ lục I mục II.6.b). */
  decree: string;
  circular: string | null;
  formNo: string | null;
  /** The document's heading as the form prints it. */
  title: string;
  /** File in templates/ (an office may replace it with its own letterhead). */
  template: string;
  /** The document type's abbreviation in the number: "12/XL-UBND" (NĐ 30/2020 Phụ lục III for "BC"). */
  symbol: string;
}

const DECREE_61_2018 =
  "Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính";
const DECREE_118_2025 =
  "Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia";

export const LEGAL_FORMS: readonly LegalForm[] = [
  {
    kind: "apology",
    from: "2019-01-06",
    decree: DECREE_61_2018,
    circular: "Thông tư số 01/2018/TT-VPCP",
    formNo: "Mẫu số 04",
    title: "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
    template: "tt01-2018-mau04-phieu-xin-loi.docx",
    symbol: "PXL",
  },
  {
    kind: "apology",
    from: "2025-07-01",
    decree: DECREE_118_2025,
    circular: "Thông tư số 03/2025/TT-VPCP",
    formNo: "Mẫu số 04",
    title: "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
    template: "tt03-2025-mau04-van-ban-xin-loi.docx",
    symbol: "XL",
  },
  {
    kind: "explanation",
    from: "2019-01-06",
    decree: DECREE_61_2018,
    circular: null,
    formNo: null,
    title: "BÁO CÁO GIẢI TRÌNH VỀ VIỆC GIẢI QUYẾT HỒ SƠ QUÁ HẠN",
    template: "bao-cao-giai-trinh.docx",
    symbol: "BC",
  },
  {
    kind: "explanation",
    from: "2025-07-01",
    decree: DECREE_118_2025,
    circular: null,
    formNo: null,
    title: "BÁO CÁO GIẢI TRÌNH VỀ VIỆC GIẢI QUYẾT HỒ SƠ QUÁ HẠN",
    template: "bao-cao-giai-trinh.docx",
    symbol: "BC",
  },
];

export class NoFormError extends Error {}

/** The latest row of `kind` whose `from` is on or before `date`. */
export function formInForce(kind: DossierDocKind, date: IsoDate, forms: readonly LegalForm[] = LEGAL_FORMS): LegalForm {
  let best: LegalForm | undefined;
  for (const f of forms) if (f.kind === kind && f.from <= date && (!best || f.from > best.from)) best = f;
  if (!best) throw new NoFormError(`no ${kind} form in force on ${date}`);
  return best;
}

/** Where an issued document's number is taken from: one register per form symbol and unit, every year. */
export function registerOf(form: LegalForm, unitCode: string): string {
  return `${form.symbol}-${unitCode}`;
}

/**
 * The printed number (NĐ 30/2020 Phụ lục I mục II.3): below 10 with a leading zero, then the
 * document type's and the agency's own abbreviations: "01/XL-UBND", "12/BC-STP".
 */
export function printedNumber(n: number, form: LegalForm, abbreviation: string): string {
  return `${String(n).padStart(2, "0")}/${form.symbol}-${abbreviation}`;
}
