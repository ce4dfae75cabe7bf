/**
 * Every template in templates/ fills completely, in the form in force on the document's date,
 * as a letter a văn thư can sign and stamp (NĐ 30/2020/NĐ-CP Phụ lục I): the agency's own
 * header, no obsolete parent, the number with the agency's abbreviation, the salutation, the
 * signer block, nothing of the form's own page left.
 */
import { describe, expect, it } from "vitest";
import PizZip from "pizzip";
import type { Dossier, DossierDocument } from "../../src/db/generated/client.js";
import { Catalog } from "../../src/domain/catalog.js";
import { renderDossierDocument } from "../../src/services/apology/render.js";
import { xmlPart } from "../helpers/xml.js";
import { docxText } from "./dossiersWorld.js";

const catalog = new Catalog(
  [
    { code: "TN", name: "UBND tỉnh Thử Nghiệm", tier: "tinh", parentCode: null },
    { code: "TN-STP", name: "Sở Tư pháp", tier: "so-ban-nganh", parentCode: "TN" },
    // The tester's unit: a 2022 list keeps the city above the ward; since 01/07/2025 there is none.
    { code: "BK-UBND", name: "UBND thành phố Bắc Kạn", tier: "thanh-pho", parentCode: null },
    { code: "BK-X-DUCXUAN", name: "UBND phường Đức Xuân", tier: "xa", parentCode: "BK-UBND" },
  ],
  [],
);

const dossier = (unitCode: string, applicantName = "Nông Thị Hoa"): Dossier => ({
  id: 1,
  code: "H15.50.05.13-250620-0001",
  unitCode,
  procedure: "Cấp bản sao trích lục hộ tịch",
  status: "processing",
  applicantName,
  applicantTitle: null,
  officerName: "Phạm Văn D",
  receivedAt: "2025-06-20T08:15",
  dueAt: "2025-06-27",
  finishedAt: null,
  promptedAt: null,
  escalatedAt: null,
  escalatedLeadersAt: null,
  resultReturnedAt: null,
  secondPromptedAt: null,
  secondOverdueAt: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
});

const doc = (kind: string, approvedAt: string, over: Partial<DossierDocument> = {}): DossierDocument => ({
  id: 1,
  dossierId: 1,
  dossierCode: "H15.50.05.13-250620-0001",
  kind,
  status: "issued",
  reason: "Chờ ý kiến của Sở Tư pháp",
  newDueDate: "2025-07-04",
  originalDueDate: "2025-06-27",
  number: `07/${kind === "apology" ? "XL" : "BC"}-UBND`,
  numberYear: Number(approvedAt.slice(0, 4)),
  register: `${kind === "apology" ? "XL" : "BC"}-BK-X-DUCXUAN`,
  salutation: "Bà",
  createdBy: 1n,
  createdByName: "Lan",
  createdChatId: 1n,
  approvedBy: 2n,
  approvedAt: new Date(approvedAt),
  approverName: null,
  approverRole: null,
  returnReason: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
  ...over,
});

const deps = (now: string) => ({
  catalog: { get: () => catalog, reload: async () => catalog },
  clock: { now: () => new Date(now) },
});
const rawXml = (bytes: Buffer) => new PizZip(bytes).file("word/document.xml")?.asText() ?? "";
const AFTER = "2025-07-01T10:00:00+07:00";
const BEFORE = "2025-06-30T10:00:00+07:00";

/** What a signed letter never shows: the form's alternatives and blanks, its label, tags, French quotes. */
function expectNothingLeft(text: string): void {
  for (const s of ["Ông/Bà/Tổ chức", "(nếu có)", "…", "{", "}", "Mẫu số", "«", "»", "(Ký, ghi rõ"])
    expect(text).not.toContain(s);
}

