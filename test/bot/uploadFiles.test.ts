import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ADMIN_ID, type Harness } from "../helpers/harness.js";
import {
  figuresFile,
  FIGURE_HEADERS,
  GROUP,
  OFFICER,
  say,
  sendFile,
  startUploadWorld,
  storedFigures,
  workbook,
} from "./uploadFixtures.js";

let h: Harness;
beforeEach(async () => {
  h = await startUploadWorld();
});
afterEach(async () => h?.stop());

const validFile = () => figuresFile([["TN-X1", "Phường Đức Xuân", "hs-truc-tuyen", "10/2026", 95, 120]]);

describe("privacy mode and where files are taken", () => {
  it("a plain document in a group where the bot is not an administrator is not even delivered", async () => {
    const result = h.emu.injectDocument({
      chatId: GROUP,
      fromId: OFFICER,
      fileName: "so-lieu.xlsx",
      bytes: await validFile(),
    });
    expect(result.delivered).toBe(false);
    await h.idle();
    expect(h.emu.botMessages(GROUP)).toHaveLength(0);
    expect(await h.db.prisma.figure.count()).toBe(0);
  });

  it("with the bot as group administrator a plain document in the unit chat is processed", async () => {
    h.emu.setBotStatus(GROUP, "administrator");
    await vi.waitFor(async () =>
      expect((await h.db.prisma.chat.findUnique({ where: { chatId: BigInt(GROUP) } }))?.botIsAdmin).toBe(true),
    );
    const [reply] = await sendFile(h, {
      chatId: GROUP,
      fromId: OFFICER,
      fileName: "so-lieu.xlsx",
      bytes: await validFile(),
    });
    expect(reply?.text).toContain("Đã lưu 1 dòng số liệu");
    expect(await storedFigures(h)).toEqual(["TN-X1 hs-truc-tuyen 2026-10 95/120 upload"]);
  });

  it("with the bot as administrator, files that are not figures tables pass by silently", async () => {
    h.emu.setBotStatus(GROUP, "administrator");
    await vi.waitFor(async () =>
      expect((await h.db.prisma.chat.findUnique({ where: { chatId: BigInt(GROUP) } }))?.botIsAdmin).toBe(true),
    );
    h.emu.injectDocument({
      chatId: GROUP,
      fromId: OFFICER,
      fileName: "cong-van.pdf",
      bytes: Buffer.from("%PDF-1.7 …"),
    });
    const other = await workbook((ws) => ws.addRow(["Họ tên", "Ngày sinh"]).commit());
    h.emu.injectDocument({ chatId: GROUP, fromId: OFFICER, fileName: "danh-sach.xlsx", bytes: other });
    const probe = await say(h, GROUP, OFFICER, "/mau");
    expect(h.emu.botMessages(GROUP)).toEqual([probe]);
  });

  it("a group that is not registered gets the registration hint", async () => {
    h.emu.addChat({ id: -100999, type: "group", title: "Nhóm lạ" });
    const hint = await say(h, -100999, OFFICER, "/nhap");
    expect(hint?.text).toContain("/dangky");
    const [reply] = await sendFile(h, {
      chatId: -100999,
      fromId: OFFICER,
      fileName: "a.xlsx",
      bytes: await validFile(),
      caption: "/nhap",
    });
    expect(reply?.text).toContain("chưa được gắn với đơn vị");
    expect(await h.db.prisma.figure.count()).toBe(0);
  });

  it("a private user who is not an administrator is told to send from the unit chat", async () => {
    h.emu.addChat({ id: OFFICER, type: "private", firstName: "Lan" });
    const [reply] = await sendFile(h, {
      chatId: OFFICER,
      fromId: OFFICER,
      fileName: "a.xlsx",
      bytes: await validFile(),
    });
    expect(reply?.text).toContain("chỉ quản trị viên gửi được bảng số liệu");
    expect(await h.db.prisma.figure.count()).toBe(0);
  });
});

describe("files refused as a whole: a clear message, nothing changes", () => {
  async function refuse(fileName: string, bytes: Buffer) {
    const [reply] = await sendFile(h, { chatId: GROUP, fromId: OFFICER, fileName, bytes, caption: "/nhap" });
    expect(reply?.text).toContain("Chưa có số liệu nào được lưu");
    expect(await h.db.prisma.figure.count()).toBe(0);
    expect(await h.db.prisma.pendingUpload.count()).toBe(0);
    return reply?.text ?? "";
  }

  it("a .pdf", async () => {
    expect(await refuse("bao-cao.pdf", Buffer.from("%PDF-1.7"))).toContain("Bot chỉ nhận tệp Excel .xlsx hoặc .csv");
  });

  it("a file over 5 MB", async () => {
    expect(await refuse("lon.xlsx", Buffer.alloc(5 * 1024 * 1024 + 1, 1))).toContain("vượt giới hạn 5 MB");
  });

  it("a sheet of 20,001 data rows", async () => {
    const bytes = await workbook((ws) => {
      ws.addRow(FIGURE_HEADERS);
      for (let i = 0; i < 20_001; i++) ws.addRow(["TN-X1", "", "hs-truc-tuyen", "10/2026", 1, 2]);
    });
    expect(await refuse("lon.xlsx", bytes)).toContain("vượt giới hạn 20.000 dòng");
  });

  it("a renamed file and a sheet without the expected header", async () => {
    expect(await refuse("so-lieu.xlsx", Buffer.from("Mã đơn vị,Tử số\nTN-X1,1\n"))).toContain(
      "nội dung không phải bảng tính",
    );
    const noHeader = await workbook((ws) => ws.addRow(["Họ tên", "Ngày sinh"]).commit());
    expect(await refuse("danh-sach.xlsx", noHeader)).toContain("/mau");
  });

  it("accepts the same table as CSV", async () => {
    const csv = `${FIGURE_HEADERS.join(",")}\nTN-X1,Phường Đức Xuân,hs-truc-tuyen,10/2026,95,120\n`;
    const [reply] = await sendFile(h, {
      chatId: ADMIN_ID,
      fromId: ADMIN_ID,
      fileName: "so-lieu.csv",
      bytes: Buffer.from(csv, "utf8"),
    });
    expect(reply?.text).toContain("Đã lưu 1 dòng số liệu");
    expect(await storedFigures(h)).toEqual(["TN-X1 hs-truc-tuyen 2026-10 95/120 upload"]);
  });
});
