/**
 * "↩️ Hoàn tác" under a held upload once saved (docs/BUTTONS.md, docs/UPLOADS.md): the save's
 * revisions are reverted together within the `/nop` undo window; a figure changed again since is
 * kept and named; after the window the press is refused and the button goes.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADMIN_ID, type Harness } from "../helpers/harness.js";
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

const UNDO = "↩️ Hoàn tác (trong 10 phút)";

/** A /nop figure first, then a file that replaces it, adds one and has one bad row; "Lưu 2 dòng hợp lệ". */
async function saveHeldUpload() {
  await say(h, GROUP, OFFICER, "/nop hs-truc-tuyen 100 50 tháng 10/2026");
  const bytes = await figuresFile([
    ["TN-X1", "", "hs-truc-tuyen", "10/2026", 95, 120],
    ["TN-X1", "", "thanh-toan-truc-tuyen", "10/2026", 30, 60],
    ["TN-X1", "", "hs-truc-tuyen", "13/2026", 1, 2],
  ]);
  const [preview] = await sendFile(h, { chatId: GROUP, fromId: OFFICER, fileName: "a.xlsx", bytes, caption: "/nhap" });
  const messageId = preview?.message_id ?? 0;
  const saved = await h.emu.pressButton({ chatId: GROUP, messageId, fromId: OFFICER, text: "Lưu 2 dòng hợp lệ" });
  expect(saved.text).toBe("Đã lưu.");
  await h.emu.waitFor(() => h.emu.message(GROUP, messageId)?.text?.includes("💾 Đã lưu 2 dòng"));
  await h.emu.waitFor(() => h.emu.botMessages(GROUP).some((m) => m.text?.startsWith("✅ Đã lưu 2 dòng số liệu")));
  return messageId;
}

/** A stale client still shows the button the bot removed: put it back to press it again. */
async function restoreButton(messageId: number, data: string) {
  await h.bot.api.editMessageReplyMarkup(GROUP, messageId, {
    reply_markup: { inline_keyboard: [[{ text: UNDO, callback_data: data }]] },
  });
}

const previewOf = (messageId: number) => h.emu.message(GROUP, messageId);

