/** The buttons under a leaders' digest, pressed through the emulator (docs/SCHEDULES.md "Bản tin tuần"). */
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import type { Message } from "../../src/emulator/index.js";
import { startWorld, type World } from "../jobs/helpers.js";

const LEADERS = -2001;
const X1 = -1001;
const X2 = -1002;
const LEADER = 601;

let w: World;
afterEach(async () => w.stop());

async function world(now: string, files?: string[]): Promise<World> {
  const world = await startWorld({ now, ...(files ? { files } : {}) });
  await world.bind(LEADERS, "leaders", "TN", "Lãnh đạo tỉnh");
  await world.bind(X1, "unit", "TN-X1");
  await world.bind(X2, "unit", "TN-X2");
  world.emu.addUser({ id: LEADER, firstName: "Bình", lastName: "Trần" });
  return world;
}

/** /bieudo in the leaders' chat; returns the first part (the one with the buttons). */
async function digest(): Promise<Message> {
  w.emu.injectText({ chatId: LEADERS, fromId: LEADER, text: "/bieudo" });
  const [first] = await w.emu.waitForMessages(LEADERS, 2, 15_000);
  if (!first) throw new Error("no digest");
  return first;
}

const press = (message: Message, text: string) =>
  w.emu.pressButton({ chatId: LEADERS, messageId: message.message_id, fromId: LEADER, text, timeoutMs: 15_000 });
const buttons = (m: Message | undefined) => (m?.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.text);