describe("dossier documents", () => {
  it.each([
    [
      BEFORE,
      "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
      "Số: 07/XL-UBND",
      "do chờ ý kiến của Sở Tư pháp",
      "ngày 30 tháng 6 năm 2025",
    ],
    [
      AFTER,
      "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
      "Số: 07/XL-UBND",
      "Do chờ ý kiến",
      "ngày 01 tháng 7 năm 2025",
    ],
  ])(
    "an apology approved %s: the ward's own header, its number, Ông/Bà, the signer",
    async (at, title, number, reason, date) => {
      const r = await renderDossierDocument(deps(at), {
        dossier: dossier("BK-X-DUCXUAN"),
        doc: doc("apology", at),
        draft: false,
        signer: { name: "Lường Văn Tâm", role: "deputy" },
      });
      const text = docxText(r.bytes);
      for (const s of [
        title,
        "ỦY BAN NHÂN DÂNPHƯỜNG ĐỨC XUÂN",
        number,
        `Đức Xuân, ${date}`,
        "Kính gửi: Bà Nông Thị Hoa",
        "“Cấp bản sao trích lục hộ tịch”",
        "20/06/2025",
        "27/06/2025",
        "04/07/2025",
        reason,
        "xin lỗi Bà",
        "TM. ỦY BAN NHÂN DÂNKT. CHỦ TỊCHPHÓ CHỦ TỊCH",
        "Lường Văn Tâm",
        "Nơi nhận:",
      ]) {
        expect(text).toContain(s);
      }
      expect(text).not.toContain("BẮC KẠN"); // the obsolete city above the ward
      expect(text).not.toContain("BK-X-DUCXUAN");
      expectNothingLeft(text);
      expect(r.filename).toBe("xin-loi-H15.50.05.13-250620-0001-so-07.docx");
    },
  );

  it("lays the letter out as NĐ 30/2020 asks: Times New Roman, rules under the agency and the motto, Nơi nhận 12 pt", async () => {
    const xml = rawXml(
      (
        await renderDossierDocument(deps(AFTER), {
          dossier: dossier("BK-X-DUCXUAN"),
          doc: doc("apology", AFTER),
          draft: false,
        })
      ).bytes,
    );
    expect(
      new PizZip(
        (
          await renderDossierDocument(deps(AFTER), {
            dossier: dossier("BK-X-DUCXUAN"),
            doc: doc("apology", AFTER),
            draft: false,
          })
        ).bytes,
      )
        .file("word/styles.xml")
        ?.asText(),
    ).toContain('w:ascii="Times New Roman"');
    expect(xml.match(/<w:bottom w:val="single"/g)?.length).toBe(2);
    expect(xml).toMatch(
      /<w:b\/><w:bCs\/><w:i\/><w:iCs\/><w:sz w:val="24"\/><w:szCs w:val="24"\/><\/w:rPr><w:t xml:space="preserve">Nơi nhận:/,
    );
    expect(xml).toMatch(
      /<w:i\/><w:iCs\/><w:sz w:val="28"\/><w:szCs w:val="28"\/><\/w:rPr><w:t xml:space="preserve">Đức Xuân, ngày/,
    );
  });

  it("a head signs as Chủ tịch for the committee; without a signer the title block stays with an empty name line", async () => {
    const head = docxText(
      (
        await renderDossierDocument(deps(AFTER), {
          dossier: dossier("BK-X-DUCXUAN"),
          doc: doc("apology", AFTER),
          draft: false,
          signer: { name: "Hà Thị Mai", role: "head" },
        })
      ).bytes,
    );
    expect(head).toContain("TM. ỦY BAN NHÂN DÂNCHỦ TỊCH");
    expect(head).not.toContain("KT.");
    expect(head).toContain("Hà Thị Mai");
    const none = docxText(
      (
        await renderDossierDocument(deps(AFTER), {
          dossier: dossier("BK-X-DUCXUAN"),
          doc: doc("apology", AFTER),
          draft: false,
        })
      ).bytes,
    );
    expect(none).toContain("TM. ỦY BAN NHÂN DÂNCHỦ TỊCH");
  });

  it("a department: its parent agency above it, its own abbreviation, Giám đốc; an organisation is addressed by its name", async () => {
    const r = await renderDossierDocument(deps(AFTER), {
      dossier: dossier("TN-STP", "Công ty TNHH Ánh Dương"),
      doc: doc("apology", AFTER, { salutation: null, number: "03/XL-STP" }),
      draft: false,
      signer: { name: "Đỗ Văn E", role: "deputy" },
    });
    const text = docxText(r.bytes);
    for (const s of [
      "UBND TỈNH THỬ NGHIỆM",
      "SỞ TƯ PHÁP",
      "Số: 03/XL-STP",
      "Thử Nghiệm, ngày 01 tháng 7 năm 2025",
      "Kính gửi: Công ty TNHH Ánh Dương",
      "xin lỗi Công ty TNHH Ánh Dương",
      "KT. GIÁM ĐỐCPHÓ GIÁM ĐỐC",
      "Đỗ Văn E",
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain("TM.");
    expect(text).not.toMatch(/Kính gửi: (Ông|Bà)/);
    expectNothingLeft(text);
  });

  it("the explanation report comes from the officer responsible and is addressed to the head of the unit", async () => {
    const text = docxText(
      (
        await renderDossierDocument(deps(AFTER), {
          dossier: dossier("BK-X-DUCXUAN"),
          doc: doc("explanation", AFTER),
          draft: false,
        })
      ).bytes,
    );
    expect(text).toContain("BÁO CÁO GIẢI TRÌNH VỀ VIỆC GIẢI QUYẾT HỒ SƠ QUÁ HẠN");
    expect(text).toContain("Kính gửi: Chủ tịch Ủy ban nhân dân phường Đức Xuân.");
    expect(text).toContain("Tôi là Phạm Văn D, cán bộ được giao giải quyết hồ sơ, báo cáo giải trình");
    expect(text).toContain("1. Lý do chậm trễ: Chờ ý kiến của Sở Tư pháp.");
    expect(text).toContain("trả kết quả vào ngày 04/07/2025");
    expect(text).toMatch(/NGƯỜI BÁO CÁO\s*Phạm Văn D/);
    expect(text).not.toContain("Lan"); // who typed it is not who reports
    expectNothingLeft(text);
    const dept = docxText(
      (
        await renderDossierDocument(deps(AFTER), {
          dossier: dossier("TN-STP"),
          doc: doc("explanation", AFTER),
          draft: false,
        })
      ).bytes,
    );
    expect(dept).toContain("Kính gửi: Giám đốc Sở Tư pháp.");
  });

  it("a draft says so and leaves the number blank for the văn thư", async () => {
    const r = await renderDossierDocument(deps("2026-11-25T10:00:00+07:00"), {
      dossier: dossier("BK-X-DUCXUAN"),
      doc: doc("apology", "2026-11-25"),
      draft: true,
    });
    const text = docxText(r.bytes);
    expect(text).toContain("DỰ THẢO");
    expect(text).toMatch(/Số: \u00A0+\/XL-UBND/);
    expect(text).toContain("ngày 25 tháng 11 năm 2026");
    expectNothingLeft(text);
  });

  it("an issued letter whose export and reason hold characters XML 1.0 forbids still opens, with the rest of the text", async () => {
    const bad = "\uFFFE\uFFFF\u0001\uD800";
    const r = await renderDossierDocument(deps(AFTER), {
      dossier: {
        ...dossier("BK-X-DUCXUAN"),
        applicantName: `Công ty${bad} TNHH Ánh Dương`,
        procedure: `Cấp bản sao${bad} trích lục hộ tịch`,
      },
      doc: { ...doc("apology", AFTER), reason: `Chờ ý kiến${bad} của Sở Tư pháp` },
      draft: false,
    });
    const xml = xmlPart(r.bytes);
    expect(xml.ok ? "well-formed" : xml.problem).toBe("well-formed");
    const text = docxText(r.bytes);
    for (const s of [
      "Số: 07/XL-UBND",
      "Kính gửi: Công ty TNHH Ánh Dương",
      "Cấp bản sao trích lục hộ tịch",
      "Do chờ ý kiến của Sở Tư pháp",
    ]) {
      expect(text).toContain(s);
    }
  });
});
