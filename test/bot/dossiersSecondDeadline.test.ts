/**
 * The second deadline (docs/DOSSIERS.md "Hẹn lại và trễ hẹn lần 2"): once the head issues the
 * apology letter, the dossier is tracked against the letter's new date — near it the unit is told,
 * past it ("trễ hẹn lần 2") the unit, the head and the leaders are told at once, exactly once;
 * /quahan and /hoso count from the new date; a re-upload of the export does not lose it.
 */
import type { Message } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exportXlsx, HEAD, HEAD_USER, LEADERS, OFFICER, row, startWorld, UNIT, type World } from "./dossiersWorld.js";

const A = "H15.50.05.13-261120-0001";
let w: World;
afterEach(async () => w?.stop());

const texts = (chatId: number) => w.h.emu.botMessages(chatId).map((m) => m.text ?? "");
const last = (chatId: number): Message => {
  const m = w.h.emu.botMessages(chatId).at(-1);
  if (!m) throw new Error(`no message in ${chatId}`);
  return m;
};
const plus = (base: readonly number[], more: readonly number[]) => base.map((n, i) => n + (more[i] ?? 0));
const buttons = (m: Message) => (m.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.text);

/** Due Thursday 26/11; prompted 25/11; apology drafted and (unless `approve` is false) issued that day, re-appointed to Tuesday 01/12. */
async function reappointed(approve = true): Promise<void> {
  w = await startWorld("2026-11-24T09:00:00+07:00");
  await w.upload(await exportXlsx([row(A, { "Ngày hẹn trả": "26/11/2026" })]));
  await w.sweep("2026-11-25");
  w.h.clock.set("2026-11-25T10:00:00+07:00");
  const prompt = w.h.emu.botMessages(UNIT).find((m) => m.text?.includes("🟠 Hồ sơ sắp quá hạn"));
  if (!prompt) throw new Error("no prompt");
  const {
    messages: [askReason],
  } = await w.press(UNIT, prompt, "Lập văn bản xin lỗi", OFFICER);
  const askDate = await w.say("Chờ kết quả xác minh của Công an phường", UNIT, OFFICER, askReason?.message_id);
  // The export has no "Danh xưng" column: the officer is asked how to address the applicant.
  const askTitle = await w.say("01/12/2026", UNIT, OFFICER, askDate.message_id);
  expect(askTitle.text).toContain("gửi Ông hay Bà?");
  await w.say("Bà", UNIT, OFFICER, askTitle.message_id);
  await w.drained();
  if (approve) {
    await w.press(HEAD, last(HEAD), "✅ Duyệt", HEAD_USER, 1);
    await w.drained();
  }
}

