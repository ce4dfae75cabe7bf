import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bindChat, touchChat } from "../../src/db/repos/chats.js";
import { startHarness, type Harness } from "../helpers/harness.js";

const GROUP = -100101;
const OFFICER = 501;

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ now: "2026-11-20T09:00:00+07:00" });
  h.emu.addUser({ id: OFFICER, firstName: "Lan" });
  h.emu.addChat({ id: GROUP, type: "supergroup", title: "Phường Đức Xuân - Một cửa" });
  await touchChat(h.db.prisma, { chatId: BigInt(GROUP), type: "supergroup", title: "Phường Đức Xuân - Một cửa" });
  await bindChat(h.db.prisma, BigInt(GROUP), "unit", "TN-X1");
});
afterEach(async () => h?.stop());

async function say(text: string, chatId = GROUP, fromId = OFFICER) {
  const before = h.emu.botMessages(chatId).length;
  h.emu.injectText({ chatId, fromId, text });
  const msgs = await h.emu.waitForMessages(chatId, before + 1);
  return msgs[msgs.length - 1];
}

describe("/nop in a unit chat", () => {
  it("records 120 total / 95 online and answers with ratio, verdict, level and the gap to the next milestone", async () => {
    const reply = await say("/nop 120 95");
    expect(reply?.text).toContain(
      "✅ Đã ghi số liệu: tổng 120, hồ sơ trực tuyến 95.\n🟢 Phường Đức Xuân, tháng 11/2026 — ",
    );
    expect(reply?.text).toContain("79,2%");
    expect(reply?.text).toContain("95/120");
    expect(reply?.text).toContain("— Đạt chỉ tiêu 60% (đến 30/06/2026). Mức: xanh.");
    // 75% by 31/12/2026 is already met at 95/120 (79,2%), so no "cần thêm".
    expect(reply?.text).toContain("Đã đạt sớm chỉ tiêu tiếp theo 75% (đến 31/12/2026).");
    expect(reply?.text).not.toMatch(/cần thêm/i);
    const fig = await h.db.prisma.figure.findFirst({ where: { unitCode: "TN-X1" } });
    expect(fig).toMatchObject({ indicatorCode: "hs-truc-tuyen", period: "2026-11", numerator: 95, denominator: 120 });
    const kb = reply?.reply_markup?.inline_keyboard?.[0]?.[0];
    expect(kb && "callback_data" in kb ? kb.callback_data : "").toMatch(/^undo:\d+$/);
  });

  it("says what is missing when below the milestone in force", async () => {
    const reply = await say("/nop 100 50");
    expect(reply?.text).toContain("50%");
    expect(reply?.text).toMatch(/Cần thêm 10 hồ sơ trực tuyến để đạt 60% \(hạn 30\/06\/2026\)/);
    expect(reply?.text).toMatch(/Cần thêm 25 hồ sơ trực tuyến để đạt 75% trước 31\/12\/2026/);
  });

  it.each([
    ["/nop 120 130", "Số sau (130) lớn hơn tổng (120) — tổng đứng trước."],
    ["/nop -5 3", "số âm"],
    ["/nop 12,5 3", "không phải số nguyên"],
    ["/nop abc", "Thiếu số liệu"],
    ["/nop xyz 1 2", "Không có chỉ tiêu mã"],
    ["/nop 120 95 thang 13/2026", "Không hiểu kỳ báo cáo"],
    ["/nop 120 95 thang 12/2026", "chưa đến"],
    ["/nop 1 2 3 4 5 6 7 8 9 🤖‮", "Không hiểu kỳ báo cáo"],
  ])("rejects %s with a clear message and changes nothing", async (text, expected) => {
    const reply = await say(text);
    expect(reply?.text).toContain(expected);
    expect(await h.db.prisma.figure.count()).toBe(0);
  });

  it("accepts thousands separators and an earlier month written without diacritics", async () => {
    const reply = await say("/nop 1.234 1.000 thang 10/2026");
    expect(reply?.text).toContain("tháng 10/2026");
    expect(await h.db.prisma.figure.findFirst()).toMatchObject({
      period: "2026-10",
      numerator: 1000,
      denominator: 1234,
    });
  });

  it("reports any indicator by code (total first, as the short form) and lists the accepted forms on /nop ?", async () => {
    const help = await say("/nop ?");
    expect(help?.text).toContain("thanh-toan-truc-tuyen");
    const reply = await say("/nop thanh-toan-truc-tuyen 60 30");
    expect(reply?.text).toContain(
      "Tỷ lệ hồ sơ thanh toán trực tuyến: 50% (30/60) — Chưa đến hạn; chỉ tiêu gần nhất trên 50% (đến 31/12/2026). Mức: vàng.",
    );
    expect(reply?.text).toContain("Cần thêm 1 hồ sơ để đạt trên 50% trước 31/12/2026.");
    expect(await h.db.prisma.figure.findFirst()).toMatchObject({
      indicatorCode: "thanh-toan-truc-tuyen",
      numerator: 30,
      denominator: 60,
    });
  });

  it("keeps the full history on correction and undoes within 10 minutes", async () => {
    await say("/nop 120 95");
    const second = await say("/nop 120 100");
    expect(second?.text).toContain("Thay cho số liệu cũ: tổng 120, hồ sơ trực tuyến 95;");
    const revisions = await h.db.prisma.figureRevision.findMany({ orderBy: { id: "asc" } });
    expect(revisions.map((r) => [r.action, r.oldNumerator, r.newNumerator])).toEqual([
      ["create", null, 95],
      ["update", 95, 100],
    ]);
    const answer = await h.emu.pressButton({
      chatId: GROUP,
      messageId: second?.message_id ?? 0,
      fromId: OFFICER,
      data: `undo:${revisions[1]?.id}`,
    });
    expect(answer.text).toContain("hoàn tác");
    await h.emu.waitFor(() => h.emu.botMessages(GROUP).find((m) => m.text?.includes("trở lại 95/120")));
    expect(await h.db.prisma.figure.findFirst()).toMatchObject({ numerator: 95 });
    // The "✅ Đã ghi số liệu…" that was undone says so, by whom and when, and keeps no button.
    const undone = h.emu.message(GROUP, second?.message_id ?? 0);
    expect(undone?.text?.startsWith(second?.text ?? "?")).toBe(true);
    expect(undone?.text).toMatch(/↩️ Đã hoàn tác — Lan, 09:00 20\/11\/2026$/);
    expect(undone?.reply_markup).toBeUndefined();
    // Struck through: the figures it states no longer count.
    expect(undone?.entities?.some((e) => e.type === "strikethrough" && e.offset === 0)).toBe(true);
  });

  it("refuses an undo after 10 minutes", async () => {
    const reply = await say("/nop 120 95");
    h.clock.advance(11 * 60_000);
    const rev = await h.db.prisma.figureRevision.findFirst();
    const answer = await h.emu.pressButton({
      chatId: GROUP,
      messageId: reply?.message_id ?? 0,
      fromId: OFFICER,
      data: `undo:${rev?.id}`,
    });
    expect(answer.text).toContain("quá 10 phút");
    expect(await h.db.prisma.figure.findFirst()).toMatchObject({ numerator: 95 });
  });
});

describe("strangers", () => {
  it("a group that is not registered cannot report and is told how to register", async () => {
    h.emu.addChat({ id: -100999, type: "group", title: "Nhóm lạ" });
    const reply = await say("/nop 120 95", -100999);
    expect(reply?.text).toContain("chưa được gắn với đơn vị");
    expect(reply?.text).toContain("/dangky");
    expect(await h.db.prisma.figure.count()).toBe(0);
  });

  it("a private user without a role cannot read figures", async () => {
    h.emu.addChat({ id: 777, type: "private", firstName: "Khách" });
    const reply = await say("/tinhtrang", 777, 777);
    expect(reply?.text).toContain("chưa được cấp quyền");
  });
});
