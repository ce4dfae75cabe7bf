/** The daily sweep end to end (docs/DOSSIERS.md): one prompt per dossier, escalation once each, working days only. */
import { afterEach, describe, expect, it } from "vitest";
import { exportXlsx, HEAD, LEADERS, OFFICER, row, startWorld, UNIT, type World } from "./dossiersWorld.js";

let w: World;
afterEach(async () => w?.stop());

const A = "H15.50.05.13-261120-0001";
const B = "H15.50.05.13-261120-0002";
const C = "H15.50.05.13-261120-0003";

const texts = (chatId: number) => w.h.emu.botMessages(chatId).map((m) => m.text ?? "");
const buttons = (chatId: number) =>
  (w.h.emu.botMessages(chatId).at(-1)?.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.text);

describe("a dossier due on a Friday", () => {
  it("becomes sắp quá hạn on Thursday, is prompted once with its two buttons", async () => {
    w = await startWorld("2026-11-24T09:00:00+07:00");
    await w.upload(await exportXlsx([row(A, { "Ngày hẹn trả": "27/11/2026" })]));
    const before = w.count(UNIT);
    expect(await w.sweep("2026-11-25")).toMatchObject({ prompted: 0 });
    expect(w.count(UNIT)).toBe(before);

    expect(await w.sweep("2026-11-26")).toMatchObject({ prompted: 1 });
    const prompt = texts(UNIT).at(-1) ?? "";
    expect(prompt).toContain("🟠 Hồ sơ sắp quá hạn — Phường Đức Xuân");
    expect(prompt).toContain(`${A} — Đăng ký khai sinh — hẹn trả 27/11/2026 (Thứ Sáu)`);
    expect(prompt).not.toContain("Trần Thị B");
    expect(buttons(UNIT)).toEqual(["Lập văn bản xin lỗi", "Đã trả kết quả"]);

    await w.sweep("2026-11-27");
    await w.sweep("2026-11-30"); // now overdue: still no second prompt
    expect(w.count(UNIT)).toBe(before + 1);
    const stored = await w.h.db.prisma.dossier.findFirst({ where: { code: A } });
    expect(stored?.promptedAt?.toISOString()).toBe("2026-11-26T01:30:00.000Z");
  });

  it("batches many dossiers of one unit into one message, numbered buttons", async () => {
    w = await startWorld("2026-11-24T09:00:00+07:00");
    await w.upload(await exportXlsx([row(A), row(B), row(C, { "Ngày hẹn trả": "26/11/2026" })]));
    const before = w.count(UNIT);
    await w.sweep("2026-11-26");
    expect(w.count(UNIT)).toBe(before + 1);
    expect(texts(UNIT).at(-1)).toContain("3 hồ sơ quá hạn hoặc sắp quá hạn");
    expect(buttons(UNIT)).toEqual([
      "1. Lập văn bản xin lỗi",
      "1. Đã trả kết quả",
      "2. Lập văn bản xin lỗi",
      "2. Đã trả kết quả",
      "3. Lập văn bản xin lỗi",
      "3. Đã trả kết quả",
    ]);
  });
});

describe("a dossier due on the day before Tết", () => {
  it("is prompted the working day before, then escalated to the head and to leaders once each after Tết", async () => {
    w = await startWorld("2026-02-09T09:00:00+07:00");
    await w.upload(
      await exportXlsx([row(A, { "Ngày nhận": "02/02/2026", "Ngày nộp hồ sơ": null, "Ngày hẹn trả": "13/02/2026" })]),
    );
    expect(await w.sweep("2026-02-11")).toMatchObject({ prompted: 0 });
    expect(await w.sweep("2026-02-12")).toMatchObject({ prompted: 1 });
    expect(await w.sweep("2026-02-16")).toMatchObject({ skipped: "day-off" });
    const [unitBefore, headBefore, leadersBefore] = [w.count(UNIT), w.count(HEAD), w.count(LEADERS)];

    expect(await w.sweep("2026-02-23")).toMatchObject({ prompted: 0, escalatedToHead: 0 }); // first working day overdue
    expect(await w.sweep("2026-02-24")).toMatchObject({ escalatedToHead: 1, escalatedToLeaders: 0 });
    expect(texts(HEAD).at(-1)).toContain("1 hồ sơ quá hạn hơn một ngày làm việc mà chưa có văn bản xin lỗi");
    expect(texts(HEAD).at(-1)).toContain("quá hạn 2 ngày làm việc");
    expect(await w.sweep("2026-02-25")).toMatchObject({ escalatedToHead: 0, escalatedToLeaders: 1 });
    expect(texts(LEADERS).at(-1)).toContain("Phường Đức Xuân");
    expect(texts(LEADERS).at(-1)).toContain(A);
    expect(texts(LEADERS).at(-1)).not.toContain("Trần Thị B");
    await w.sweep("2026-02-26");
    await w.sweep("2026-02-27");
    expect([w.count(UNIT), w.count(HEAD), w.count(LEADERS)]).toEqual([unitBefore, headBefore + 1, leadersBefore + 1]);
  });
});

describe("what stops the sweep", () => {
  it("'Đã trả kết quả' closes the dossier: no escalation", async () => {
    w = await startWorld("2026-11-24T09:00:00+07:00");
    await w.upload(await exportXlsx([row(A)]));
    await w.sweep("2026-11-26");
    const prompt = w.h.emu.botMessages(UNIT).at(-1);
    if (!prompt) throw new Error("no prompt");
    // The button asks first; the confirmation records it.
    await w.press(UNIT, prompt, "Đã trả kết quả", OFFICER, 0);
    const { messages } = await w.press(UNIT, prompt, "✔️ Xác nhận đã trả", OFFICER);
    expect(messages[0]?.text).toContain(`hồ sơ ${A} đã trả kết quả`);
    const headBefore = w.count(HEAD);
    await w.sweep("2026-12-01");
    await w.sweep("2026-12-02");
    expect(w.count(HEAD)).toBe(headBefore);
    expect((await w.say(`/hoso ${A}`)).text).toContain("✅ đã xong");
  });

  it("a unit without a head's chat is told how to register one", async () => {
    w = await startWorld("2026-11-24T09:00:00+07:00");
    await w.h.db.prisma.chat.update({ where: { chatId: BigInt(HEAD) }, data: { active: false } });
    await w.upload(await exportXlsx([row(A)]));
    await w.sweep("2026-11-26");
    await w.sweep("2026-12-01");
    expect(texts(UNIT).at(-1)).toContain("/dangky thutruong TN-X1");
  });
});
