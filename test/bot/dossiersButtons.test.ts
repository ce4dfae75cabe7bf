/**
 * The overdue prompt's buttons edit their message (docs/DOSSIERS.md): "Đã trả kết quả" asks before
 * it records, "Không" puts the button back, the confirmation writes who and when and retires the
 * stale buttons; the new appointment date is picked on an inline calendar (‹ ›, past days refused,
 * days off refused, the pick written on the question), typed dd/mm/yyyy still answers, and its
 * examples are never a date already past. Questions are force-replies for the asker only.
 */
import type { Message } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { exportXlsx, OFFICER, OTHER_OFFICER, row, startWorld, UNIT, type World } from "./dossiersWorld.js";

const A = "H15.50.05.13-261120-0001";
let w: World;
afterEach(async () => w?.stop());

const labels = (m: Message | undefined) => (m?.reply_markup?.inline_keyboard ?? []).map((r) => r.map((b) => b.text));
const current = (m: Message) => w.h.emu.message(UNIT, m.message_id);

/** Due Thursday 26/11, prompted Wednesday 25/11 at 08:30; the clock then at 10:00. */
async function prompted(): Promise<Message> {
  w = await startWorld("2026-11-24T09:00:00+07:00");
  await w.upload(await exportXlsx([row(A, { "Ngày hẹn trả": "26/11/2026" })]));
  await w.sweep("2026-11-25");
  w.h.clock.set("2026-11-25T10:00:00+07:00");
  const prompt = w.h.emu.botMessages(UNIT).find((m) => m.text?.includes("🟠 Hồ sơ sắp quá hạn"));
  if (!prompt) throw new Error("no prompt");
  return prompt;
}

const returnedAt = async () => (await w.h.db.prisma.dossier.findFirstOrThrow({ where: { code: A } })).resultReturnedAt;

describe("'Đã trả kết quả'", () => {
  it("asks first; 'Không' restores the button and records nothing", async () => {
    const prompt = await prompted();
    const before = labels(prompt);
    const ask = await w.h.emu.pressButton({
      chatId: UNIT,
      messageId: prompt.message_id,
      fromId: OFFICER,
      text: "Đã trả kết quả",
    });
    expect(ask.text).toContain("Xác nhận");
    expect(labels(current(prompt)).flat()).toEqual(["Lập văn bản xin lỗi", "✔️ Xác nhận đã trả", "Không"]);
    expect(current(prompt)?.text).toBe(prompt.text);
    await w.h.emu.pressButton({ chatId: UNIT, messageId: prompt.message_id, fromId: OFFICER, text: "Không" });
    await w.h.emu.waitFor(() => labels(current(prompt)).flat().includes("Đã trả kết quả"));
    expect(labels(current(prompt))).toEqual(before);
    expect(await returnedAt()).toBeNull();
  });

  it("the confirmation records it, says who and when on the prompt, and leaves no stale button", async () => {
    const prompt = await prompted();
    await w.press(UNIT, prompt, "Đã trả kết quả", OFFICER, 0);
    const { messages } = await w.press(UNIT, prompt, "✔️ Xác nhận đã trả", OFFICER);
    expect(messages[0]?.text).toContain("đã trả kết quả");
    expect(await returnedAt()).not.toBeNull();
    const edited = current(prompt);
    expect(edited?.text?.startsWith(prompt.text ?? "?")).toBe(true);
    expect(edited?.text).toMatch(new RegExp(`📦 Đã trả kết quả ${A.replace(/\./g, "\\.")} — Lan, 10:00 25/11/2026$`));
    expect(edited?.reply_markup).toBeUndefined();
    // The formatting of the prompt survives the edit (bold title kept as an entity).
    expect(edited?.entities?.length ?? 0).toBeGreaterThanOrEqual(prompt.entities?.length ?? 0);
  });
});

/** From the prompt to the date question: "Lập văn bản xin lỗi", then the reason. */
async function dateQuestion(): Promise<Message> {
  const prompt = await prompted();
  const {
    messages: [askReason],
  } = await w.press(UNIT, prompt, "Lập văn bản xin lỗi", OFFICER);
  return w.say("Chờ kết quả xác minh của Công an phường", UNIT, OFFICER, askReason?.message_id);
}

