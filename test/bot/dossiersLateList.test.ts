/** Publishing who is late (docs/DOSSIERS.md): the first working day's list for leaders, and /dsquahan as .xlsx. */
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADMIN_ID } from "../helpers/harness.js";
import {
  exportXlsx,
  LEADERS,
  LEADER,
  OTHER,
  OTHER_OFFICER,
  row,
  startWorld,
  UNIT,
  type World,
} from "./dossiersWorld.js";

let w: World;
beforeEach(async () => {
  w = await startWorld("2026-10-30T09:00:00+07:00");
  const oct = { "Ngày nộp hồ sơ": null, "Ngày nhận": "01/10/2026" };
  // Đức Xuân: 2 late (one still open, one returned late), 1 on time, 1 due in November.
  await w.upload(
    await exportXlsx([
      row("DX-1", { ...oct, "Ngày hẹn trả": "15/10/2026", "Cán bộ xử lý": "Phạm Văn D" }),
      row("DX-2", {
        ...oct,
        "Ngày hẹn trả": "20/10/2026",
        "Trạng thái": "Đã trả kết quả",
        "Ngày kết thúc xử lý": "22/10/2026 09:00",
        "Cán bộ xử lý": "Lê Thị E",
      }),
      row("DX-3", {
        ...oct,
        "Ngày hẹn trả": "20/10/2026",
        "Trạng thái": "Đã trả kết quả",
        "Ngày kết thúc xử lý": "20/10/2026 15:00",
      }),
      row("DX-4", { ...oct, "Ngày hẹn trả": "05/11/2026" }),
    ]),
  );
  // Nông Thượng: 3 late, one with an apology issued before its due date — re-appointed to 20/10 and
  // still open, so late a second time in October too.
  await w.upload(
    await exportXlsx([
      row("NT-1", { ...oct, "Đơn vị tiếp nhận": null, "Ngày hẹn trả": "09/10/2026", "Cán bộ xử lý": "Đỗ F" }),
      row("NT-2", { ...oct, "Đơn vị tiếp nhận": null, "Ngày hẹn trả": "12/10/2026", "Cán bộ xử lý": "Đỗ F" }),
      row("NT-3", { ...oct, "Đơn vị tiếp nhận": null, "Ngày hẹn trả": "30/10/2026", "Cán bộ xử lý": null }),
    ]),
    "nt.xlsx",
    OTHER,
    OTHER_OFFICER,
  );
  const nt1 = await w.h.db.prisma.dossier.findFirstOrThrow({ where: { code: "NT-1", unitCode: "TN-X2" } });
  await w.h.db.prisma.dossierDocument.create({
    data: {
      dossierId: nt1.id,
      dossierCode: "NT-1",
      kind: "apology",
      status: "issued",
      reason: "Chờ xác minh",
      newDueDate: "2026-10-20",
      originalDueDate: "2026-10-09",
      number: "1/XL-TN-X2",
      createdBy: 502n,
      createdChatId: BigInt(OTHER),
      approvedAt: new Date("2026-10-08T10:00:00+07:00"),
    },
  });
});
afterEach(async () => w?.stop());