describe("buttons under the digest", () => {
  it("🔔 reminds the units that have not reported, in their chats, now; the digest then says who pressed it and how many", async () => {
    w = await world("2026-11-23T10:00:00+07:00");
    await w.report("TN-X1", "hs-truc-tuyen", "2026-11", 65, 100, "2026-11-20T09:00");
    await w.report("TN-X1", "thanh-toan-truc-tuyen", "2026-11", 60, 100, "2026-11-20T09:00");
    const first = await digest();
    expect(buttons(first)).toEqual([
      "🔔 Nhắc 5 đơn vị chưa báo cáo",
      "📋 Danh sách đầy đủ",
      "📥 Tải .xlsx",
      "📊 Xem một chỉ tiêu",
    ]);
    const answer = await press(first, "🔔 Nhắc 5 đơn vị chưa báo cáo");
    expect(answer.text).toBe("Đã gửi lời nhắc tới 1 nhóm đơn vị.");
    await w.emu.waitFor(() => (w.emu.message(LEADERS, first.message_id)?.caption ?? "").includes("đã nhắc"), {
      label: "digest edited",
    });
    const edited = w.emu.message(LEADERS, first.message_id);
    expect(edited?.caption?.split("\n").at(-1)).toBe(
      "🔔 Bình Trần đã nhắc 1 đơn vị chưa báo cáo lúc 10:00 ngày 23/11/2026. 4 đơn vị chưa có nhóm nên chưa nhắc được.",
    );
    // The title stays bold; the pressed button is gone, the others stay.
    expect(edited?.caption_entities?.[0]?.type).toBe("bold");
    expect(buttons(edited)).toEqual(["📋 Danh sách đầy đủ", "📥 Tải .xlsx", "📊 Xem một chỉ tiêu"]);
    await w.worker.drainOnce();
    const [reminder] = w.texts(X2);
    expect(reminder).toContain("Lãnh đạo nhắc: số liệu tháng 11/2026");
    expect(reminder).toContain("Xã Nông Thượng chưa báo cáo: hồ sơ trực tuyến, thanh toán trực tuyến.");
    // Phường Đức Xuân reported both: not reminded.
    expect(w.texts(X1)).toEqual([]);
  });

  it("📋 the full list: every unit, farthest below its own target first, with that target", async () => {
    w = await world("2026-11-23T10:00:00+07:00");
    // Sở Tư pháp is 4 points short of its 70%; Phường Đức Xuân, lower at 58%, only 2 short of its 60%.
    await w.report("TN-STP", "hs-truc-tuyen", "2026-11", 66, 100, "2026-11-12T09:00");
    await w.report("TN-X1", "hs-truc-tuyen", "2026-11", 58, 100, "2026-11-20T09:00");
    const first = await digest();
    const before = w.emu.botMessages(LEADERS).length;
    await press(first, "📋 Danh sách đầy đủ");
    const msgs = await w.emu.waitForMessages(LEADERS, before + 2, 15_000);
    const list = msgs[before]?.text ?? "";
    expect(list.split("\n").slice(0, 5)).toEqual([
      "📋 Hồ sơ trực tuyến — UBND tỉnh Thử Nghiệm · tháng 11/2026",
      "🟢 xanh 0 · 🟡 vàng 2 · 🟠 cam 0 · 🔴 đỏ 0 · ⚪ chưa báo cáo 4",
      "Xa chỉ tiêu của mình nhất trước:",
      "1. 🟡 Sở Tư pháp — 66% (66/100) · chỉ tiêu 70%, thiếu 4 điểm",
      "2. 🟡 Phường Đức Xuân — 58% (58/100) · chỉ tiêu 60%, thiếu 2 điểm · mới báo cáo trong tuần",
    ]);
  });

  it("📋 also lists every overdue task below the chat (the caption names only the earliest)", async () => {
    w = await world("2026-11-30T10:00:00+07:00", [
      "test/fixtures/province.units.yaml",
      "test/fixtures/province.directive.yaml",
      "test/jobs/fixtures/tasks.directive.yaml",
    ]);
    const first = await digest();
    expect(first.caption).toContain("⏰ 3 nhiệm vụ quá hạn, sớm nhất T-M (Xã Nông Thượng, hạn 31/10/2026)");
    const before = w.emu.botMessages(LEADERS).length;
    await press(first, "📋 Danh sách đầy đủ");
    const msgs = await w.emu.waitForMessages(LEADERS, before + 3, 15_000);
    expect(msgs.at(-1)?.text?.split("\n")).toEqual([
      "⏰ Nhiệm vụ quá hạn (3)",
      "• T-M — Xã Nông Thượng · hạn 31/10/2026",
      "• T-X — Phường Đức Xuân, Xã Nông Thượng, Xã Dương Quang · hạn 24/11/2026",
      "• T-1 — Phường Đức Xuân · hạn 26/11/2026",
    ]);
  });

  it("📥 the figures as .xlsx, one sheet per indicator", async () => {
    w = await world("2026-11-23T10:00:00+07:00");
    await w.report("TN-H1", "hs-truc-tuyen", "2026-11", 40, 100, "2026-11-20T09:00");
    const first = await digest();
    const before = w.emu.botMessages(LEADERS).length;
    await press(first, "📥 Tải .xlsx");
    const msgs = await w.emu.waitForMessages(LEADERS, before + 1, 15_000);
    const doc = msgs[before]?.document;
    expect(doc?.file_name).toBe("so-lieu-TN-2026-11.xlsx");
    const file = w.emu.file(doc?.file_id ?? "");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Uint8Array.from(file?.bytes ?? []).buffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["hồ sơ trực tuyến", "thanh toán trực tuyến"]);
    const row = wb.worksheets[0]?.getRow(4).values;
    expect(Array.isArray(row) ? row.slice(1) : row).toEqual([
      1,
      "UBND huyện Đông Anh",
      "TN-H1",
      40,
      100,
      "40%",
      "60%",
      20,
      "cam",
    ]);
  });

  it("📊 one indicator: pick it, get its chart", async () => {
    w = await world("2026-11-23T10:00:00+07:00");
    const first = await digest();
    const before = w.emu.botMessages(LEADERS).length;
    await press(first, "📊 Xem một chỉ tiêu");
    const [picker] = (await w.emu.waitForMessages(LEADERS, before + 1, 15_000)).slice(before);
    expect(buttons(picker)).toEqual(["Hồ sơ trực tuyến", "Thanh toán trực tuyến"]);
    if (!picker) throw new Error("no picker");
    await press(picker, "Thanh toán trực tuyến");
    const [chart] = (await w.emu.waitForMessages(LEADERS, before + 2, 15_000)).slice(before + 1);
    expect(chart?.photo).toBeDefined();
    expect(chart?.caption).toContain("Thanh toán trực tuyến — tuần 23/11–27/11");
  });

  it("in the first days of a month: last month's final figures, and the reminder asks to close that month", async () => {
    w = await world("2026-12-01T10:00:00+07:00");
    await w.report("TN-X1", "hs-truc-tuyen", "2026-11", 65, 100, "2026-11-28T09:00");
    const first = await digest();
    expect(first.caption?.split("\n")[1]).toContain("số liệu chốt tháng 11/2026: chung 65%");
    await press(first, "🔔 Nhắc 6 đơn vị chưa báo cáo");
    await w.worker.drainOnce();
    expect(w.texts(X2)[0]).toContain("Lãnh đạo nhắc: chốt số liệu tháng 11/2026");
  });
});
