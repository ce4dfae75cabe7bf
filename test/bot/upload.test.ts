import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseFigures, readSheet } from "../../src/ingest/index.js";
import { createBot } from "../../src/bot/createBot.js";
import { uploadFeature } from "../../src/bot/features/upload.js";
import { ADMIN_ID, TOKEN, type Harness } from "../helpers/harness.js";
import {
  buttonData,
  figuresFile,
  GROUP,
  OFFICER,
  OTHER_OFFICER,
  say,
  sendFile,
  startUploadWorld,
  storedFigures,
} from "./uploadFixtures.js";

let h: Harness;
beforeEach(async () => {
  h = await startUploadWorld();
});
afterEach(async () => h?.stop());

describe("/mau", () => {
  it("sends the unit's pre-filled template as an .xlsx document that the figures parser reads (nothing filled yet)", async () => {
    const reply = await say(h, GROUP, OFFICER, "/mau");
    expect(reply?.document?.file_name).toMatch(/^mau-so-lieu-TN-X1-\d{4}-\d{2}\.xlsx$/);
    expect(reply?.caption).toContain("/nhap");
    const file = h.emu.file(reply?.document?.file_id ?? "");
    const grid = await readSheet({ fileName: "mau.xlsx", data: file?.bytes ?? Buffer.alloc(0) });
    const parsed = parseFigures(grid);
    // Row 3 is the example (the unit itself), then one empty row per indicator (test/bot/templateFilled.test.ts).
    expect(parsed).toMatchObject({ headerRow: 2, rows: [], rejected: [], exampleRows: [3] });
    expect(parsed.unfilledRows.length).toBeGreaterThan(0);
  });
});

describe("/nhap in a unit chat", () => {
  it("asks with a force-reply, and the file sent in reply is saved with its provenance", async () => {
    const prompt = await say(h, GROUP, OFFICER, "/nhap");
    expect(prompt?.text).toContain("Trả lời tin nhắn này bằng tệp .xlsx hoặc .csv");
    const sent = h.emu
      .transcript(GROUP)
      .find((e) => e.kind === "message" && e.direction === "bot" && e.message.message_id === prompt?.message_id);
    expect(sent && "sent" in sent ? sent.sent?.reply_markup : undefined).toMatchObject({
      force_reply: true,
      selective: true,
    });
    await vi.waitFor(async () => {
      expect(
        await h.db.prisma.pendingInput.count({ where: { chatId: BigInt(GROUP), messageId: prompt?.message_id } }),
      ).toBe(1);
    });

    const bytes = await figuresFile([
      ["TN-X1", "Phường Đức Xuân", "hs-truc-tuyen", "10/2026", 95, 120],
      ["", "Phường Đức Xuân", "thanh-toan-truc-tuyen", "11/2026", 30, 60],
    ]);
    const [reply] = await sendFile(h, {
      chatId: GROUP,
      fromId: OFFICER,
      fileName: "so-lieu.xlsx",
      bytes,
      replyToMessageId: prompt?.message_id,
    });
    expect(reply?.text).toContain("Đã lưu 2 dòng số liệu");
    // The result line /nop prints (src/messages/grammar.ts).
    expect(reply?.text).toContain(
      "🟢 Phường Đức Xuân, tháng 10/2026 — Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến: 79,2% (95/120) — ",
    );
    expect(reply?.text).toContain("Phường Đức Xuân, tháng 11/2026 — Tỷ lệ hồ sơ thanh toán trực tuyến: 50% (30/60)");
    expect(await storedFigures(h)).toEqual([
      "TN-X1 hs-truc-tuyen 2026-10 95/120 upload",
      "TN-X1 thanh-toan-truc-tuyen 2026-11 30/60 upload",
    ]);
    const revs = await h.db.prisma.figureRevision.findMany();
    expect(revs.map((r) => [r.source, r.byUser, r.chatId, r.createdAt.toISOString()])).toEqual([
      ["upload", BigInt(OFFICER), BigInt(GROUP), "2026-11-20T02:00:00.000Z"],
      ["upload", BigInt(OFFICER), BigInt(GROUP), "2026-11-20T02:00:00.000Z"],
    ]);
  });

  it("rejects rows of another unit and saves nothing", async () => {
    const bytes = await figuresFile([
      ["TN-X1", "", "hs-truc-tuyen", "10/2026", 95, 120],
      ["TN-X2", "", "hs-truc-tuyen", "10/2026", 10, 20],
    ]);
    const [reply] = await sendFile(h, {
      chatId: GROUP,
      fromId: OFFICER,
      fileName: "so-lieu.xlsx",
      bytes,
      caption: "/nhap",
    });
    expect(reply?.text).toContain("Dòng 3: Xã Nông Thượng không thuộc đơn vị của nhóm (Phường Đức Xuân)");
    expect(reply?.text).toContain("chưa lưu dòng nào");
    expect(buttonData(reply, "Lưu 1 dòng hợp lệ")).toMatch(/^up:ok:\d+$/);
    expect(await h.db.prisma.figure.count()).toBe(0);
  });

  it("answers a text reply to the prompt with how to attach the file", async () => {
    const prompt = await say(h, GROUP, OFFICER, "/nhap");
    const reply = await say(h, GROUP, OFFICER, "95 120", prompt?.message_id);
    expect(reply?.text).toContain("tệp đính kèm");
  });

  it("recognises a reply to the prompt after a restart (the prompt is stored, not remembered)", async () => {
    const prompt = await say(h, GROUP, OFFICER, "/nhap");
    await vi.waitFor(async () => expect(await h.db.prisma.pendingInput.count()).toBe(1));
    await h.bot.stop();
    const restarted = createBot(h.services, { token: TOKEN, apiRoot: h.emu.url, extraFeatures: [uploadFeature] });
    await restarted.init();
    void restarted.start({ timeout: 1 });
    try {
      const reply = await say(h, GROUP, OFFICER, "xong rồi", prompt?.message_id);
      expect(reply?.text).toContain("tệp đính kèm");
      const [saved] = await sendFile(h, {
        chatId: GROUP,
        fromId: OFFICER,
        fileName: "so-lieu.csv",
        replyToMessageId: prompt?.message_id,
        bytes: Buffer.from("Mã đơn vị,Mã chỉ tiêu,Kỳ báo cáo,Tử số,Mẫu số\nTN-X1,hs-truc-tuyen,10/2026,95,120\n"),
      });
      expect(saved?.text).toContain("Đã lưu 1 dòng số liệu");
    } finally {
      await restarted.stop();
    }
  });

  it("says so when the template comes back with only its example row and rows left blank", async () => {
    const tpl = await say(h, GROUP, OFFICER, "/mau");
    const bytes = h.emu.file(tpl?.document?.file_id ?? "")?.bytes ?? Buffer.alloc(0);
    const [reply] = await sendFile(h, {
      chatId: GROUP,
      fromId: OFFICER,
      fileName: "mau.xlsx",
      bytes,
      caption: "/nhap",
    });
    expect(reply?.text).toMatch(/chỉ có \d+ dòng ví dụ hoặc chưa điền số/);
    expect(await h.db.prisma.figure.count()).toBe(0);
  });
});

