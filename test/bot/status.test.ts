import { parseNop } from "../../src/bot/parse/nop.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bindChat, touchChat } from "../../src/db/repos/chats.js";
import { writeFigures } from "../../src/db/repos/figures.js";
import { startHarness, type Harness } from "../helpers/harness.js";

const UNIT = -100301;
const LEADERS = -100399;
const OFFICER = 701;
const LEADER = 702;
let h: Harness;

beforeEach(async () => {
  h = await startHarness({ now: "2026-11-20T09:00:00+07:00" });
  h.emu.addUser({ id: OFFICER, firstName: "Hoa" });
  h.emu.addUser({ id: LEADER, firstName: "Phó Chủ tịch" });
  h.emu.addChat({ id: UNIT, type: "supergroup", title: "Sở Tư pháp" });
  h.emu.addChat({ id: LEADERS, type: "supergroup", title: "Lãnh đạo tỉnh" });
  for (const [id, kind, unit] of [
    [UNIT, "unit", "TN-STP"],
    [LEADERS, "leaders", "TN"],
  ] as const) {
    await touchChat(h.db.prisma, { chatId: BigInt(id), type: "supergroup", title: null });
    await bindChat(h.db.prisma, BigInt(id), kind, unit);
  }
  const at = h.clock.now();
  await writeFigures(
    h.db.prisma,
    [
      { unitCode: "TN-STP", indicatorCode: "hs-truc-tuyen", period: "2026-11", numerator: 90, denominator: 100 },
      { unitCode: "TN-SYT", indicatorCode: "hs-truc-tuyen", period: "2026-11", numerator: 40, denominator: 100 },
      { unitCode: "TN-X1", indicatorCode: "hs-truc-tuyen", period: "2026-11", numerator: 55, denominator: 100 },
    ],
    { byUser: null, chatId: null, source: "test", at },
  );
});
afterEach(async () => h?.stop());

async function say(text: string, chatId: number, fromId: number) {
  const before = h.emu.botMessages(chatId).length;
  h.emu.injectText({ chatId, fromId, text });
  return (await h.emu.waitForMessages(chatId, before + 1)).at(-1)?.text ?? "";
}

describe("/tinhtrang", () => {
  it("in a unit chat: each indicator with its level; unreported ones say how to report", async () => {
    const text = await say("/tinhtrang", UNIT, OFFICER);
    expect(text).toContain("Sở Tư pháp");
    expect(text).toContain(
      "🟢 Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến: 90% (90/100) — Đạt chỉ tiêu 70% (đến 30/06/2026). Mức: xanh.",
    );
    expect(text).toContain("⚪ Tỷ lệ hồ sơ thanh toán trực tuyến: chưa báo cáo.");
    // A real command (the grammar's), with the unit's own indicator code, total first: it parses.
    expect(text).toContain("Báo cáo, ví dụ: /nop thanh-toan-truc-tuyen 120 95");
    expect(parseNop("thanh-toan-truc-tuyen 120 95", "2026-11")).toMatchObject({
      ok: true,
      value: { kind: "report", indicatorCode: "thanh-toan-truc-tuyen", total: 120, part: 95, period: null },
    });
  });

  it("in a leaders' chat: units below, worst first, counts per colour, and who has not reported", async () => {
    const text = await say("/tinhtrang", LEADERS, LEADER);
    const lines = text.split("\n");
    expect(lines[1]).toContain("xanh 1");
    expect(lines[1]).toContain("đỏ 1");
    expect(lines[1]).toContain("chưa báo cáo 3");
    const order = ["Sở Y tế", "Phường Đức Xuân", "Sở Tư pháp"].map((n) => text.indexOf(n));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text).toMatch(/Chưa báo cáo \(3\): .*UBND huyện Đông Anh/);
    expect(text).toContain("/tinhtrang thanh-toan-truc-tuyen");
  });

  it("an unknown indicator code is answered with the valid codes", async () => {
    const text = await say("/tinhtrang khong-co", LEADERS, LEADER);
    expect(text).toContain("Không có chỉ tiêu mã khong-co.");
    expect(text).toContain("Các mã: hs-truc-tuyen, thanh-toan-truc-tuyen.");
  });

  it("a leaders' chat cannot report", async () => {
    expect(await say("/nop 10 5", LEADERS, LEADER)).toContain("không báo cáo số liệu");
  });
});