describe("undo after 'Lưu N dòng'", () => {
  it("offers the undo on the saved preview; pressing it reverts every figure the save wrote", async () => {
    const messageId = await saveHeldUpload();
    expect(
      previewOf(messageId)
        ?.reply_markup?.inline_keyboard.flat()
        .map((b) => b.text),
    ).toEqual([UNDO]);
    expect(await storedFigures(h)).toEqual([
      "TN-X1 hs-truc-tuyen 2026-10 95/120 upload",
      "TN-X1 thanh-toan-truc-tuyen 2026-10 30/60 upload",
    ]);
    const data = buttonData(previewOf(messageId), UNDO);
    expect(data).toMatch(/^uu:\d+$/);

    h.clock.advance(9 * 60_000);
    const undo = await h.emu.pressButton({ chatId: GROUP, messageId, fromId: OFFICER, data });
    expect(undo.text).toBe("Đã hoàn tác 2 dòng.");
    // The replaced figure has its /nop value back; the one the file created is gone.
    expect((await storedFigures(h)).map((f) => f.split(" ").slice(0, 4).join(" "))).toEqual([
      "TN-X1 hs-truc-tuyen 2026-10 50/100",
    ]);
    await h.emu.waitFor(() => previewOf(messageId)?.text?.includes("↩️ Đã hoàn tác"));
    expect(previewOf(messageId)?.text).toMatch(
      /💾 Đã lưu 2 dòng — Lan, \d\d:\d\d 20\/11\/2026\n\n↩️ Đã hoàn tác 2 dòng — Lan, \d\d:\d\d 20\/11\/2026$/,
    );
    expect(previewOf(messageId)?.reply_markup).toBeUndefined();
    const revs = await h.db.prisma.figureRevision.findMany({ orderBy: { id: "asc" } });
    expect(revs.map((r) => [r.indicatorCode, r.action, r.source, r.undone])).toEqual([
      ["hs-truc-tuyen", "create", "chat", false],
      ["hs-truc-tuyen", "update", "upload", true],
      ["thanh-toan-truc-tuyen", "create", "upload", true],
      ["hs-truc-tuyen", "undo", "undo", false],
      ["thanh-toan-truc-tuyen", "undo", "undo", false],
    ]);

    // A second press (a stale client) reverts nothing more.
    await restoreButton(messageId, data);
    const again = await h.emu.pressButton({ chatId: GROUP, messageId, fromId: OFFICER, data });
    expect(again).toMatchObject({ showAlert: true, text: "Số liệu của tệp này đã được hoàn tác rồi." });
    expect(await h.db.prisma.figureRevision.count()).toBe(5);
  });

  it("keeps a figure changed again after the save and says which", async () => {
    const messageId = await saveHeldUpload();
    const data = buttonData(previewOf(messageId), UNDO);
    await say(h, GROUP, OFFICER, "/nop thanh-toan-truc-tuyen 60 45 tháng 10/2026");
    const before = h.emu.botMessages(GROUP).length;
    const undo = await h.emu.pressButton({ chatId: GROUP, messageId, fromId: OFFICER, data });
    expect(undo.text).toBe("Đã hoàn tác 1 dòng.");
    expect((await storedFigures(h)).map((f) => f.split(" ").slice(0, 4).join(" "))).toEqual([
      "TN-X1 hs-truc-tuyen 2026-10 50/100",
      "TN-X1 thanh-toan-truc-tuyen 2026-10 45/60",
    ]);
    const [reply] = (await h.emu.waitForMessages(GROUP, before + 1)).slice(before);
    expect(reply?.text).toContain("Đã hoàn tác 1 dòng số liệu của tệp. 1 dòng được giữ nguyên");
    expect(reply?.text).toContain("• Phường Đức Xuân — thanh-toan-truc-tuyen, tháng 10/2026");
    await h.emu.waitFor(() =>
      previewOf(messageId)?.text?.includes("↩️ Đã hoàn tác 1 dòng (giữ 1 dòng đã sửa sau khi lưu) — Lan"),
    );
  });

  it("is refused after the undo window, even once the held row is purged, and the button goes", async () => {
    const messageId = await saveHeldUpload();
    const data = buttonData(previewOf(messageId), UNDO);
    h.clock.advance(10 * 60_000 + 1000);
    const late = await h.emu.pressButton({ chatId: GROUP, messageId, fromId: OFFICER, data });
    expect(late).toMatchObject({
      showAlert: true,
      text: "Đã quá 10 phút kể từ khi lưu, không thể hoàn tác. Số liệu sai thì gửi lại tệp đã sửa hoặc dùng /nop.",
    });
    await h.emu.waitFor(() => previewOf(messageId)?.reply_markup === undefined);
    expect(await h.db.prisma.figureRevision.count({ where: { action: "undo" } })).toBe(0);
    // Another held file purges expired rows; the answer is still "too late", not "not found".
    await sendFile(h, {
      chatId: GROUP,
      fromId: OFFICER,
      fileName: "b.xlsx",
      caption: "/nhap",
      bytes: await figuresFile([
        ["TN-X1", "", "hs-truc-tuyen", "09/2026", 1, 2],
        ["TN-X1", "", "hs-truc-tuyen", "13/2026", 1, 2],
      ]),
    });
    expect(await h.db.prisma.pendingUpload.count({ where: { status: "saved" } })).toBe(0);
    await restoreButton(messageId, data);
    const purged = await h.emu.pressButton({ chatId: GROUP, messageId, fromId: OFFICER, data });
    expect(purged.text).toContain("Đã quá 10 phút kể từ khi lưu");
    expect((await storedFigures(h)).length).toBe(2);
  });

  it("only the sender or an administrator undoes; someone else leaves the button", async () => {
    const messageId = await saveHeldUpload();
    const data = buttonData(previewOf(messageId), UNDO);
    const other = await h.emu.pressButton({ chatId: GROUP, messageId, fromId: OTHER_OFFICER, data });
    expect(other).toMatchObject({ showAlert: true, text: "Chỉ người gửi tệp hoặc quản trị viên mới hoàn tác được." });
    expect(buttonData(previewOf(messageId), UNDO)).toBe(data);
    expect((await storedFigures(h)).length).toBe(2);
    const admin = await h.emu.pressButton({ chatId: GROUP, messageId, fromId: ADMIN_ID, data });
    expect(admin.text).toBe("Đã hoàn tác 2 dòng.");
  });
});