describe("the monthly list", () => {
  it("reaches leaders on the first working day of the month, worst first, once", async () => {
    expect(await w.lateList("2026-11-01")).toMatchObject({ skipped: "not the first working day" }); // Sunday
    const before = w.count(LEADERS);
    expect(await w.lateList("2026-11-02")).toMatchObject({ month: "2026-10", chats: 1 });
    const [text, file] = w.h.emu.botMessages(LEADERS).slice(before);
    expect(text?.text).toContain("Đơn vị có hồ sơ quá hạn tháng 10/2026");
    expect(text?.text).toMatch(
      /1\. Xã Nông Thượng: 3 hồ sơ quá hạn, 1 có văn bản xin lỗi đúng hạn, 1 trễ hẹn lần 2\n\s+Cán bộ: Đỗ F \(2\/1\)/,
    );
    expect(text?.text).toMatch(
      /2\. Phường Đức Xuân: 2 hồ sơ quá hạn, 0 có văn bản xin lỗi đúng hạn\n\s+Cán bộ: Lê Thị E \(1\/0\); Phạm Văn D \(1\/0\)/,
    );
    expect(text?.text).not.toMatch(/DX-|NT-|Trần Thị B/);
    expect(file?.document?.file_name).toBe("ds-ho-so-qua-han-2026-10.xlsx");
    await w.lateList("2026-11-03");
    expect(w.count(LEADERS)).toBe(before + 2);
  });

  it("/dsquahan thang 10/2026 returns the same list as .xlsx", async () => {
    w.h.clock.set("2026-11-02T10:00:00+07:00");
    const before = w.count(LEADERS);
    w.h.emu.injectText({ chatId: LEADERS, fromId: LEADER, text: "/dsquahan thang 10/2026" });
    const msgs = (await w.h.emu.waitForMessages(LEADERS, before + 2)).slice(before);
    const doc = msgs.find((m) => m.document)?.document;
    const stored = doc ? w.h.emu.file(doc.file_id) : undefined;
    if (!stored) throw new Error("no xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Uint8Array.from(stored.bytes).buffer);
    const units = wb.getWorksheet("Đơn vị");
    expect(units?.getCell("A1").value).toBe("DANH SÁCH ĐƠN VỊ CÓ HỒ SƠ THỦ TỤC HÀNH CHÍNH QUÁ HẠN");
    expect(units?.getRow(5).values).toEqual([undefined, 1, "Xã Nông Thượng", "TN-X2", 3, 1, 2, 1]);
    expect(units?.getRow(6).values).toEqual([undefined, 2, "Phường Đức Xuân", "TN-X1", 2, 0, 2, 0]);
    const officers = wb.getWorksheet("Cán bộ");
    expect(officers?.getRow(5).values).toEqual([undefined, 1, "Đỗ F", "Xã Nông Thượng", 2, 1, 1, 1]);
  });

  it("is for leaders and administrators only", async () => {
    expect((await w.say("/dsquahan thang 10/2026", UNIT)).text).toContain("dành cho nhóm lãnh đạo");
    expect((await w.say("/dsquahan thang 13/2026", ADMIN_ID, ADMIN_ID)).text).toContain("Không hiểu tháng");
    expect((await w.say("/dsquahan thang 12/2026", LEADERS, LEADER)).text).toContain("chưa đến");
  });
});

describe("the second deadline in the monthly list", () => {
  it("counts a dossier past its re-appointed date in the month of that date, as trễ hẹn lần 2", async () => {
    // Due 25/09, apologised in time, re-appointed to 15/10, still open: late in September, late again in October.
    await w.upload(
      await exportXlsx([
        row("DX-9", {
          "Ngày nộp hồ sơ": null,
          "Ngày nhận": "01/09/2026",
          "Ngày hẹn trả": "25/09/2026",
          "Cán bộ xử lý": "Phạm Văn D",
        }),
      ]),
    );
    // Re-appointed to 30/10 and returned on 29/10: late once only.
    await w.upload(
      await exportXlsx([
        row("DX-8", {
          "Ngày nộp hồ sơ": null,
          "Ngày nhận": "01/09/2026",
          "Ngày hẹn trả": "28/09/2026",
          "Trạng thái": "Đã trả kết quả",
          "Ngày kết thúc xử lý": "29/10/2026 10:00",
        }),
      ]),
    );
    const ids = new Map(
      (await w.h.db.prisma.dossier.findMany({ where: { unitCode: "TN-X1" } })).map((d) => [d.code, d.id]),
    );
    const letter = (code: string, original: string, next: string) => ({
      dossierId: ids.get(code) ?? null,
      dossierCode: code,
      kind: "apology",
      status: "issued",
      reason: "Chờ xác minh",
      newDueDate: next,
      originalDueDate: original,
      number: `${code}/XL-TN-X1`,
      createdBy: 501n,
      createdChatId: BigInt(UNIT),
      approvedAt: new Date(`${original}T10:00:00+07:00`),
    });
    await w.h.db.prisma.dossierDocument.createMany({
      data: [letter("DX-9", "2026-09-25", "2026-10-15"), letter("DX-8", "2026-09-28", "2026-10-30")],
    });
    w.h.clock.set("2026-11-02T10:00:00+07:00");
    const ask = async (text: string) => {
      const before = w.count(LEADERS);
      w.h.emu.injectText({ chatId: LEADERS, fromId: LEADER, text });
      return (await w.h.emu.waitForMessages(LEADERS, before + 2)).slice(before).find((m) => m.text)?.text ?? "";
    };
    const october = await ask("/dsquahan thang 10/2026");
    expect(october).toMatch(
      /Phường Đức Xuân: 3 hồ sơ quá hạn, 1 có văn bản xin lỗi đúng hạn, 1 trễ hẹn lần 2\n\s+Cán bộ: Phạm Văn D \(2\/1\); Lê Thị E \(1\/0\)/,
    );
    const september = await ask("/dsquahan thang 9/2026");
    expect(september).toMatch(/Phường Đức Xuân: 2 hồ sơ quá hạn, 2 có văn bản xin lỗi đúng hạn\n/);
  });
});
