/**
 * `/mau` pre-filled, opened with exceljs as an office would: the unit's code and name, its
 * indicators, the month being reported, total before online, the unit itself as the example; a
 * leaders' chat gets its units' rows. Filled in and sent back, it saves and answers with the
 * result line `/nop` prints.
 */
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bindChat, touchChat } from "../../src/db/repos/chats.js";
import { FIGURE_TEMPLATE_HEADERS } from "../../src/render/figuresTemplate.js";
import type { Harness } from "../helpers/harness.js";
import { GROUP, OFFICER, say, sendFile, startUploadWorld, storedFigures } from "./uploadFixtures.js";

const LEADERS = -100109;
let h: Harness;
beforeEach(async () => {
  h = await startUploadWorld();
  h.emu.addChat({ id: LEADERS, type: "supergroup", title: "Lãnh đạo huyện" });
  await touchChat(h.db.prisma, { chatId: BigInt(LEADERS), type: "supergroup", title: "Lãnh đạo huyện" });
  await bindChat(h.db.prisma, BigInt(LEADERS), "leaders", "TN-H1");
});
afterEach(async () => h?.stop());

async function template(chatId: number) {
  const reply = await say(h, chatId, OFFICER, "/mau");
  const bytes = h.emu.file(reply?.document?.file_id ?? "")?.bytes;
  if (!reply || !bytes) throw new Error("no template");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error("no sheet");
  const rows: unknown[][] = [];
  ws.eachRow((row, n) => {
    if (n >= 2) rows.push((row.values as unknown[]).slice(1));
  });
  return { reply, wb, ws, rows };
}

describe("/mau in a unit chat", () => {
  it("is the unit's own sheet: code, name, its indicators, this month, total before online, the unit as the example", async () => {
    const { reply, rows } = await template(GROUP);
    expect(reply.document?.file_name).toBe("mau-so-lieu-TN-X1-2026-11.xlsx");
    expect(reply.caption).toContain("Tệp mẫu điền sẵn cho Phường Đức Xuân, tháng 11/2026");
    expect(rows[0]).toEqual([...FIGURE_TEMPLATE_HEADERS]);
    expect(rows[0]?.indexOf("Tổng (mẫu số)")).toBeLessThan(rows[0]?.indexOf("Trực tuyến hoặc số đạt (tử số)") ?? -1);
    expect(rows[1]).toEqual([
      "TN-X1",
      "Phường Đức Xuân (ví dụ)",
      "hs-truc-tuyen",
      "Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến",
      "11/2026",
      120,
      95,
    ]);
    const filled = rows.slice(2);
    expect(filled.length).toBeGreaterThanOrEqual(2);
    expect(filled.every((r) => r[0] === "TN-X1" && r[1] === "Phường Đức Xuân" && r[4] === "11/2026")).toBe(true);
    expect(filled.map((r) => r[2])).toEqual(expect.arrayContaining(["hs-truc-tuyen", "thanh-toan-truc-tuyen"]));
    // The figure columns are left for the officer.
    expect(filled.every((r) => r[5] === undefined && r[6] === undefined)).toBe(true);
  });

  it("filled in (one indicator) and sent back, it saves that row and answers with /nop's result line", async () => {
    const { ws, wb } = await template(GROUP);
    ws.eachRow((row, n) => {
      if (n > 3 && row.getCell(3).value === "hs-truc-tuyen") {
        row.getCell(6).value = 120;
        row.getCell(7).value = 95;
      }
    });
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const [answer] = await sendFile(h, {
      chatId: GROUP,
      fromId: OFFICER,
      fileName: "mau.xlsx",
      bytes,
      caption: "/nhap",
    });
    expect(answer?.text).toContain("✅ Đã lưu 1 dòng số liệu.");
    expect(answer?.text).toMatch(/Bỏ qua \d+ dòng ví dụ hoặc chưa điền số/);
    expect(await storedFigures(h)).toEqual(["TN-X1 hs-truc-tuyen 2026-11 95/120 upload"]);
    const nop = await say(h, GROUP, OFFICER, "/nop 120 95");
    const line = nop?.text?.split("\n")[1] ?? "";
    expect(line).toMatch(/^🟢 Phường Đức Xuân, tháng 11\/2026 — /);
    expect(answer?.text).toContain(line);
  });
});

describe("/mau in a leaders' chat", () => {
  it("lists the units of the subtree, each with its indicators", async () => {
    const { reply, rows } = await template(LEADERS);
    expect(reply.document?.file_name).toBe("mau-so-lieu-TN-H1-2026-11.xlsx");
    // Leaders send no figures: the caption says who fills it in and how it comes back.
    expect(reply.caption).toContain("mỗi đơn vị điền dòng của mình rồi gửi /nhap trong nhóm đơn vị");
    const codes = new Set(rows.slice(2).map((r) => r[0]));
    for (const code of ["TN-X1", "TN-X2", "TN-X3"]) expect(codes.has(code)).toBe(true);
    expect(codes.has("TN-STP")).toBe(false);
  });

  it("a unit fills its own rows in the leaders' file and sends it from its chat: the other units' blank rows are skipped", async () => {
    const { ws, wb } = await template(LEADERS);
    ws.eachRow((row, n) => {
      if (n > 3 && row.getCell(1).value === "TN-X1" && row.getCell(3).value === "hs-truc-tuyen") {
        row.getCell(6).value = 200;
        row.getCell(7).value = 150;
      }
    });
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const [answer] = await sendFile(h, {
      chatId: GROUP,
      fromId: OFFICER,
      fileName: "mau.xlsx",
      bytes,
      caption: "/nhap",
    });
    expect(answer?.text).toContain("✅ Đã lưu 1 dòng số liệu.");
    expect(await storedFigures(h)).toEqual(["TN-X1 hs-truc-tuyen 2026-11 150/200 upload"]);
  });
});
