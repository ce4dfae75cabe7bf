/**
 * A scored index's component figures in the spreadsheet path (docs/INDEX.md "Trong nhóm chat" "Bảng số liệu"):
 * `/mau` lists the index's components for a unit it scores, an upload saves them with the
 * row-by-row errors of any figures table, and `/chiso` then scores them. The components are
 * ordinary catalog indicators (src/domain/catalog.ts indicatorsFor), so the template and the
 * upload need nothing of their own but the case-insensitive code of an index-only indicator.
 */
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Harness } from "../helpers/harness.js";
import { installIndex } from "./indexWorld.js";
import { figuresFile, GROUP, OFFICER, say, sendFile, startUploadWorld, storedFigures } from "./uploadFixtures.js";

let h: Harness;
beforeEach(async () => {
  h = await startUploadWorld();
  await installIndex(h.db.prisma, h.deps.catalog);
});
afterEach(async () => h?.stop());

/** The officer sends the sheet to the unit group with /nhap, as an upload is made. */
const sendSheet = (bytes: Buffer) =>
  sendFile(h, { chatId: GROUP, fromId: OFFICER, fileName: "chi-so.xlsx", bytes, caption: "/nhap" });

async function templateCodes(chatId: number): Promise<string[]> {
  const reply = await say(h, chatId, OFFICER, "/mau");
  const bytes = h.emu.file(reply?.document?.file_id ?? "")?.bytes;
  if (!bytes) throw new Error("no template");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const codes: string[] = [];
  wb.worksheets[0]?.eachRow((row, n) => {
    if (n >= 3) codes.push(String(row.getCell(3).value));
  });
  return codes;
}

describe("index components in the spreadsheet", () => {
  it("/mau of a unit the index scores has a row for each component's indicator", async () => {
    const codes = await templateCodes(GROUP);
    // Phường Đức Xuân is a commune (xa): the fixture index applies to it.
    expect(codes).toEqual(expect.arrayContaining(["hs-truc-tuyen", "so-hoa-ket-qua", "thanh-toan-truc-tuyen"]));
  });

  it("an upload refuses bad rows one by one as for any figures; an index-only code in capitals is not one of them", async () => {
    const bytes = await figuresFile([
      // Row 2: numerator above the denominator, refused as for any figure.
      ["TN-X1", "Phường Đức Xuân", "hs-truc-tuyen", "11/2026", 130, 100],
      // Row 3: an index-only indicator typed in capitals, as spreadsheets often hold codes.
      ["TN-X1", "Phường Đức Xuân", "SO-HOA-KET-QUA", "11/2026", 20, 40],
      // Row 4: another unit than the chat's, refused.
      ["TN-X2", "Xã Nông Thượng", "so-hoa-ket-qua", "11/2026", 40, 40],
    ]);
    const [reply] = await sendSheet(bytes);
    const text = reply?.text ?? "";
    expect(text).toContain("Dòng 2:");
    expect(text).toContain("Dòng 4: Xã Nông Thượng không thuộc đơn vị của nhóm (Phường Đức Xuân)");
    expect(text).not.toContain("Dòng 3:");
  });

  it("a clean sheet of components is saved and scored", async () => {
    const bytes = await figuresFile([
      ["TN-X1", "Phường Đức Xuân", "hs-truc-tuyen", "11/2026", 60, 100],
      ["TN-X1", "Phường Đức Xuân", "SO-HOA-KET-QUA", "11/2026", 20, 40],
      ["TN-X1", "Phường Đức Xuân", "thanh-toan-truc-tuyen", "11/2026", 5, 10],
    ]);
    const [reply] = await sendSheet(bytes);
    expect(reply?.text).toContain("Đã lưu 3 dòng số liệu");
    expect(await storedFigures(h)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^TN-X1 so-hoa-ket-qua 2026-11 20\/40 /)]),
    );
    // By hand from the fixture index: 60/100 → 50 × 60/80 = 37,5; 20/40 = 50% → the 50% step, 15;
    // 5/10 = 50% → all 20. Total 72,5 of 100: Khá (from 50, below 80).
    const score = (await say(h, GROUP, OFFICER, "/chiso"))?.text ?? "";
    expect(score).toContain("Điểm: 72,5/100 điểm · Xếp loại: Khá");
  });
});
