/**
 * Which legal form a document takes, as data (issue #5 "the form of the legal basis in force").
 * A new decree is a new row here and a new template in templates/, never a new `if`.
 *
 * - NĐ 61/2018/NĐ-CP, form from Thông tư 01/2018/TT-VPCP (in force 07/01/2019), Mẫu 04
 *   "Phiếu xin lỗi và hẹn lại ngày trả kết quả".
 * - NĐ 118/2025/NĐ-CP (in force 01/07/2025, replacing NĐ 61/2018), form from Thông tư
 *   03/2025/TT-VPCP, Mẫu 04 "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết".
 * The form is chosen by the document's own date: the law in force when it is signed.
 */
import type { IsoDate } from "../domain/directive/dates.js";

export type DossierDocKind = "apology" | "explanation";

export interface LegalForm {
  kind: DossierDocKind;
  /** First day this form applies (inclusive). */
  from: IsoDate;
  decree: string;
  circular: string | null;
  formNo: string | null;
  /** The document's heading as the form prints it. */
  title: string;
  /** File in templates/ (an office may replace it with its own letterhead). */
  template: string;
  /** Symbol in the document number: "12/PXL-TN-X1". */
  symbol: string;
}

export const LEGAL_FORMS: readonly LegalForm[] = [
  {
    kind: "apology", from: "2019-01-07", decree: "Nghị định số 61/2018/NĐ-CP", circular: "Thông tư số 01/2018/TT-VPCP",
    formNo: "Mẫu số 04", title: "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", template: "tt01-2018-mau04-phieu-xin-loi.docx",
    symbol: "PXL",
  },
  {
    kind: "apology", from: "2025-07-01", decree: "Nghị định số 118/2025/NĐ-CP", circular: "Thông tư số 03/2025/TT-VPCP",
    formNo: "Mẫu số 04", title: "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
    template: "tt03-2025-mau04-van-ban-xin-loi.docx", symbol: "XL",
  },
  {
    kind: "explanation", from: "2019-01-07", decree: "Nghị định số 61/2018/NĐ-CP", circular: null, formNo: null,
    title: "BÁO CÁO GIẢI TRÌNH VỀ VIỆC GIẢI QUYẾT HỒ SƠ QUÁ HẠN", template: "bao-cao-giai-trinh.docx", symbol: "BC",
  },
  {
    kind: "explanation", from: "2025-07-01", decree: "Nghị định số 118/2025/NĐ-CP", circular: null, formNo: null,
    title: "BÁO CÁO GIẢI TRÌNH VỀ VIỆC GIẢI QUYẾT HỒ SƠ QUÁ HẠN", template: "bao-cao-giai-trinh.docx", symbol: "BC",
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

/** Who signs for the unit, by tier (the template's "signer title"; offices edit the .docx for KT./TL.). */
export const SIGNER_TITLES: Readonly<Record<string, string>> = {
  tinh: "CHỦ TỊCH",
  huyen: "CHỦ TỊCH",
  xa: "CHỦ TỊCH",
  "so-ban-nganh": "GIÁM ĐỐC",
};
export const DEFAULT_SIGNER_TITLE = "THỦ TRƯỞNG CƠ QUAN";

/** Tiers whose agency is the People's Committee ("UBND Phường Đức Xuân"). */
export const PEOPLES_COMMITTEE_TIERS: ReadonlySet<string> = new Set(["tinh", "huyen", "xa"]);