describe("a dossier re-appointed by an issued apology letter", () => {
  beforeEach(async () => reappointed());

  it("is tracked against the new date: told near it, then 'trễ hẹn lần 2' to unit, head and leaders at once, once", async () => {
    const counts = () => [w.count(UNIT), w.count(HEAD), w.count(LEADERS)];
    let before = counts();
    // The first deadline (26/11) passes quietly: the letter set a new one.
    expect(await w.sweep("2026-11-26")).toMatchObject({
      prompted: 0,
      escalatedToHead: 0,
      promptedAgain: 0,
      lateAgain: 0,
    });
    expect(await w.sweep("2026-11-27")).toMatchObject({
      escalatedToHead: 0,
      escalatedToLeaders: 0,
      promptedAgain: 0,
      lateAgain: 0,
    });
    expect(counts()).toEqual(before);

    // Monday 30/11, one working day before Tuesday 01/12: the unit, once, without an apology button.
    expect(await w.sweep("2026-11-30")).toMatchObject({ promptedAgain: 1, lateAgain: 0 });
    expect(counts()).toEqual(plus(before, [1, 0, 0]));
    const soon = last(UNIT);
    expect(soon.text).toContain("sắp đến ngày hẹn lại");
    expect(soon.text).toContain(`${A} — Đăng ký khai sinh — hẹn lại 01/12/2026 (Thứ Ba)`);
    expect(soon.text).toContain("chỉ cho hẹn lại một lần");
    expect(buttons(soon)).toEqual(["Lập báo cáo giải trình", "Đã trả kết quả"]);
    expect(await w.sweep("2026-12-01")).toMatchObject({ promptedAgain: 0, lateAgain: 0 });

    // Wednesday 02/12: late for the second time — everyone, the same morning.
    before = counts();
    expect(await w.sweep("2026-12-02")).toMatchObject({
      promptedAgain: 0,
      lateAgain: 1,
      escalatedToHead: 0,
      escalatedToLeaders: 0,
    });
    expect(counts()).toEqual(plus(before, [1, 1, 1]));
    expect(last(UNIT).text).toContain("Trễ hẹn lần 2");
    expect(last(UNIT).text).toContain("hẹn lại 01/12/2026 (Thứ Ba), trễ hẹn lần 2, quá hạn 1 ngày làm việc");
    expect(buttons(last(UNIT))).toEqual(["Lập báo cáo giải trình", "Đã trả kết quả"]);
    expect(last(HEAD).text).toContain("1 hồ sơ trễ hẹn lần 2");
    expect(last(HEAD).text).toContain(A);
    expect(last(LEADERS).text).toContain("trễ hẹn lần 2");
    expect(last(LEADERS).text).toContain("Phường Đức Xuân — 1 hồ sơ");
    expect(last(LEADERS).text).toContain(A);
    for (const chat of [HEAD, LEADERS]) expect(last(chat).text).not.toContain("Trần Thị B");

    // Exactly once, whatever the days after bring.
    before = counts();
    await w.sweep("2026-12-03");
    await w.sweep("2026-12-04");
    expect(counts()).toEqual(before);
    const stored = await w.h.db.prisma.dossier.findFirstOrThrow({ where: { code: A } });
    expect(stored.secondPromptedAt?.toISOString()).toBe("2026-11-30T01:30:00.000Z");
    expect(stored.secondOverdueAt?.toISOString()).toBe("2026-12-02T01:30:00.000Z");

    // What is left is the explanation report.
    const {
      messages: [ask],
    } = await w.press(UNIT, last(UNIT), "Lập báo cáo giải trình", OFFICER);
    expect(ask?.text).toContain("lý do chậm trễ");
    w.h.clock.set("2026-12-04T10:00:00+07:00");
    expect((await w.say("Cơ quan phối hợp chưa trả lời", UNIT, OFFICER, ask?.message_id)).text).toContain(
      "Đã gửi dự thảo báo cáo giải trình",
    );
    await w.drained();
    expect(last(HEAD).text).toContain("hẹn lại 01/12/2026 (Thứ Ba), trễ hẹn lần 2, quá hạn 3 ngày làm việc");
    expect(last(HEAD).text).toContain("Không hẹn lại (đã hẹn lại một lần)");
  });

  it("/quahan and /hoso count from the new date, and say when it is late a second time", async () => {
    w.h.clock.set("2026-11-27T09:00:00+07:00");
    expect((await w.say("/quahan")).text).toContain("không có hồ sơ quá hạn hay sắp quá hạn");
    const onTime = (await w.say(`/hoso ${A}`)).text ?? "";
    expect(onTime).toContain("🟢 trong hạn");
    expect(onTime).toContain("Hẹn trả: 26/11/2026 (Thứ Năm) · Hẹn lại: 01/12/2026 (Thứ Ba)");

    w.h.clock.set("2026-11-30T09:00:00+07:00");
    const soon = (await w.say("/quahan")).text ?? "";
    expect(soon).toContain("Sắp quá hạn (1)");
    expect(soon).toContain(`${A} — Đăng ký khai sinh — hẹn lại 01/12/2026 (Thứ Ba)\n`);
    expect(soon).not.toContain("Quá hạn (");

    w.h.clock.set("2026-12-03T09:00:00+07:00");
    const list = (await w.say("/quahan")).text ?? "";
    expect(list).toContain("Quá hạn (1)");
    expect(list).toContain(
      `${A} — Đăng ký khai sinh — hẹn lại 01/12/2026 (Thứ Ba), trễ hẹn lần 2, quá hạn 2 ngày làm việc`,
    );
    const late = (await w.say(`/hoso ${A}`)).text ?? "";
    expect(late).toContain("🔴 trễ hẹn lần 2, quá hạn 2 ngày làm việc");
    // Leaders see it too, counted alike, without the citizen's name.
    const leaders = (await w.say(`/hoso ${A}`, LEADERS, 701)).text ?? "";
    expect(leaders).toContain("🔴 trễ hẹn lần 2, quá hạn 2 ngày làm việc");
    expect(leaders).not.toContain("Trần Thị B");
  });

  it("a re-upload of the export, whatever due date it shows, does not lose the new one", async () => {
    w.h.clock.set("2026-11-27T09:00:00+07:00");
    await w.upload(await exportXlsx([row(A, { "Ngày hẹn trả": "26/11/2026", "Cán bộ xử lý": "Lê Thị E" })]));
    expect((await w.say(`/hoso ${A}`)).text).toContain("Hẹn lại: 01/12/2026 (Thứ Ba)");
    // An export that later shows another date, beyond the sweep's look-ahead: the letter the citizen holds still decides.
    await w.upload(await exportXlsx([row(A, { "Ngày hẹn trả": "31/12/2026" })]));
    expect((await w.h.db.prisma.dossier.findFirstOrThrow({ where: { code: A } })).dueAt).toBe("2026-12-31");
    expect((await w.say(`/hoso ${A}`)).text).toContain("Hẹn trả: 26/11/2026 (Thứ Năm) · Hẹn lại: 01/12/2026 (Thứ Ba)");
    expect(await w.sweep("2026-11-27")).toMatchObject({ escalatedToHead: 0, promptedAgain: 0, lateAgain: 0 });
    expect(await w.sweep("2026-11-30")).toMatchObject({ promptedAgain: 1 });
    expect(await w.sweep("2026-12-02")).toMatchObject({ lateAgain: 1 });
  });

  it("without a head's chat: the unit is told how to register one, leaders are still told", async () => {
    await w.h.db.prisma.chat.update({ where: { chatId: BigInt(HEAD) }, data: { active: false } });
    const before = w.count(LEADERS);
    expect(await w.sweep("2026-12-02")).toMatchObject({ lateAgain: 1 });
    expect(last(UNIT).text).toContain("Bot đã báo lãnh đạo.");
    expect(last(UNIT).text).toContain("/dangky thutruong TN-X1");
    expect(w.count(LEADERS)).toBe(before + 1);
  });

  it("still refuses a second apology letter", async () => {
    const first = w.h.emu.botMessages(UNIT).find((m) => m.text?.includes("🟠 Hồ sơ sắp quá hạn"));
    if (!first) throw new Error("no prompt");
    await w.sweep("2026-12-02");
    const {
      messages: [refusal],
    } = await w.press(UNIT, first, "Lập văn bản xin lỗi", OFFICER);
    expect(refusal?.text).toContain("chỉ cho hẹn lại một lần");
    expect(await w.h.db.prisma.dossierDocument.count({ where: { kind: "apology" } })).toBe(1);
  });
});

describe("a letter not yet issued", () => {
  it("is not in force: the dossier is counted from its original date and no second-deadline prompt is sent", async () => {
    await reappointed(false);
    w.h.clock.set("2026-11-30T09:00:00+07:00");
    const view = (await w.say(`/hoso ${A}`)).text ?? "";
    expect(view).toContain("🔴 quá hạn 2 ngày làm việc");
    expect(view).not.toContain("Hẹn lại");
    expect(await w.sweep("2026-12-02")).toMatchObject({ promptedAgain: 0, lateAgain: 0 });
    expect(texts(LEADERS).join("\n")).not.toContain("trễ hẹn lần 2");
  });
});
