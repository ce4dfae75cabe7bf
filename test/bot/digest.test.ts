import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { grantRole } from "../../src/db/repos/people.js";
import { ADMIN_ID } from "../helpers/harness.js";
import { startWorld, type World } from "../jobs/helpers.js";

const LEADERS = -2001;
const UNIT = -1001;
const LEADER = 601;

let w: World;
beforeEach(async () => {
  w = await startWorld({ now: "2026-11-23T10:00:00+07:00" });
  await w.bind(LEADERS, "leaders", "TN", "Lãnh đạo tỉnh");
  await w.bind(UNIT, "unit", "TN-X1");
  w.emu.addUser({ id: LEADER, firstName: "Bình" });
  await w.report("TN-STP", "hs-truc-tuyen", "2026-11", 90, 100, "2026-11-19T09:00");
  await w.report("TN-X1", "hs-truc-tuyen", "2026-11", 65, 100, "2026-11-20T09:00");
});
afterEach(async () => w.stop());

describe("/bieudo", () => {
  it("in a leaders' chat: the digest as a direct reply, one chart per indicator, nothing in the outbox", async () => {
    w.emu.injectText({ chatId: LEADERS, fromId: LEADER, text: "/bieudo" });
    const msgs = await w.emu.waitForMessages(LEADERS, 2, 15_000);
    expect(msgs.map((m) => m.photo !== undefined)).toEqual([true, true]);
    expect(msgs[0]?.caption).toContain("Hồ sơ trực tuyến — tuần 23/11–27/11");
    // Both reported this week: there was no figure a week ago, said once for the total.
    expect(msgs[0]?.caption).toContain("chung 77,5%, tuần trước chưa có số liệu");
    expect(msgs[0]?.caption).toContain("✅ Các đơn vị đã báo cáo đều đạt chỉ tiêu của mình.");
    expect(msgs[1]?.caption).toContain("Thanh toán trực tuyến");
    expect(await w.db.prisma.outboxMessage.count()).toBe(0);
  });

  it("one indicator by code; an unknown code is explained", async () => {
    w.emu.injectText({ chatId: LEADERS, fromId: LEADER, text: "/bieudo thanh-toan-truc-tuyen" });
    const [only] = await w.emu.waitForMessages(LEADERS, 1, 15_000);
    expect(only?.caption).toContain("Thanh toán trực tuyến");
    w.emu.injectText({ chatId: LEADERS, fromId: LEADER, text: "/bieudo xyz" });
    const msgs = await w.emu.waitForMessages(LEADERS, 2, 15_000);
    expect(msgs[1]?.text).toContain("Không có chỉ tiêu mã xyz");
  });

  it("in a unit chat it says where it works; a leader may ask privately", async () => {
    w.emu.injectText({ chatId: UNIT, fromId: LEADER, text: "/bieudo" });
    const [refusal] = await w.emu.waitForMessages(UNIT, 1);
    expect(refusal?.text).toContain("dùng trong nhóm lãnh đạo");
    await grantRole(w.db.prisma, { telegramId: BigInt(LEADER), role: "leader", grantedBy: BigInt(ADMIN_ID) });
    w.emu.addChat({ id: LEADER, type: "private", firstName: "Bình" });
    w.emu.injectText({ chatId: LEADER, fromId: LEADER, text: "/bieudo hs-truc-tuyen" });
    const [mine] = await w.emu.waitForMessages(LEADER, 1, 15_000);
    expect(mine?.caption).toContain("UBND tỉnh Thử Nghiệm");
  });
});
