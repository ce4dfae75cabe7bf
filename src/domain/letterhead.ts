/**
 * What a unit prints at the head and foot of its letters (NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I,
 * mục II.2–4 and II.7): its name and the direct parent agency "only if it has one", the
 * abbreviation in the ký hiệu, the place name, and who signs. The unit list may state each
 * (`letterhead:` in directives/units/*.yaml); what it leaves out is derived from the unit's name
 * and tier by the rules below (docs/DOSSIERS.md, "Tiêu đề văn bản"). PURE.
 */
import type { Catalog, CatalogUnit } from "./catalog.js";

export { letterheadSchema, type LetterheadInput } from "./letterheadSchema.js";

export interface Letterhead {
  /** Upper case, "" when the agency has no direct parent agency. */
  parentAgency: string;
  /** Upper case, may hold "\n": "ỦY BAN NHÂN DÂN\nPHƯỜNG ĐỨC XUÂN". */
  agency: string;
  /** In running text: "Ủy ban nhân dân phường Đức Xuân", "Sở Tư pháp". */
  agencyInText: string;
  abbreviation: string;
  place: string;
  /** A People's Committee decides as a body: its letters are signed "TM. ỦY BAN NHÂN DÂN" (mục II.7.b). */
  collegial: boolean;
  /** "Chủ tịch", "Giám đốc". */
  headTitle: string;
}

const COMMITTEE_TIERS = new Set(["tinh", "huyen", "xa", "thanh-pho"]);
const COMMITTEE_PREFIX = /^(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+/iu;
const PLACE_TYPE = /^(thành phố|thị xã|thị trấn|phường|xã|quận|huyện|tỉnh|đặc khu)\s+/iu;
const COMMITTEE = "ỦY BAN NHÂN DÂN";

const upper = (s: string) => s.toLocaleUpperCase("vi-VN");
const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase("vi-VN") + s.slice(1);

/** Offices in running text by the agency's kind; a unit list sets `headTitle` for any other. */
const HEAD_TITLES: readonly [RegExp, string][] = [
  [/^(sở|trung tâm|công an tỉnh|bảo hiểm xã hội|kho bạc)(?=\s|$)/iu, "Giám đốc"],
  [/^phòng(?=\s|$)/iu, "Trưởng phòng"],
  [/^văn phòng(?=\s|$)/iu, "Chánh Văn phòng"],
  [/^thanh tra(?=\s|$)/iu, "Chánh Thanh tra"],
  [/^ban(?=\s|$)/iu, "Trưởng ban"],
  [/^chi cục(?=\s|$)/iu, "Chi cục trưởng"],
  [/^cục(?=\s|$)/iu, "Cục trưởng"],
];

export function isPeoplesCommittee(unit: CatalogUnit): boolean {
  return COMMITTEE_PREFIX.test(unit.name) || COMMITTEE_TIERS.has(unit.tier);
}

/** "UBND phường Đức Xuân" → "phường Đức Xuân"; "Phường Đức Xuân" → "phường Đức Xuân". */
function localityOf(unit: CatalogUnit): string {
  const bare = unit.name.replace(COMMITTEE_PREFIX, "").trim();
  return PLACE_TYPE.test(bare) ? lowerFirst(bare) : bare;
}

/**
 * The place of a committee (mục II.4.a): its locality's name without the type; a locality named
 * by a number keeps the type ("Phường 1"). A locality named after a person must keep it too:
 * the unit list says so with `place`.
 */
function committeePlace(unit: CatalogUnit): string {
  const locality = localityOf(unit);
  const bare = locality.replace(PLACE_TYPE, "").trim();
  return /^\d/.test(bare) ? locality.charAt(0).toLocaleUpperCase("vi-VN") + locality.slice(1) : bare;
}

/** Initials of the words that carry meaning: "Sở Tư pháp" → "STP"; an acronym stays whole. */
function initials(name: string): string {
  return name
    .split(/[\s,-]+/u)
    .filter((w) => w && !/^(và|của)$/iu.test(w))
    .map((w) => (/^\p{Lu}{2,}$/u.test(w) ? w : upper(w.charAt(0))))
    .join("");
}

function nearestCommittee(unit: CatalogUnit, catalog: Catalog): CatalogUnit | undefined {
  let u: CatalogUnit | undefined = unit;
  for (let i = 0; u && i < 10; i++) {
    if (isPeoplesCommittee(u)) return u;
    u = u.parentCode ? catalog.unit(u.parentCode) : undefined;
  }
  return undefined;
}

/** The committee's name in one line for the parent-agency line: common phrases abbreviated (mục II.2.a). */
function committeeShort(unit: CatalogUnit): string {
  return upper(`UBND ${localityOf(unit)}`);
}

export function resolveLetterhead(unit: CatalogUnit, catalog: Catalog): Letterhead {
  const given = unit.letterhead ?? {};
  const collegial = isPeoplesCommittee(unit);
  const parent = unit.parentCode ? catalog.unit(unit.parentCode) : undefined;
  // A People's Committee has no direct parent agency on its letters: NĐ 30/2020 Phụ lục III
  // shows "ỦY BAN NHÂN DÂN / TỈNH …" alone, and from 01/07/2025 there are no districts above a commune.
  const derivedParent =
    collegial || !parent ? "" : isPeoplesCommittee(parent) ? committeeShort(parent) : upper(parent.name);
  const agency = given.agency ?? (collegial ? `${COMMITTEE} ${upper(localityOf(unit))}` : upper(unit.name));
  const home = collegial ? unit : nearestCommittee(unit, catalog);
  return {
    parentAgency: given.parentAgency === null ? "" : (given.parentAgency ?? derivedParent),
    agency: agency.startsWith(`${COMMITTEE} `) ? agency.replace(`${COMMITTEE} `, `${COMMITTEE}\n`) : agency,
    agencyInText: collegial ? `Ủy ban nhân dân ${localityOf(unit)}` : unit.name,
    abbreviation: given.abbreviation ?? (collegial ? "UBND" : initials(unit.name)),
    place: given.place ?? (home ? committeePlace(home) : unit.name),
    collegial,
    headTitle:
      given.headTitle ??
      (collegial ? "Chủ tịch" : (HEAD_TITLES.find(([re]) => re.test(unit.name))?.[1] ?? "Thủ trưởng")),
  };
}

export type SignerRole = "head" | "deputy";

/**
 * The lines above the signer's name (mục II.7.b–đ): "TM." before the body for a committee,
 * "KT." before the head's office when the deputy signs for the head.
 */
export function signerAuthority(head: Letterhead, role: SignerRole): string[] {
  const office = upper(head.headTitle);
  const lines = role === "deputy" ? [`KT. ${office}`, `PHÓ ${office}`] : [office];
  return head.collegial ? [`TM. ${COMMITTEE}`, ...lines] : lines;
}
