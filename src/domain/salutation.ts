/**
 * How the apology letter addresses the applicant: "Ông"/"Bà" before a person's name, an
 * organisation by its own name. An export may say it ("Danh xưng" or "Giới tính",
 * src/ingest/dossierColumns.ts); the usual exports do not, and then the officer is asked. An
 * organisation is recognised by its name and never asked about. PURE.
 */
import { stripXmlForbidden } from "./text.js";

export const SALUTATIONS = ["Ông", "Bà"] as const;
export type Salutation = (typeof SALUTATIONS)[number];

/** Names an organisation starts with (the legal forms of Luật Doanh nghiệp, Luật Hợp tác xã and the public bodies). */
const ORGANISATION = new RegExp(
  "^(công ty|tổng công ty|doanh nghiệp|dntn|cty|hợp tác xã|liên hiệp hợp tác xã|htx|tổ hợp tác|chi nhánh|văn phòng|" +
    "hộ kinh doanh|cửa hàng|trường|bệnh viện|trung tâm|ban quản lý|ban|hội|quỹ|tập đoàn|ngân hàng|nhà máy|xí nghiệp|" +
    "cơ sở|ủy ban|uỷ ban|ubnd|sở|phòng|chùa|giáo xứ|nhà thờ|tổ chức|liên doanh|cơ quan|đơn vị|viện|học viện|đại học)(\\s|$)",
  "iu",
);

export function isOrganisation(name: string): boolean {
  return ORGANISATION.test(name.trim());
}

/** The officer's answer: "ông", "Ong", "bà", "ba" (typed without diacritics too), else null. */
export function parseSalutation(text: string): Salutation | null {
  const t = text
    .trim()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[.!]+$/u, "");
  if (t === "ong") return "Ông";
  if (t === "ba") return "Bà";
  return null;
}

/** What an export's "Danh xưng" / "Giới tính" column says: "Ông"/"Nam" → "Ông", "Bà"/"Nữ" → "Bà", else null. */
export function salutationFromExport(text: string): Salutation | null {
  const t = text.trim().normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/giu, "d").toLowerCase();
  if (t === "nam" || t === "ong") return "Ông";
  if (t === "nu" || t === "ba") return "Bà";
  return null;
}

/** A person's letter needs "Ông"/"Bà", which only the officer can give; an organisation or a missing name does not. */
export function needsSalutation(name: string | null): boolean {
  const n = stripXmlForbidden(name ?? "").trim();
  return n !== "" && !isOrganisation(n);
}

export function isSalutation(text: string | null): text is Salutation {
  return text !== null && (SALUTATIONS as readonly string[]).includes(text);
}

export interface Addressing {
  /** "Bà Nông Thị Hoa" after "Kính gửi:". */
  recipient: string;
  /** "Bà" or the organisation's name, in the body. */
  addressee: string;
}

/**
 * A person without a known salutation (a draft made before the question existed) is addressed
 * "Ông/Bà" — the only case the form's alternative remains, and the officer sees it in the draft.
 */
export function addressing(name: string | null, salutation: string | null): Addressing {
  const n = stripXmlForbidden(name ?? "").trim();
  if (n && isOrganisation(n)) return { recipient: n, addressee: n };
  const title = isSalutation(salutation) ? salutation : "Ông/Bà";
  return { recipient: n ? `${title} ${n}` : title, addressee: title };
}
