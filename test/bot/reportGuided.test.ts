/**
 * `/nop` questions end to end through the emulator: the guided flow (indicator → month →
 * figures → Ghi), the swapped figures offered as a button, a month long past asked about first.
 * Every press edits its message (buttons gone, text says what was done); nothing is written
 * before Ghi.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bindChat, touchChat } from "../../src/db/repos/chats.js";
import type { Message } from "../../src/emulator/index.js";
import { startHarness, type Harness } from "../helpers/harness.js";

const GROUP = -100161;
const OFFICER = 661;
const OTHER = 662;

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ now: "2026-12-05T09:00:00+07:00" });
  h.emu.addUser({ id: OFFICER, firstName: "Lan" });
  h.emu.addUser({ id: OTHER, firstName: "Minh" });
  h.emu.addChat({ id: GROUP, type: "supergroup", title: "Phường Đức Xuân" });
  await touchChat(h.db.prisma, { chatId: BigInt(GROUP), type: "supergroup", title: "Phường Đức Xuân" });
  await bindChat(h.db.prisma, BigInt(GROUP), "unit", "TN-X1");
});
afterEach(async () => h?.stop());

async function say(text: string, replyToMessageId?: number) {
  const before = h.emu.botMessages(GROUP).length;
  const sent = h.emu.injectText({
    chatId: GROUP,
    fromId: OFFICER,
    text,
    ...(replyToMessageId ? { replyToMessageId } : {}),
  });
  const reply = (await h.emu.waitForMessages(GROUP, before + 1)).at(-1);
  if (!reply) throw new Error("no reply");
  return { reply, sent };
}

const buttons = (m: Message | undefined) =>
  (m?.reply_markup?.inline_keyboard ?? []).flat().map((b) => ({
    text: b.text,
    data: "callback_data" in b ? (b.callback_data ?? "") : "",
  }));
const current = (m: Message) => h.emu.message(GROUP, m.message_id);
const press = (m: Message, text: string, fromId = OFFICER) =>
  h.emu.pressButton({ chatId: GROUP, messageId: m.message_id, fromId, text });
const figures = () => h.db.prisma.figure.findMany({ orderBy: { id: "asc" } });

describe("the guided /nop", () => {
  it("indicator → last month → figures by force-reply → Ghi writes once and edits into the /nop answer", async () => {
    const { reply: ask, sent } = await say("/nop");
    expect(ask.text).toContain("chọn chỉ tiêu");
    expect(buttons(ask)[0]).toMatchObject({ text: "hồ sơ trực tuyến", data: expect.stringMatching(/^nop:i:\d+:0$/) });
    expect(buttons(ask).at(-1)?.text).toBe("Huỷ");

    // Another member cannot drive someone else's question.
    expect((await press(ask, "hồ sơ trực tuyến", OTHER)).text).toContain("Chỉ người gửi lệnh /nop này");
    await press(ask, "hồ sơ trực tuyến");
    const month = current(ask);
    expect(month?.text).toContain("Báo cáo tháng nào?");
    expect(buttons(month).map((b) => b.text)).toEqual(["Tháng này (12/2026)", "Tháng trước (11/2026)", "Huỷ"]);

    const before = h.emu.botMessages(GROUP).length;
    await press(ask, "Tháng trước (11/2026)");
    const [prompt] = (await h.emu.waitForMessages(GROUP, before + 1)).slice(before);
    if (!prompt) throw new Error("no prompt");
    expect(buttons(current(ask))).toEqual([]);
    expect(current(ask)?.text).toContain("tháng 11/2026. Gửi số liệu ở tin nhắn dưới.");
    expect(prompt.text).toContain("hai số: tổng, rồi hồ sơ trực tuyến tháng 11/2026");
    // The force-reply answers the sender's /nop: with `selective`, only they get the reply box.
    expect(prompt.reply_to_message?.message_id).toBe(sent.message.message_id);
    const asked = h.emu
      .transcript(GROUP)
      .find((e) => e.kind === "message" && e.direction === "bot" && e.message.message_id === prompt.message_id);
    expect(asked && "sent" in asked ? asked.sent?.reply_markup : undefined).toMatchObject({
      force_reply: true,
      selective: true,
    });

    // A wrong answer is explained, and the question asked again (a new force-reply to answer).
    const count = h.emu.botMessages(GROUP).length;
    h.emu.injectText({ chatId: GROUP, fromId: OFFICER, text: "120", replyToMessageId: prompt.message_id });
    const [bad, retry] = (await h.emu.waitForMessages(GROUP, count + 2)).slice(count);
    expect(bad?.text).toContain("Thiếu số liệu: cần hai số, tổng trước.");
    expect(retry?.text).toContain("Trả lời tin nhắn này bằng hai số");
    if (!retry) throw new Error("no new prompt");

    const { reply: confirm } = await say("120 95", retry.message_id);
    expect(confirm.text).toBe("Ghi tổng 120, hồ sơ trực tuyến 95 cho Phường Đức Xuân, tháng 11/2026?");
    expect(buttons(confirm).map((b) => b.text)).toEqual(["✅ Ghi", "Huỷ"]);
    expect(await figures()).toEqual([]);

    expect((await press(confirm, "✅ Ghi")).text).toBe("Đã ghi.");
    const done = current(confirm);
    expect(done?.text).toContain(
      "✅ Đã ghi số liệu: tổng 120, hồ sơ trực tuyến 95.\n🟢 Phường Đức Xuân, tháng 11/2026 — ",
    );
    expect(buttons(done).map((b) => b.data)).toEqual([expect.stringMatching(/^undo:\d+$/)]);
    expect(await figures()).toEqual([
      expect.objectContaining({ indicatorCode: "hs-truc-tuyen", period: "2026-11", numerator: 95, denominator: 120 }),
    ]);
  });

  it("Huỷ at the first step ends the question: the message says who cancelled, the buttons go", async () => {
    const { reply: ask } = await say("/nop");
    expect((await press(ask, "Huỷ")).text).toBe("Đã huỷ.");
    expect(current(ask)?.text).toBe("Đã huỷ (Lan bấm Huỷ). Chưa ghi số liệu nào.");
    expect(buttons(current(ask))).toEqual([]);
  });

  it("/nop ? lists the forms, and its 'last month' example is last month of today", async () => {
    const { reply } = await say("/nop ?");
    expect(reply.text).toContain("thêm tháng 11/2026 vào cuối lệnh");
    expect(reply.text).not.toContain("10/2026");
  });
});

describe("figures in the wrong order", () => {
  it("/nop <mã> with the part first is refused with the swapped figures as a button; pressing it saves them", async () => {
    const { reply } = await say("/nop hs-truc-tuyen 95 120");
    expect(reply.text).toContain("Số sau (120) lớn hơn tổng (95)");
    expect(reply.text).toContain("Có phải tổng 120, hồ sơ trực tuyến 95 cho Phường Đức Xuân, tháng 12/2026?");
    // The example is the corrected command, not what was refused.
    expect(reply.text).toContain("gửi lại: /nop 120 95.");
    expect(buttons(reply).map((b) => b.text)).toEqual(["✅ Ghi: tổng 120, hồ sơ trực tuyến 95", "Huỷ"]);
    expect(await figures()).toEqual([]);

    await press(reply, "✅ Ghi: tổng 120, hồ sơ trực tuyến 95");
    expect(current(reply)?.text).toContain("✅ Đã ghi số liệu: tổng 120, hồ sơ trực tuyến 95.");
    expect(buttons(current(reply)).map((b) => b.data)).toEqual([expect.stringMatching(/^undo:\d+$/)]);
    expect(await figures()).toEqual([expect.objectContaining({ period: "2026-12", numerator: 95, denominator: 120 })]);
  });

  it("a second press of a used button (a stale client) writes nothing more", async () => {
    const { reply } = await say("/nop 95 120");
    const data = buttons(reply)[0]?.data ?? "";
    await press(reply, "✅ Ghi: tổng 120, hồ sơ trực tuyến 95");
    await h.bot.api.editMessageReplyMarkup(GROUP, reply.message_id, {
      reply_markup: { inline_keyboard: [[{ text: "✅ Ghi", callback_data: data }]] },
    });
    const answer = await h.emu.pressButton({ chatId: GROUP, messageId: reply.message_id, fromId: OFFICER, data });
    expect(answer).toMatchObject({ showAlert: true, text: expect.stringContaining("đã hết hạn hoặc đã được trả lời") });
    expect(await h.db.prisma.figureRevision.count()).toBe(1);
  });
});

describe("a month long past", () => {
  it("thang 12/2022 typed in 12/2026 is asked about first; Huỷ writes nothing", async () => {
    const { reply } = await say("/nop 120 95 thang 12/2022");
    expect(reply.text).toContain("Tháng 12/2022 đã qua 48 tháng. Vẫn ghi tổng 120, hồ sơ trực tuyến 95");
    expect(buttons(reply).map((b) => b.text)).toEqual(["✅ Ghi", "Huỷ"]);
    await press(reply, "Huỷ");
    expect(current(reply)?.text).toContain("Đã huỷ (Lan bấm Huỷ)");
    expect(await figures()).toEqual([]);
  });

  it("two months back is taken at once; three months back is asked, and Ghi writes it", async () => {
    const { reply: ok } = await say("/nop 120 95 tháng 10/2026");
    expect(ok.text).toContain("✅ Đã ghi số liệu");
    const { reply: ask } = await say("/nop 100 50 tháng 9/2026");
    expect(ask.text).toContain("Tháng 09/2026 đã qua 3 tháng");
    await press(ask, "✅ Ghi");
    expect(current(ask)?.text).toContain("Phường Đức Xuân, tháng 09/2026 — ");
    expect((await figures()).map((f) => f.period)).toEqual(["2026-10", "2026-09"]);
  });

  it("swapped figures for a month long past: the button's question says both", async () => {
    const { reply } = await say("/nop 95 120 thang 12/2022");
    expect(reply.text).toContain("Có phải tổng 120, hồ sơ trực tuyến 95 cho Phường Đức Xuân, tháng 12/2022?");
    expect(reply.text).toContain("Tháng 12/2022 đã qua 48 tháng.");
    expect(await figures()).toEqual([]);
  });

  it("10/12 is October of this year, never 2012", async () => {
    const { reply } = await say("/nop 120 95 10/12");
    expect(reply.text).toContain("tháng 10/2026");
    expect(await figures()).toEqual([expect.objectContaining({ period: "2026-10" })]);
  });
});
