import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startWorld, type World } from "./helpers.js";

const FILES = [
  "test/fixtures/province.units.yaml",
  "test/fixtures/province.directive.yaml",
  "test/jobs/fixtures/tasks.directive.yaml",
];
const X1 = -1001; // Phường Đức Xuân: leads T-1 (due Thu 26/11/2026)
const X2 = -1002; // Xã Nông Thượng: leads the monthly T-M
const STP = -1003; // Sở Tư pháp: cooperates on T-1
const OFFICER_X1 = 501;
const OFFICER_X2 = 502;
const OFFICER_STP = 503;

let w: World;
beforeEach(async () => {
  w = await startWorld({ now: "2026-11-01T07:00:00+07:00", files: FILES });
  await w.bind(X1, "unit", "TN-X1");
  await w.bind(X2, "unit", "TN-X2");
  await w.bind(STP, "unit", "TN-STP");
  w.emu.addUser({ id: OFFICER_X1, firstName: "Lan" });
  w.emu.addUser({ id: OFFICER_X2, firstName: "Minh" });
  w.emu.addUser({ id: OFFICER_STP, firstName: "Hà" });
});
afterEach(async () => w.stop());

function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d = new Date(d.getTime() + 86_400_000))
    out.push(d.toISOString().slice(0, 10));
  return out;
}

/** The task line of `code` in each morning message of the chat, by the message's date. */
function taskLines(chatId: number, code: string): [string, string][] {
  return w.texts(chatId).flatMap((t) => {
    const day = /Nhắc việc ngày (\S+)/.exec(t)?.[1] ?? "?";
    const line = t.split("\n").find((l) => l.startsWith(`• ${code} `));
    return line ? [[day, line] as [string, string]] : [];
  });
}

async function say(chatId: number, fromId: number, text: string, replyToMessageId?: number) {
  const before = w.emu.botMessages(chatId).length;
  w.emu.injectText({ chatId, fromId, text, ...(replyToMessageId ? { replyToMessageId } : {}) });
  const msgs = await w.emu.waitForMessages(chatId, before + 1);
  return msgs[msgs.length - 1];
}

