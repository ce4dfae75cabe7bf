/** The letterhead a unit prints (NĐ 30/2020 Phụ lục I mục II.2–4, II.7) and how the applicant is addressed. */
import { describe, expect, it } from "vitest";
import { Catalog, type CatalogUnit } from "../../src/domain/catalog.js";
import { unitListSchema } from "../../src/domain/directive/schema.js";
import { resolveLetterhead, signerAuthority } from "../../src/domain/letterhead.js";
import { addressing, needsSalutation, parseSalutation } from "../../src/domain/salutation.js";

const units: CatalogUnit[] = [
  { code: "TNG", name: "UBND tỉnh Thái Nguyên", tier: "tinh", parentCode: null },
  { code: "TNG-STP", name: "Sở Tư pháp", tier: "so-ban-nganh", parentCode: "TNG" },
  { code: "BK", name: "UBND thành phố Bắc Kạn", tier: "thanh-pho", parentCode: null },
  { code: "BK-X", name: "UBND phường Đức Xuân", tier: "xa", parentCode: "BK" },
  { code: "BK-P", name: "Phòng Tư pháp", tier: "phong-chuyen-mon", parentCode: "BK" },
  { code: "HCM-P1", name: "Phường 1", tier: "xa", parentCode: null },
  {
    code: "TNG-X",
    name: "Phường Đức Xuân",
    tier: "xa",
    parentCode: "TNG",
    letterhead: { abbreviation: "UBND", place: "Đức Xuân", agency: "ỦY BAN NHÂN DÂN PHƯỜNG ĐỨC XUÂN" },
  },
  {
    code: "TNG-TT",
    name: "Trung tâm Phục vụ hành chính công",
    tier: "so-ban-nganh",
    parentCode: "TNG",
    letterhead: { parentAgency: null },
  },
];
const catalog = new Catalog(units, []);
const head = (code: string) => {
  const u = catalog.unit(code);
  if (!u) throw new Error(code);
  return resolveLetterhead(u, catalog);
};

describe("resolveLetterhead", () => {
  it.each([
    ["BK-X", "", "ỦY BAN NHÂN DÂN\nPHƯỜNG ĐỨC XUÂN", "UBND", "Đức Xuân", "Chủ tịch"],
    ["TNG", "", "ỦY BAN NHÂN DÂN\nTỈNH THÁI NGUYÊN", "UBND", "Thái Nguyên", "Chủ tịch"],
    ["TNG-STP", "UBND TỈNH THÁI NGUYÊN", "SỞ TƯ PHÁP", "STP", "Thái Nguyên", "Giám đốc"],
    ["BK-P", "UBND THÀNH PHỐ BẮC KẠN", "PHÒNG TƯ PHÁP", "PTP", "Bắc Kạn", "Trưởng phòng"],
    ["HCM-P1", "", "ỦY BAN NHÂN DÂN\nPHƯỜNG 1", "UBND", "Phường 1", "Chủ tịch"],
    ["TNG-X", "", "ỦY BAN NHÂN DÂN\nPHƯỜNG ĐỨC XUÂN", "UBND", "Đức Xuân", "Chủ tịch"],
    ["TNG-TT", "", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "TTPVHCC", "Thái Nguyên", "Giám đốc"],
  ])("%s: parent %j, agency %j, %s, %s, %s", (code, parent, agency, abbreviation, place, headTitle) => {
    expect(head(code)).toMatchObject({ parentAgency: parent, agency, abbreviation, place, headTitle });
  });

  it("a committee never prints the body above it; a department prints its committee abbreviated", () => {
    expect(head("BK-X").parentAgency).toBe("");
    expect(head("BK-X").agencyInText).toBe("Ủy ban nhân dân phường Đức Xuân");
    expect(head("TNG-STP").parentAgency).toBe("UBND TỈNH THÁI NGUYÊN");
  });
});

describe("signerAuthority", () => {
  it.each([
    ["BK-X", "head", ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]],
    ["BK-X", "deputy", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]],
    ["TNG-STP", "head", ["GIÁM ĐỐC"]],
    ["TNG-STP", "deputy", ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]],
  ] as const)("%s signed by the %s", (code, role, lines) => {
    expect(signerAuthority(head(code), role)).toEqual(lines);
  });
});

describe("the unit list's letterhead", () => {
  it("is read from the unit list and refuses an abbreviation that is not one", () => {
    const ok = unitListSchema.safeParse({
      name: "x",
      units: [{ code: "A", name: "Sở Y tế", tier: "so", letterhead: { abbreviation: "SYT" } }],
    });
    expect(ok.success).toBe(true);
    const bad = unitListSchema.safeParse({
      name: "x",
      units: [{ code: "A", name: "Sở Y tế", tier: "so", letterhead: { abbreviation: "s y t" } }],
    });
    expect(bad.success).toBe(false);
  });
});

describe("addressing the applicant", () => {
  it.each([
    ["Nông Thị Hoa", "Bà", "Bà Nông Thị Hoa", "Bà", true],
    ["Trần Văn An", "Ông", "Ông Trần Văn An", "Ông", true],
    ["Công ty TNHH Ánh Dương", null, "Công ty TNHH Ánh Dương", "Công ty TNHH Ánh Dương", false],
    [
      "Hợp tác xã Nông nghiệp Quyết Thắng",
      null,
      "Hợp tác xã Nông nghiệp Quyết Thắng",
      "Hợp tác xã Nông nghiệp Quyết Thắng",
      false,
    ],
  ])("%s (%s)", (name, salutation, recipient, addressee, asks) => {
    expect(addressing(name, salutation)).toEqual({ recipient, addressee });
    expect(needsSalutation(name)).toBe(asks);
  });

  it.each([
    ["Ông", "Ông"],
    ["ong", "Ông"],
    ["BÀ", "Bà"],
    ["ba.", "Bà"],
    ["Chị", null],
    ["", null],
  ])("answer %j → %j", (text, out) => {
    expect(parseSalutation(text)).toBe(out);
  });
});
