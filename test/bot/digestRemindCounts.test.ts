/**
 * The digest's "🔔 Nhắc" is a figure reminder for escalation too (docs/SCHEDULES.md "Cảnh báo"):
 * logged like the morning reminder, once per unit chat and day, so three ignored presses on three
 * days name the unit in the leaders' next digest.
 */
import { afterEach, expect, it } from "vitest";
import type { Message } from "../../src/emulator/index.js";
import { startWorld, type World } from "../jobs/helpers.js";

const LEADERS = -2001;
const X1 = -1001;
const X2 = -1002;
const LEADER = 601;

let w: World;
afterEach(async () => w.stop());

/** /bieudo in the leaders' chat at `local` (Vietnam time); the first part, with the buttons. */
async function digestAt(local: string): Promise<Message> {
  w.clock.set(new Date(`${local}:00+07:00`).toISOString());
  const before = w.emu.botMessages(LEADERS).length;
  w.emu.injectText({ chatId: LEADERS, fromId: LEADER, text: "/bieudo" });
  const [first] = (await w.emu.waitForMessages(LEADERS, before + 2, 15_000)).slice(before);
  if (!first) throw new Error("no digest");
  return first;
}

async function pressRemind(digest: Message) {
  const text = (digest.reply_markup?.inline_keyboard ?? []).flat().find((b) => b.text.startsWith("🔔 Nhắc"))?.text;
  if (!text) throw new Error("no remind button");
  const answer = await w.emu.pressButton({
    chatId: LEADERS,
    messageId: digest.message_id,
    fromId: LEADER,
    text,
    timeoutMs: 15_000,
  });
  expect(answer.text).toBe("Đã gửi lời nhắc tới 1 nhóm đơn vị.");
}

const remindersOf = (unitCode: string) =>
  w.db.prisma.reminderLog.findMany({ where: { unitCode, kind: "figures" }, orderBy: { day: "asc" } });

it("counts each press as that day's figure reminder, once even after the morning one, and escalates after three", async () => {
  w = await startWorld({ now: "2026-11-23T07:00:00+07:00" });
  await w.bind(LEADERS, "leaders", "TN", "Lãnh đạo tỉnh");
  await w.bind(X1, "unit", "TN-X1");
  await w.bind(X2, "unit", "TN-X2");
  w.emu.addUser({ id: LEADER, firstName: "Bình", lastName: "Trần" });
  await w.report("TN-X1", "hs-truc-tuyen", "2026-11", 65, 100, "2026-11-20T09:00");
  await w.report("TN-X1", "thanh-toan-truc-tuyen", "2026-11", 60, 100, "2026-11-20T09:00");

  // Monday: the morning reminder, then a press; still one reminder that day for Xã Nông Thượng.
  await w.runAt("daily-reminder", "2026-11-23T08:00");
  await pressRemind(await digestAt("2026-11-23T10:00"));
  await pressRemind(await digestAt("2026-11-23T11:00"));
  expect((await remindersOf("TN-X2")).map((r) => [r.day, r.chatId])).toEqual([["2026-11-23", BigInt(X2)]]);

  // Two more days with a press and no report: three ignored reminders.
  await pressRemind(await digestAt("2026-11-24T10:00"));
  expect((await digestAt("2026-11-24T11:00")).caption).not.toContain("bỏ qua 3 lần nhắc");
  await pressRemind(await digestAt("2026-11-25T10:00"));
  expect((await remindersOf("TN-X2")).map((r) => r.day)).toEqual(["2026-11-23", "2026-11-24", "2026-11-25"]);
  expect((await digestAt("2026-11-26T09:00")).caption).toMatch(/bỏ qua 3 lần nhắc: [^\n]*Xã Nông Thượng/);
  // A unit that reported is never reminded, so never counted.
  expect(await remindersOf("TN-X1")).toEqual([]);
});
