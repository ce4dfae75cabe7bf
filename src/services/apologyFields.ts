/**
 * What a dossier document says, as plain fields (issue #5: "the agency header, number, date,
 * recipient, procedure, dossier code, original and new dates, reason, signer's title").
 * PURE: the .docx renderer only places these strings into the template.
 */
import type { Catalog, CatalogUnit } from "../domain/catalog.js";
import { formatViDate, type IsoDate } from "../domain/directive/dates.js";
import { DEFAULT_SIGNER_TITLE, PEOPLES_COMMITTEE_TIERS, SIGNER_TITLES, type LegalForm } from "./apologyForms.js";

export interface DocumentFields {
  /** Line 1 of the header: the agency above ("UBND HUYỆN ĐÔNG ANH"), empty at the top of the tree. */
  agencyParent: string;
  /** Line 2: the issuing agency ("UBND PHƯỜNG ĐỨC XUÂN"). */
  agency: string;
  /** The agency in running text ("UBND Phường Đức Xuân"). */
  agencyName: string;
  /** "12/XL-TN-X1" once issued; "…/XL-TN-X1" on a draft. */
  number: string;
  place: string;
  day: string;
  month: string;
  year: string;
  /** "Đức Xuân, ngày 20 tháng 11 năm 2026". */
  placeDate: string;
  title: string;
  legalBasis: string;
  /** The circular the form comes from ("Thông tư số 03/2025/TT-VPCP"), empty when none. */
  circular: string;
  formNo: string;
  recipient: string;
  procedure: string;
  dossierCode: string;
  receivedDate: string;
  originalDueDate: string;
  newDueDate: string;
  reason: string;
  /** The reason inside a sentence ("Do chờ kết quả …"): first letter lower-cased unless an acronym. */
  reasonInline: string;
  signerTitle: string;
  /** The signer's title in running text ("Chủ tịch"), for "Kính gửi: Chủ tịch UBND …". */
  headTitle: string;
  preparedBy: string;
  /** "DỰ THẢO" on drafts, empty on the issued document. */
  draftMark: string;
}

export interface FieldInput {
  form: LegalForm;
  unit: CatalogUnit;
  catalog: Catalog;
  date: IsoDate;
  number: string | null;
  dossier: { code: string; procedure: string | null; applicantName: string | null; receivedAt: string | null };
  doc: { reason: string; newDueDate: string | null; originalDueDate: string | null; createdByName: string | null };
}

const ADMIN_TIERS = ["xa", "huyen", "tinh"];
const PLACE_PREFIX = /^(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+/iu;
const TYPE_PREFIX = /^(thành phố|thị xã|thị trấn|phường|xã|quận|huyện|tỉnh|đặc khu)\s+/iu;

/** "Phường Đức Xuân" → "UBND Phường Đức Xuân"; a department keeps its own name. */
export function agencyName(unit: CatalogUnit): string {
  if (!PEOPLES_COMMITTEE_TIERS.has(unit.tier) || PLACE_PREFIX.test(unit.name)) return unit.name;
  return `UBND ${unit.name}`;
}

/** The place in "Đức Xuân, ngày …": the nearest administrative unit at or above this one. */
export function placeName(unit: CatalogUnit, catalog: Catalog): string {
  let u: CatalogUnit | undefined = unit;
  for (let i = 0; u && i < 10; i++) {
    if (ADMIN_TIERS.includes(u.tier)) return u.name.replace(PLACE_PREFIX, "").replace(TYPE_PREFIX, "").trim();
    u = u.parentCode ? catalog.unit(u.parentCode) : undefined;
  }
  return unit.name;
}

const upper = (s: string) => s.toLocaleUpperCase("vi-VN");
/** "Chờ kết quả" → "chờ kết quả", but "UBND xã chưa…" stays. */
const inline = (s: string) => (/^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLocaleLowerCase("vi-VN") + s.slice(1) : s);

export function documentFields(i: FieldInput): DocumentFields {
  const parent = i.unit.parentCode ? i.catalog.unit(i.unit.parentCode) : undefined;
  const [year = "", month = "", day = ""] = i.date.split("-");
  const place = placeName(i.unit, i.catalog);
  const symbol = `${i.form.symbol}-${i.unit.code}`;
  const date = (d: string | null) => (d ? formatViDate(d.slice(0, 10)) : "");
  const signerTitle = SIGNER_TITLES[i.unit.tier] ?? DEFAULT_SIGNER_TITLE;
  return {
    agencyParent: parent ? upper(agencyName(parent)) : "",
    agency: upper(agencyName(i.unit)),
    agencyName: agencyName(i.unit),
    number: i.number ?? `…/${symbol}`,
    place, day, month, year,
    placeDate: `${place}, ngày ${day} tháng ${month} năm ${year}`,
    title: i.form.title,
    legalBasis: [i.form.decree, i.form.circular].filter(Boolean).join("; "),
    circular: i.form.circular ?? "",
    formNo: i.form.formNo ?? "",
    recipient: i.dossier.applicantName ?? "",
    procedure: i.dossier.procedure ?? "",
    dossierCode: i.dossier.code,
    receivedDate: date(i.dossier.receivedAt),
    originalDueDate: date(i.doc.originalDueDate),
    newDueDate: date(i.doc.newDueDate) || "—",
    reason: i.doc.reason,
    reasonInline: inline(i.doc.reason),
    signerTitle,
    headTitle: signerTitle.charAt(0) + signerTitle.slice(1).toLocaleLowerCase("vi-VN"),
    preparedBy: i.doc.createdByName ?? "",
    draftMark: i.number ? "" : "DỰ THẢO",
  };
}
