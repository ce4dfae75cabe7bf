/** Every template in templates/ fills completely, in the form in force on the document's date (issue #5). */
import { describe, expect, it } from "vitest";
import type { Dossier, DossierDocument } from "../../src/db/generated/client.js";
import { Catalog } from "../../src/domain/catalog.js";
import { renderDossierDocument } from "../../src/services/apologyRender.js";
import { xmlPart } from "../helpers/xml.js";
import { docxText } from "./dossiersWorld.js";

const catalog = new Catalog([
  { code: "TN", name: "UBND tỉnh Thử Nghiệm", tier: "tinh", parentCode: null },
  { code: "TN-STP", name: "Sở Tư pháp", tier: "so-ban-nganh", parentCode: "TN" },
  { code: "TN-X1", name: "Phường Đức Xuân", tier: "xa", parentCode: "TN" },
], []);

const dossier = (unitCode: string): Dossier => ({
  id: 1, code: "H15.50.05.13-250620-0001", unitCode, procedure: "Cấp bản sao trích lục hộ tịch", status: "processing",
  applicantName: "Công ty TNHH Ánh Dương", officerName: "Phạm Văn D", receivedAt: "2025-06-20T08:15", dueAt: "2025-06-27",
  finishedAt: null, promptedAt: null, escalatedAt: null, escalatedLeadersAt: null, resultReturnedAt: null, secondPromptedAt: null, secondOverdueAt: null,
  createdAt: new Date(0), updatedAt: new Date(0),
});

const doc = (kind: string, approvedAt: string): DossierDocument => ({
  id: 1, dossierCode: "H15.50.05.13-250620-0001", kind, status: "issued", reason: "Chờ ý kiến của Sở Tư pháp",
  newDueDate: "2025-07-04", originalDueDate: "2025-06-27", number: `7/${kind === "apology" ? "XL" : "BC"}-TN-X1`,
  numberYear: Number(approvedAt.slice(0, 4)),
  createdBy: 1n, createdByName: "Lan", createdChatId: 1n, approvedBy: 2n, approvedAt: new Date(approvedAt), approverName: null, approverRole: null, returnReason: null,
  createdAt: new Date(0), updatedAt: new Date(0),
});

const deps = (now: string) => ({ catalog: { get: () => catalog, reload: async () => catalog }, clock: { now: () => new Date(now) } });

describe("dossier documents", () => {
  it.each([
    ["2025-06-30T10:00:00+07:00", "Thông tư số 01/2018/TT-VPCP", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "do chờ ý kiến của Sở Tư pháp"],
    ["2025-07-01T10:00:00+07:00", "Thông tư số 03/2025/TT-VPCP", "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT", "Do chờ ý kiến"],
  ])("an apology approved %s uses %s", async (at, circular, title, reason) => {
    const r = await renderDossierDocument(deps(at), { dossier: dossier("TN-X1"), doc: doc("apology", at), draft: false });
    const text = docxText(r.bytes);
    for (const s of [`Mẫu số 04 ban hành kèm theo ${circular}`, title, "UBND TỈNH THỬ NGHIỆM", "UBND PHƯỜNG ĐỨC XUÂN", "Số: 7/XL-TN-X1",
      "Kính gửi: Công ty TNHH Ánh Dương", "Cấp bản sao trích lục hộ tịch", "20/06/2025", "27/06/2025", "04/07/2025", reason, "CHỦ TỊCH"]) {
      expect(text).toContain(s);
    }
    expect(text).not.toMatch(/[{}]/);
    expect(r.filename).toBe("xin-loi-H15.50.05.13-250620-0001-so-7.docx");
  });

  it("the explanation report is addressed to the head, and a department signs as its director", async () => {
    const at = "2025-07-01T10:00:00+07:00";
    const text = docxText((await renderDossierDocument(deps(at), { dossier: dossier("TN-STP"), doc: doc("explanation", at), draft: false })).bytes);
    expect(text).toContain("BÁO CÁO GIẢI TRÌNH VỀ VIỆC GIẢI QUYẾT HỒ SƠ QUÁ HẠN");
    expect(text).toContain("Kính gửi: Giám đốc Sở Tư pháp");
    expect(text).toContain("Thử Nghiệm, ngày 01 tháng 07 năm 2025");
    expect(text).toContain("Lý do chậm trễ: Chờ ý kiến của Sở Tư pháp.");
    expect(text).not.toMatch(/[{}]/);
  });

  it("a draft says so and has no number yet", async () => {
    const r = await renderDossierDocument(deps("2026-11-25T10:00:00+07:00"), { dossier: dossier("TN-X1"), doc: doc("apology", "2026-11-25"), draft: true });
    const text = docxText(r.bytes);
    expect(text).toContain("DỰ THẢO");
    expect(text).toContain("Số: …/XL-TN-X1");
    expect(text).toContain("ngày 25 tháng 11 năm 2026");
  });

  it("an issued letter whose export and reason hold characters XML 1.0 forbids still opens, with the rest of the text", async () => {
    const at = "2025-07-01T10:00:00+07:00";
    const bad = "\uFFFE\uFFFF\u0001\uD800";
    const r = await renderDossierDocument(deps(at), {
      dossier: { ...dossier("TN-X1"), applicantName: `Công ty${bad} TNHH Ánh Dương`, procedure: `Cấp bản sao${bad} trích lục hộ tịch` },
      doc: { ...doc("apology", at), reason: `Chờ ý kiến${bad} của Sở Tư pháp` },
      draft: false,
    });
    const xml = xmlPart(r.bytes);
    expect(xml.ok ? "well-formed" : xml.problem).toBe("well-formed");
    const text = docxText(r.bytes);
    for (const s of ["Số: 7/XL-TN-X1", "Kính gửi: Công ty TNHH Ánh Dương", "Cấp bản sao trích lục hộ tịch", "Do chờ ý kiến của Sở Tư pháp"]) {
      expect(text).toContain(s);
    }
  });
});