describe("the new appointment date", () => {
  it("is picked on a calendar: ‹ › move, past days and days off are refused with why, the pick is written", async () => {
    const ask = await dateQuestion();
    expect(ask.text).toContain("Chọn ngày trên lịch");
    expect(ask.text).toContain("ví dụ 26/11/2026");
    const grid = labels(ask);
    expect(grid[0]).toEqual([" ", "Tháng 11/2026", "›"]);
    expect(grid[1]).toEqual(["T2", "T3", "T4", "T5", "T6", "T7", "CN"]);
    // Today (25/11) and before are "·"; tomorrow on is a day number.
    expect(grid.flat()).toContain("26");
    expect(grid.flat()).not.toContain("25");
    const press = (text: string, fromId = OFFICER) =>
      w.h.emu.pressButton({ chatId: UNIT, messageId: ask.message_id, fromId, text });

    expect((await press("·")).text).toBe("01/11/2026 đã qua hoặc là hôm nay. Ngày hẹn mới phải từ 26/11/2026 trở đi.");
    expect((await press("26", OTHER_OFFICER)).text).toContain("dành cho người đã bấm nút");
    await press("›");
    expect(labels(current(ask))[0]).toEqual(["‹", "Tháng 12/2026", "›"]);
    await press("‹");
    expect(labels(current(ask))[0]).toEqual([" ", "Tháng 11/2026", "›"]);
    expect((await press("28")).text).toContain("ngày nghỉ");
    await press("›");
    const before = w.count(UNIT);
    expect((await press("1")).text).toBe("📅 Ngày hẹn mới: 01/12/2026");
    const [askTitle] = (await w.h.emu.waitForMessages(UNIT, before + 1)).slice(before);
    expect(askTitle?.text).toContain("gửi Ông hay Bà?");
    const picked = current(ask);
    expect(picked?.text).toMatch(/📅 Ngày hẹn mới 01\/12\/2026 — Lan, 10:00 25\/11\/2026$/);
    expect(picked?.reply_markup).toBeUndefined();
    // "Ông" / "Bà" are buttons too; the answer is written on the question.
    expect(labels(askTitle)).toEqual([["Ông", "Bà"]]);
    const n = w.count(UNIT);
    await w.h.emu.pressButton({ chatId: UNIT, messageId: askTitle?.message_id ?? 0, fromId: OFFICER, text: "Bà" });
    await w.h.emu.waitForMessages(UNIT, n + 1);
    expect(current(askTitle as Message)?.text).toMatch(/👤 Gửi Bà — Lan, 10:00 25\/11\/2026$/);
    expect(current(askTitle as Message)?.reply_markup).toBeUndefined();
    const drafts = await w.h.db.prisma.dossierDocument.findMany({ where: { kind: "apology" } });
    expect(drafts.map((d) => d.newDueDate)).toEqual(["2026-12-01"]);
  });

  it("typed dd/mm/yyyy still answers and retires the calendar; a bad one is re-asked with a future example", async () => {
    const ask = await dateQuestion();
    const again = await w.say("ngày mai", UNIT, OFFICER, ask.message_id);
    // The example of the correction is the next working day, never a date already past.
    expect(again.text).toContain("ví dụ 26/11/2026");
    expect(again.text).not.toContain("25/11/2026");
    expect(labels(again)[0]).toEqual([" ", "Tháng 11/2026", "›"]);
    expect(current(ask)?.reply_markup).toBeUndefined();
    const askTitle = await w.say("01/12/2026", UNIT, OFFICER, again.message_id);
    expect(askTitle.text).toContain("gửi Ông hay Bà?");
    expect(current(again)?.reply_markup).toBeUndefined();
  });

  it("the reason question is a force-reply for the person who pressed only, naming them", async () => {
    const prompt = await prompted();
    const {
      messages: [askReason],
    } = await w.press(UNIT, prompt, "Lập văn bản xin lỗi", OFFICER);
    expect(askReason?.text).toMatch(/^Lan: /);
    const sent = w.h.emu
      .transcript(UNIT)
      .find((e) => e.kind === "message" && e.message.message_id === askReason?.message_id);
    expect(sent?.kind === "message" ? sent.sent?.reply_markup : undefined).toMatchObject({
      force_reply: true,
      selective: true,
    });
    // The answer is a typed message: the next question replies to it.
    const ask = await w.say("Chờ kết quả xác minh của Công an phường", UNIT, OFFICER, askReason?.message_id);
    expect(ask.reply_to_message?.from?.id).toBe(OFFICER);
  });
});

describe("dossier codes as buttons", () => {
  it("bare /hoso offers the codes to look at; a press shows that dossier; /quahan's codes are buttons too", async () => {
    await prompted();
    const pick = await w.say("/hoso");
    expect(pick.text).toContain("Chọn hồ sơ cần xem");
    expect(pick.text).not.toContain("261008-0975");
    expect(labels(pick).flat()).toEqual([A]);
    const before = w.count(UNIT);
    await w.h.emu.pressButton({ chatId: UNIT, messageId: pick.message_id, fromId: OFFICER, text: A });
    const [view] = (await w.h.emu.waitForMessages(UNIT, before + 1)).slice(before);
    expect(view?.text).toContain(A);
    expect(view?.text).toContain("Đăng ký khai sinh");
    const list = await w.say("/quahan");
    expect(labels(list).flat()).toEqual([A]);
  });
});