describe("task deadlines", () => {
  it("reminds 7, 3, 1 days before, on the day, then every working day overdue — each once — until /xong", async () => {
    for (const d of days("2026-11-16", "2026-11-30")) await w.runAt("daily-reminder", `${d}T08:00`);
    const expected: [string, RegExp][] = [
      ["19/11/2026", /hạn 26\/11\/2026 \(còn 7 ngày\)/],
      ["23/11/2026", /còn 3 ngày/],
      ["25/11/2026", /còn 1 ngày/],
      ["26/11/2026", /hôm nay là hạn/],
      ["27/11/2026", /quá hạn 1 ngày/],
      ["30/11/2026", /quá hạn 4 ngày/],
    ];
    for (const chat of [X1, STP]) {
      const lines = taskLines(chat, "T-1");
      expect(lines.map(([d]) => d)).toEqual(expected.map(([d]) => d));
      lines.forEach(([, l], i) => expect(l).toMatch(expected[i]?.[1] ?? /never/));
    }
    expect(w.texts(STP).find((t) => t.includes("T-1"))).toContain("phối hợp; chủ trì: Phường Đức Xuân");
    // One morning message per chat and day, the task section combined with the others.
    const dates = w.texts(X1).map((t) => /Nhắc việc ngày (\S+)/.exec(t)?.[1]);
    expect(new Set(dates).size).toBe(dates.length);
    const day19 = w.texts(X1).find((t) => t.includes("Nhắc việc ngày 19/11/2026")) ?? "";
    expect(day19).toContain("Số liệu tháng 11/2026");
    expect(day19).toContain("Nhiệm vụ đến hạn");
    // Re-running a morning adds nothing.
    await w.runAt("daily-reminder", "2026-11-30T08:00");
    expect(taskLines(X1, "T-1")).toHaveLength(6);

    w.clock.set(new Date("2026-11-30T10:00:00+07:00").toISOString());
    const done = await say(X1, OFFICER_X1, "/xong T-1 đã rà soát, trình UBND");
    expect(done?.text).toContain("Đã ghi nhận Phường Đức Xuân hoàn thành nhiệm vụ T-1 (hạn 26/11/2026)");
    expect(done?.text).toContain("Ghi chú: đã rà soát, trình UBND");
    await w.runAt("daily-reminder", "2026-12-01T08:00");
    expect(taskLines(X1, "T-1")).toHaveLength(6);
    expect(taskLines(STP, "T-1")).toHaveLength(6);
  });

  it("a recurring task: the button marks this month's occurrence; the next month's rolls over", async () => {
    await w.runAt("daily-reminder", "2026-12-01T08:00");
    const [day1] = taskLines(X2, "T-M");
    expect(day1?.[1]).toMatch(/hạn 30\/11\/2026 \(⏰ quá hạn 1 ngày\)/);
    const msg = w.emu.botMessages(X2).at(-1);
    const button = msg?.reply_markup?.inline_keyboard.flat().find((b) => b.text === "✅ Xong T-M");
    const data = button && "callback_data" in button ? button.callback_data : undefined;
    expect(data).toMatch(/^task:\d+$/);
    const answer = await w.emu.pressButton({
      chatId: X2,
      messageId: msg?.message_id ?? 0,
      fromId: OFFICER_X2,
      data: data ?? "",
    });
    // The button only asks; the confirmation in its place marks the task done.
    expect(answer.text).toBe("Bấm «Xác nhận» để báo hoàn thành.");
    const confirmed = await w.emu.pressButton({
      chatId: X2,
      messageId: msg?.message_id ?? 0,
      fromId: OFFICER_X2,
      text: "✔️ Xác nhận xong T-M",
    });
    expect(confirmed.text).toBe("Đã ghi nhận hoàn thành.");
    await w.emu.waitFor(() => w.texts(X2).find((t) => t.includes("hoàn thành nhiệm vụ T-M (hạn 30/11/2026)")));
    // The reminder says who marked it, and no longer offers the task.
    const edited = w.emu.message(X2, msg?.message_id ?? 0);
    expect(edited?.text).toMatch(/✅ Xong T-M — Minh, \d\d:\d\d 01\/12\/2026$/);
    expect(edited?.reply_markup?.inline_keyboard.flat().map((b) => b.text) ?? []).not.toContain("✅ Xong T-M");

    for (const d of ["2026-12-02", "2026-12-23", "2026-12-24", "2026-12-31"])
      await w.runAt("daily-reminder", `${d}T08:00`);
    expect(taskLines(X2, "T-M").map(([d, l]) => [d, /hạn (\S+)/.exec(l)?.[1]])).toEqual([
      ["01/12/2026", "30/11/2026"],
      ["24/12/2026", "31/12/2026"],
      ["31/12/2026", "31/12/2026"],
    ]);
    const rows = await w.db.prisma.taskOccurrence.findMany({
      where: { taskCode: "T-M" },
      orderBy: { occurrence: "asc" },
    });
    expect(rows.map((r) => [r.occurrence, r.doneAt !== null])).toEqual([
      ["2026-11", true],
      ["2026-12", false],
    ]);
  });

  it("an unfinished recurring occurrence is chased until the next one falls due, then rolls over", async () => {
    for (const d of ["2026-11-25", "2026-12-23", "2026-12-28"]) await w.runAt("daily-reminder", `${d}T08:00`);
    expect(taskLines(X1, "T-X").map(([d, l]) => [d, /hạn (\S+)/.exec(l)?.[1]])).toEqual([
      ["25/11/2026", "24/11/2026"],
      ["23/12/2026", "24/11/2026"],
      ["28/12/2026", "24/12/2026"],
    ]);
  });
});