describe("a file with bad rows (administrator, private chat)", () => {
  const rows = [
    ["TN-X1", "", "hs-truc-tuyen", "10/2026", 95, 120],
    ["", "Xã Nông Thượng", "hs-truc-tuyen", "10/2026", 50, 100],
    ["TN-X3", "", "hs-truc-tuyen", "10/2026", 130, 120],
    ["TN-X9", "", "hs-truc-tuyen", "10/2026", 1, 2],
    ["TN-X3", "", "hs-truc-tuyen", "12/2026", 1, 2],
    ["TN", "", "hs-truc-tuyen", "10/2026", 1, 2],
    ["TN-X3", "", "chi-tieu-la", "10/2026", 1, 2],
  ];

  async function upload() {
    const [reply] = await sendFile(h, {
      chatId: ADMIN_ID,
      fromId: ADMIN_ID,
      fileName: "tong-hop.xlsx",
      bytes: await figuresFile(rows),
    });
    return reply;
  }

  it("saves nothing and lists every rejected row with its number and reason", async () => {
    const reply = await upload();
    const text = reply?.text ?? "";
    expect(text).toContain("Tệp có 5 dòng không hợp lệ nên chưa lưu dòng nào");
    expect(text).toContain("Dòng 4: tử số (130) lớn hơn mẫu số (120)");
    expect(text).toContain('Dòng 5: mã đơn vị "TN-X9" không tồn tại');
    expect(text).toContain("Dòng 6: kỳ tháng 12/2026 chưa đến");
    expect(text).toContain('Dòng 7: chỉ tiêu "hs-truc-tuyen" không được giao cho UBND tỉnh Thử Nghiệm');
    expect(text).toContain('Dòng 8: mã chỉ tiêu "chi-tieu-la" không tồn tại');
    expect(text).not.toMatch(/Dòng [23]:/);
    expect(await h.db.prisma.figure.count()).toBe(0);
    expect(await h.db.prisma.pendingUpload.count({ where: { status: "pending" } })).toBe(1);
  });

  it("'Lưu N dòng hợp lệ' saves only the valid rows, once even when pressed twice", async () => {
    const reply = await upload();
    const data = buttonData(reply, "Lưu 2 dòng hợp lệ");
    const press = () =>
      h.emu.pressButton({ chatId: ADMIN_ID, messageId: reply?.message_id ?? 0, fromId: ADMIN_ID, data });
    const [first, second] = await Promise.all([press(), press()]);
    expect([first.text, second.text].sort()).toEqual(["Số liệu của tệp này đã được lưu rồi.", "Đã lưu."].sort());
    const saved = await h.emu.waitFor(() =>
      h.emu.botMessages(ADMIN_ID).find((m) => m.text?.startsWith("✅ Đã lưu 2 dòng")),
    );
    expect(saved.text).toContain("Xã Nông Thượng");
    expect(await storedFigures(h)).toEqual([
      "TN-X1 hs-truc-tuyen 2026-10 95/120 upload",
      "TN-X2 hs-truc-tuyen 2026-10 50/100 upload",
    ]);
    expect(await h.db.prisma.figureRevision.count()).toBe(2);
    // The save buttons are gone; what is left is the undo of the save (test/bot/uploadUndo.test.ts).
    expect(
      h.emu
        .message(ADMIN_ID, reply?.message_id ?? 0)
        ?.reply_markup?.inline_keyboard.flat()
        .map((b) => b.text),
    ).toEqual(["↩️ Hoàn tác (trong 10 phút)"]);
    // The preview says it was saved, by whom and when.
    expect(h.emu.message(ADMIN_ID, reply?.message_id ?? 0)?.text).toMatch(
      /💾 Đã lưu 2 dòng — Quản trị, \d\d:\d\d \d\d\/\d\d\/2026$/,
    );
  });

  it("'Huỷ' keeps everything unchanged; a held upload expires after 30 minutes", async () => {
    const first = await upload();
    const cancel = await h.emu.pressButton({
      chatId: ADMIN_ID,
      messageId: first?.message_id ?? 0,
      fromId: ADMIN_ID,
      text: "Huỷ",
    });
    expect(cancel.text).toBe("Đã huỷ.");
    await h.emu.waitFor(() => h.emu.message(ADMIN_ID, first?.message_id ?? 0)?.text?.includes("✖️ Đã huỷ — Quản trị"));
    expect(h.emu.message(ADMIN_ID, first?.message_id ?? 0)?.reply_markup).toBeUndefined();
    const second = await upload();
    h.clock.advance(31 * 60_000);
    const late = await h.emu.pressButton({
      chatId: ADMIN_ID,
      messageId: second?.message_id ?? 0,
      fromId: ADMIN_ID,
      text: "Lưu 2 dòng hợp lệ",
    });
    expect(late.text).toContain("quá 30 phút");
    expect(await h.db.prisma.figure.count()).toBe(0);
  });
});

describe("who may press", () => {
  it("only the sender or an administrator saves a held upload", async () => {
    const bytes = await figuresFile([
      ["TN-X1", "", "hs-truc-tuyen", "10/2026", 95, 120],
      ["TN-X1", "", "hs-truc-tuyen", "13/2026", 1, 2],
    ]);
    const [reply] = await sendFile(h, { chatId: GROUP, fromId: OFFICER, fileName: "a.xlsx", bytes, caption: "/nhap" });
    const data = buttonData(reply, "Lưu 1 dòng hợp lệ");
    const other = await h.emu.pressButton({
      chatId: GROUP,
      messageId: reply?.message_id ?? 0,
      fromId: OTHER_OFFICER,
      data,
    });
    expect(other.text).toContain("Chỉ người gửi tệp hoặc quản trị viên");
    expect(await h.db.prisma.figure.count()).toBe(0);
    const admin = await h.emu.pressButton({ chatId: GROUP, messageId: reply?.message_id ?? 0, fromId: ADMIN_ID, data });
    expect(admin.text).toBe("Đã lưu.");
    expect(await storedFigures(h)).toEqual(["TN-X1 hs-truc-tuyen 2026-10 95/120 upload"]);
  });
});
