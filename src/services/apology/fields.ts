/**
 * What a dossier document says, as plain fields: the header of NĐ 30/2020/NĐ-CP Phụ lục I (agency,
 * number, place and date), the recipient, the dossier's facts, the signer. PURE: the .docx
 * renderer only places these strings into the template (tags: templates built by
 * scripts/make-dossier-templates.ts).
 */
import type { Catalog, CatalogUnit } from "../../domain/catalog.js";
import { formatViDate, type IsoDate } from "../../domain/directive/dates.js";
import { resolveLetterhead, signerAuthority, type SignerRole } from "../../domain/letterhead.js";
import { addressing } from "../../domain/salutation.js";
import type { LegalForm } from "./forms.js";

export interface DocumentFields {
  /** The direct parent agency ("UBND TỈNH THÁI NGUYÊN" above a Sở); "" for a People's Committee. */
  parentAgency: string;
  /** "ỦY BAN NHÂN DÂN\nPHƯỜNG ĐỨC XUÂN". */
  agency: string;
  /** The agency in running text ("Ủy ban nhân dân phường Đức Xuân"). */
  agencyInText: string;
  /** "01/XL-UBND" once issued; blanks before "/XL-UBND" on a draft, for the văn thư to fill. */
  number: string;
  /** "Đức Xuân, ngày 05 tháng 12 năm 2026". */
  placeDate: string;
  title: string;
  /** The decree with its date and subject, for "Căn cứ …". */
  legalBasis: string;
  /** "Bà Nông Thị Hoa" or the organisation. */
  recipient: string;
  /** "Bà" or the organisation, in the body. */
  addressee: string;
  procedure: string;
  dossierCode: string;
  receivedDate: string;
  originalDueDate: string;
  newDueDate: string;
  reason: string;
  /** The reason inside a sentence ("do chờ kết quả …"): first letter lower-cased unless an acronym. */
  reasonInline: string;
  /** "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" (mục II.7). */
  signerAuthority: string;
  /** The signer's name; "" until known (the line stays for the name written by hand). */
  signerName: string;
  /** "Chủ tịch Ủy ban nhân dân phường Đức Xuân": whom the explanation report is addressed to. */
  headInText: string;
  /** Who reports: the officer responsible in the export, else the section. */
  reporterIntro: string;
  reporterName: string;
  /** The explanation's remedy sentence, with the new appointment when there is one. */
  remedy: string;
  /** "DỰ THẢO" on drafts, empty on the issued document. */
  draftMark: string;
}

export interface FieldInput {
  form: LegalForm;
  unit: CatalogUnit;
  catalog: Catalog;
  date: IsoDate;
  number: string | null;
  /** The register's symbol with the agency's abbreviation ("XL-UBND"), printed on a draft after the blank. */
  symbol: string;
  signer?: { name: string; role: SignerRole };
  dossier: {
    code: string;
    procedure: string | null;
    applicantName: string | null;
    receivedAt: string | null;
    officerName: string | null;
  };
  doc: { reason: string; newDueDate: string | null; originalDueDate: string | null; salutation: string | null };
}

/** "Chờ kết quả" → "chờ kết quả", but "UBND xã chưa…" stays. */
const inline = (s: string) => (/^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLocaleLowerCase("vi-VN") + s.slice(1) : s);

/** NĐ 30/2020 Phụ lục I mục II.4.b: a day below 10 and the months 1 and 2 take a leading zero. */
export function issueDate(place: string, date: IsoDate): string {
  const [year = "", month = "", day = ""] = date.split("-");
  const m = Number(month);
  return `${place}, ngày ${day.padStart(2, "0")} tháng ${m <= 2 ? String(m).padStart(2, "0") : String(m)} năm ${year}`;
}

/** The blank a văn thư writes the number into (Phụ lục III: "Số:      /QĐ-…"). */
const NUMBER_BLANK = "\u00A0".repeat(8);

export function documentFields(i: FieldInput): DocumentFields {
  const head = resolveLetterhead(i.unit, i.catalog);
  const date = (d: string | null) => (d ? formatViDate(d.slice(0, 10)) : "");
  const to = addressing(i.dossier.applicantName, i.doc.salutation);
  const officer = i.dossier.officerName?.trim() ?? "";
  const newDue = date(i.doc.newDueDate);
  return {
    parentAgency: head.parentAgency,
    agency: head.agency,
    agencyInText: head.agencyInText,
    number: i.number ?? `${NUMBER_BLANK}/${i.symbol}`,
    placeDate: issueDate(head.place, i.date),
    title: i.form.title,
    legalBasis: i.form.decree,
    recipient: to.recipient,
    addressee: to.addressee,
    procedure: i.dossier.procedure ?? "",
    dossierCode: i.dossier.code,
    receivedDate: date(i.dossier.receivedAt),
    originalDueDate: date(i.doc.originalDueDate),
    newDueDate: newDue,
    reason: i.doc.reason,
    reasonInline: inline(i.doc.reason),
    signerAuthority: signerAuthority(head, i.signer?.role ?? "head").join("\n"),
    signerName: i.signer?.name ?? "",
    headInText: `${head.headTitle} ${head.agencyInText}`,
    reporterIntro: officer
      ? `Tôi là ${officer}, cán bộ được giao giải quyết hồ sơ,`
      : "Bộ phận được giao giải quyết hồ sơ",
    reporterName: officer,
    remedy: newDue
      ? `Khẩn trương hoàn thành việc giải quyết hồ sơ, trả kết quả vào ngày ${newDue} như đã hẹn lại với tổ chức, cá nhân; rút kinh nghiệm để không tái diễn.`
      : "Khẩn trương hoàn thành việc giải quyết hồ sơ, trả kết quả cho tổ chức, cá nhân; rút kinh nghiệm để không tái diễn.",
    draftMark: i.number ? "" : "DỰ THẢO",
  };
}
