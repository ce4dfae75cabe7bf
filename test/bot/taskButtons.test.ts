/**
 * Task buttons (docs/SCHEDULES.md): "✅ Xong" under a reminder asks before it marks, "Không" puts it
 * back; after a task is marked, evidence is offered as buttons (optional), not a force-reply the
 * whole group gets; "📎 Gửi minh chứng" asks the presser only; "Bỏ qua" closes it; each press
 * writes on its message who did what. `/xong` alone gives an example from the unit's own tasks.
 */
import type { Message } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startWorld, type World } from "../jobs/helpers.js";

const FILES = [
  "test/fixtures/province.units.yaml",
  "test/fixtures/province.directive.yaml",
  "test/jobs/fixtures/tasks.directive.yaml",
];
const X1 = -1001; // Phường Đức Xuân: leads T-1 (due 26/11/2026)
const MARKER = 501;
const OTHER = 502;

let w: World;
beforeEach(async () => {
  w = await startWorld({ now: "2026-11-20T07:00:00+07:00", files: FILES });
  await w.bind(X1, "unit", "TN-X1");
  w.emu.addUser({ id: MARKER, firstName: "Lan" });
  w.emu.addUser({ id: OTHER, firstName: "Tuấn" });
});
afterEach(async () => w.stop());

const labels = (m: Message | undefined) => (m?.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.text);
const current = (m: Message | undefined) => w.emu.message(X1, m?.message_id ?? 0);
const doneRows = () => w.db.prisma.taskOccurrence.count({ where: { taskCode: "T-1", doneAt: { not: null } } });

async function say(fromId: number, text: string) {
  const before = w.emu.botMessages(X1).length;
  w.emu.injectText({ chatId: X1, fromId, text });
  return (await w.emu.waitForMessages(X1, before + 1)).at(-1);
}

describe("the reminder's '✅ Xong'", () => {
  it("asks; 'Không' restores the button and marks nothing", async () => {
    await w.runAt("daily-reminder", "2026-11-23T08:00");
    const reminder = w.emu.botMessages(X1).find((m) => labels(m).includes("✅ Xong T-1"));
    const press = (text: string) =>
      w.emu.pressButton({ chatId: X1, messageId: reminder?.message_id ?? 0, fromId: MARKER, text });
    const before = labels(reminder);
    await press("✅ Xong T-1");
    // Only the pressed task's button turns into the question; the other tasks' stay.
    const asking = labels(current(reminder));
    expect(asking).toEqual(before.flatMap((l) => (l === "✅ Xong T-1" ? ["✔️ Xác nhận xong T-1", "Không"] : [l])));
    expect(await doneRows()).toBe(0);
    expect((await press("Không")).text).toBe("Chưa ghi nhận gì.");
    expect(labels(current(reminder))).toEqual(before);
    expect(await doneRows()).toBe(0);
  });
});

describe("evidence after /xong", () => {
  it("is offered as buttons replying to the /xong, never as a force-reply for the group", async () => {
    const done = await say(MARKER, "/xong T-1");
    expect(done?.reply_to_message?.from?.id).toBe(MARKER);
    expect(labels(done)).toEqual(["📎 Gửi minh chứng", "Bỏ qua"]);
    const sent = w.emu.transcript(X1).find((e) => e.kind === "message" && e.message.message_id === done?.message_id);
    expect(JSON.stringify(sent?.kind === "message" ? sent.sent?.reply_markup : null)).not.toContain("force_reply");
  });

  it("'Bỏ qua' is for the one who marked it; it closes the offer and says so", async () => {
    const done = await say(MARKER, "/xong T-1");
    const press = (fromId: number) =>
      w.emu.pressButton({ chatId: X1, messageId: done?.message_id ?? 0, fromId, text: "Bỏ qua" });
    expect((await press(OTHER)).text).toContain("Chỉ người đã báo hoàn thành");
    expect(labels(current(done))).toEqual(["📎 Gửi minh chứng", "Bỏ qua"]);
    await press(MARKER);
    await w.emu.waitFor(() => current(done)?.reply_markup === undefined);
    expect(current(done)?.text).toMatch(/⏭ Không gửi minh chứng — Lan, 07:00 20\/11\/2026$/);
  });

  it("'📎 Gửi minh chứng' asks the presser only (selective, named); a file replying to it is saved", async () => {
    const done = await say(MARKER, "/xong T-1");
    const before = w.emu.botMessages(X1).length;
    await w.emu.pressButton({
      chatId: X1,
      messageId: done?.message_id ?? 0,
      fromId: MARKER,
      text: "📎 Gửi minh chứng",
    });
    const [ask] = (await w.emu.waitForMessages(X1, before + 1)).slice(before);
    expect(ask?.text).toMatch(/^Lan: 📎 Gửi tệp hoặc ghi chú minh chứng cho nhiệm vụ T-1/);
    const sent = w.emu.transcript(X1).find((e) => e.kind === "message" && e.message.message_id === ask?.message_id);
    expect(sent?.kind === "message" ? sent.sent?.reply_markup : undefined).toMatchObject({
      force_reply: true,
      selective: true,
    });
    expect(current(done)?.text).toMatch(/📎 Đang chờ minh chứng — Lan, 07:00 20\/11\/2026$/);
    expect(current(done)?.reply_markup).toBeUndefined();
    const n = w.emu.botMessages(X1).length;
    w.emu.injectDocument({
      chatId: X1,
      fromId: MARKER,
      fileName: "bien-ban.pdf",
      bytes: Buffer.from("%PDF-1.4 minh chung"),
      mimeType: "application/pdf",
      replyToMessageId: ask?.message_id ?? 0,
    });
    expect((await w.emu.waitForMessages(X1, n + 1)).at(-1)?.text).toContain("Đã lưu tệp minh chứng cho nhiệm vụ T-1");
  });
});

describe("/xong without a code", () => {
  it("offers the unit's open tasks as buttons, with an example from its own codes; a button asks, then marks", async () => {
    const pick = await say(MARKER, "/xong");
    // T-1 and T-X are the unit's; the example used to be another province's code.
    expect(pick?.text).toMatch(/ví dụ \/xong T-(1|X) /);
    expect(pick?.text).not.toContain("LA-2");
    expect(labels(pick)).toContain("✅ Xong T-1");
    const press = (text: string) =>
      w.emu.pressButton({ chatId: X1, messageId: pick?.message_id ?? 0, fromId: MARKER, text });
    await press("✅ Xong T-1");
    expect(await doneRows()).toBe(0);
    const before = w.emu.botMessages(X1).length;
    await press("✔️ Xác nhận xong T-1");
    const [done] = (await w.emu.waitForMessages(X1, before + 1)).slice(before);
    expect(done?.text).toContain("hoàn thành nhiệm vụ T-1");
    expect(await doneRows()).toBe(1);
    expect(current(pick)?.text).toMatch(/✅ Xong T-1 — Lan, 07:00 20\/11\/2026$/);
    expect(labels(current(pick))).not.toContain("✅ Xong T-1");
  });
});
