/**
 * `/nop` for a count target ("tối thiểu 05 bộ dữ liệu mở"): one number, judged like a ratio; a
 * count sent to a ratio (and the reverse) is refused and nothing is written.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bindChat, touchChat } from "../../src/db/repos/chats.js";
import { installText } from "../../src/services/directives/install.js";
import { startHarness, type Harness } from "../helpers/harness.js";

const GROUP = -100151;
const OFFICER = 551;
const COUNT_DIRECTIVE = `id: thu-nghiem-du-lieu-mo
number: 03/KH-UBND
kind: ke-hoach
issuer: UBND tỉnh Thử Nghiệm
issuingUnit: TN
issuedOn: 01/02/2026
title: Thử nghiệm dữ liệu mở
tiers: [{ code: xa, name: UBND cấp xã }]
indicators:
  - { code: du-lieu-mo-thu, name: Số bộ dữ liệu mở, shortName: bộ dữ liệu mở, kind: count, numerator: Số bộ dữ liệu mở công bố trong năm, itemWord: bộ dữ liệu }
milestones:
  - { indicator: du-lieu-mo-thu, scope: { tiers: [xa] }, deadline: 31/12/2026, target: 5, comparison: atLeast, measures: { from: "2026-01", to: "2026-12", text: năm 2026 } }
`;

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ now: "2026-11-20T09:00:00+07:00" });
  const r = await installText(h.db.prisma, COUNT_DIRECTIVE, "yaml");
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  await h.deps.catalog.reload();
  h.emu.addUser({ id: OFFICER, firstName: "Lan" });
  h.emu.addChat({ id: GROUP, type: "supergroup", title: "Phường Đức Xuân - Một cửa" });
  await touchChat(h.db.prisma, { chatId: BigInt(GROUP), type: "supergroup", title: "Phường Đức Xuân - Một cửa" });
  await bindChat(h.db.prisma, BigInt(GROUP), "unit", "TN-X1");
});
afterEach(async () => h?.stop());

async function say(text: string) {
  const before = h.emu.botMessages(GROUP).length;
  h.emu.injectText({ chatId: GROUP, fromId: OFFICER, text });
  const msgs = await h.emu.waitForMessages(GROUP, before + 1);
  return msgs[msgs.length - 1]?.text ?? "";
}

describe("/nop for a count", () => {
  it("records one number and says how many are still missing before the deadline", async () => {
    const reply = await say("/nop du-lieu-mo-thu 3");
    expect(reply).toContain(
      "Số bộ dữ liệu mở: 3 bộ dữ liệu — Chưa đến hạn; chỉ tiêu gần nhất 5 bộ dữ liệu (đến 31/12/2026).",
    );
    expect(reply).toContain("Mức: đỏ.");
    expect(reply).toContain("Cần thêm 2 bộ dữ liệu mở để đạt 5 bộ dữ liệu trước 31/12/2026.");
    expect(
      await h.db.prisma.figure.findFirst({ where: { unitCode: "TN-X1", indicatorCode: "du-lieu-mo-thu" } }),
    ).toMatchObject({ numerator: 3, denominator: 0 });
  });

  it.each([
    ["/nop du-lieu-mo-thu 3 5", "là số lượng: gửi một số"],
    ["/nop hs-truc-tuyen 3", "là tỷ lệ: cần tổng rồi số đạt, ví dụ /nop hs-truc-tuyen 120 95"],
  ])("%s is refused, nothing written", async (text, message) => {
    expect(await say(text)).toContain(message);
    expect(await h.db.prisma.figure.count()).toBe(0);
  });
});
