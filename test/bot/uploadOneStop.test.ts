import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADMIN_ID, type Harness } from "../helpers/harness.js";
import {
  buttonData,
  GROUP,
  OFFICER,
  oneStopFile,
  sendFile,
  startUploadWorld,
  storedFigures,
  type OneStopUnitRow,
} from "./uploadFixtures.js";

let h: Harness;
beforeEach(async () => {
  h = await startUploadWorld();
});
afterEach(async () => h?.stop());

const UNITS: OneStopUnitRow[] = [
  ["UBND Phường Đức Xuân", 120, 95, 100, 20, 70, 10],
  ["UBND XÃ NÔNG THƯỢNG", 200, 150, 180, 0, 171, 9],
  ["Xã Không Có Thật", 10, 5, 10, 0, 10, 0],
  ["Sở Tư pháp", 50, 45, 40, 10, 30, 0],
];

describe("one-stop statistics report", () => {
  it("previews what will be saved, lists unmatched names, and saves on «Xác nhận lưu»", async () => {
    const bytes = await oneStopFile("Từ ngày 01/10/2026 đến ngày 31/10/2026", UNITS);
    const [preview] = await sendFile(h, {
      chatId: ADMIN_ID,
      fromId: ADMIN_ID,
      fileName: "thong-ke-mot-cua.xlsx",
      bytes,
    });
    const text = preview?.text ?? "";
    expect(text).toContain("Báo cáo thống kê một cửa — kỳ tháng 10/2026");
    expect(text).toContain("Sẽ lưu 5 số liệu của 3 đơn vị:");
    expect(text).toContain("Phường Đức Xuân — hồ sơ trực tuyến: 95/120 (79,2%)");
    expect(text).toContain("Phường Đức Xuân — hồ sơ đúng hạn: 90/100 (90%)");
    expect(text).toContain("Xã Nông Thượng — hồ sơ đúng hạn: 171/180 (95%)");
    expect(text).toContain("Sở Tư pháp — hồ sơ trực tuyến: 45/50 (90%)");
    expect(text).toContain("1 tên đơn vị không khớp danh sách");
    expect(text).toContain("Dòng 7: Xã Không Có Thật");
    // hs-dung-han is assigned to communes only (fixture directive 02): the department's is left out.
    expect(text).toContain("Bỏ qua chỉ tiêu hs-dung-han: chưa chỉ thị nào giao cho 1 đơn vị (Sở Tư pháp)");
    expect(await h.db.prisma.figure.count()).toBe(0);

    const answer = await h.emu.pressButton({
      chatId: ADMIN_ID,
      messageId: preview?.message_id ?? 0,
      fromId: ADMIN_ID,
      text: "Xác nhận lưu",
    });
    expect(answer.text).toBe("Đã lưu.");
    const saved = await h.emu.waitFor(() =>
      h.emu.botMessages(ADMIN_ID).find((m) => m.text?.startsWith("✅ Đã lưu 5 dòng")),
    );
    expect(saved.text).toContain("Mức: xanh.");
    expect(await storedFigures(h)).toEqual([
      "TN-STP hs-truc-tuyen 2026-10 45/50 upload",
      "TN-X1 hs-dung-han 2026-10 90/100 upload",
      "TN-X1 hs-truc-tuyen 2026-10 95/120 upload",
      "TN-X2 hs-dung-han 2026-10 171/180 upload",
      "TN-X2 hs-truc-tuyen 2026-10 150/200 upload",
    ]);
  });

  it("without a period in the title takes the current month and says so", async () => {
    const bytes = await oneStopFile(null, UNITS.slice(0, 1));
    const [preview] = await sendFile(h, { chatId: ADMIN_ID, fromId: ADMIN_ID, fileName: "tk.xlsx", bytes });
    expect(preview?.text).toContain("kỳ tháng 11/2026 (tiêu đề báo cáo không ghi kỳ nên lấy tháng hiện tại)");
  });

  it("refuses a report over several months or a month still to come", async () => {
    const multi = await oneStopFile("Từ ngày 01/09/2026 đến ngày 31/10/2026", UNITS);
    const [a] = await sendFile(h, { chatId: ADMIN_ID, fromId: ADMIN_ID, fileName: "tk.xlsx", bytes: multi });
    expect(a?.text).toContain("gồm nhiều tháng");
    const future = await oneStopFile("Tháng 12/2026", UNITS);
    const [b] = await sendFile(h, { chatId: ADMIN_ID, fromId: ADMIN_ID, fileName: "tk.xlsx", bytes: future });
    expect(b?.text).toContain("tháng này chưa đến");
    expect(await h.db.prisma.pendingUpload.count()).toBe(0);
  });

  it("in a unit chat takes only that unit's row", async () => {
    const bytes = await oneStopFile("Từ ngày 01/10/2026 đến ngày 31/10/2026", UNITS);
    const [preview] = await sendFile(h, {
      chatId: GROUP,
      fromId: OFFICER,
      fileName: "tk.xlsx",
      bytes,
      caption: "/nhap",
    });
    expect(preview?.text).toContain("Chỉ lấy dòng của Phường Đức Xuân, bỏ qua 3 dòng của đơn vị khác");
    expect(preview?.text).not.toContain("Nông Thượng");
    expect(preview?.text).not.toContain("không khớp");
    const data = buttonData(preview, "Xác nhận lưu");
    expect(buttonData(preview, "Huỷ")).toMatch(/^up:no:\d+$/);
    await h.emu.pressButton({ chatId: GROUP, messageId: preview?.message_id ?? 0, fromId: OFFICER, data });
    await h.emu.waitFor(() => h.emu.botMessages(GROUP).find((m) => m.text?.startsWith("✅ Đã lưu 2 dòng")));
    expect(await storedFigures(h)).toEqual([
      "TN-X1 hs-dung-han 2026-10 90/100 upload",
      "TN-X1 hs-truc-tuyen 2026-10 95/120 upload",
    ]);
  });
});
