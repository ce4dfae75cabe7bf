import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startWorld, type World } from "../jobs/helpers.js";

const FILES = [
  "test/fixtures/province.units.yaml",
  "test/fixtures/province.directive.yaml",
  "test/jobs/fixtures/tasks.directive.yaml",
];
const X1 = -1001; // Phường Đức Xuân: leads T-1 (due 26/11/2026)
const STP = -1003; // Sở Tư pháp: cooperates on T-1
const LEADERS = -2001;
const OFFICER_X1 = 501;
const OFFICER_STP = 503;

let w: World;
beforeEach(async () => {
  w = await startWorld({ now: "2026-11-01T07:00:00+07:00", files: FILES });
  await w.bind(X1, "unit", "TN-X1");
  await w.bind(STP, "unit", "TN-STP");
  await w.bind(LEADERS, "leaders", "TN");
  w.emu.addUser({ id: OFFICER_X1, firstName: "Lan" });
  w.emu.addUser({ id: OFFICER_STP, firstName: "Hà" });
});
afterEach(async () => w.stop());

async function say(chatId: number, fromId: number, text: string, replyToMessageId?: number) {
  const before = w.emu.botMessages(chatId).length;
  w.emu.injectText({ chatId, fromId, text, ...(replyToMessageId ? { replyToMessageId } : {}) });
  const msgs = await w.emu.waitForMessages(chatId, before + 1);
  return msgs[msgs.length - 1];
}

describe("/xong", () => {
  it("only the lead unit can mark a task done; evidence is a file replying to the bot's prompt", async () => {
    const refused = await say(STP, OFFICER_STP, "/xong T-1");
    expect(refused?.text).toContain("Chỉ đơn vị chủ trì nhiệm vụ T-1 (Phường Đức Xuân)");
    expect(await w.db.prisma.taskOccurrence.count({ where: { doneAt: { not: null } } })).toBe(0);
    expect((await say(X1, OFFICER_X1, "/xong KHONG-CO"))?.text).toContain("không có nhiệm vụ mã KHONG-CO");
    expect((await say(X1, OFFICER_X1, "/xong T-TX"))?.text).toContain("nhiệm vụ thường xuyên");

    const prompt = await say(X1, OFFICER_X1, "/xong t-1");
    const before = w.emu.botMessages(X1).length;
    w.emu.injectDocument({
      chatId: X1,
      fromId: OFFICER_X1,
      fileName: "bien-ban.pdf",
      bytes: Buffer.from("%PDF-1.4 minh chung"),
      mimeType: "application/pdf",
      replyToMessageId: prompt?.message_id ?? 0,
    });
    const [saved] = (await w.emu.waitForMessages(X1, before + 1)).slice(-1);
    expect(saved?.text).toContain("Đã lưu tệp minh chứng cho nhiệm vụ T-1");
    const row = await w.db.prisma.taskOccurrence.findFirstOrThrow({ where: { taskCode: "T-1" } });
    expect(row).toMatchObject({
      unitCode: "TN-X1",
      occurrence: "2026-11-26",
      doneUnitCode: "TN-X1",
      doneBy: BigInt(OFFICER_X1),
    });
    const blob = await w.db.prisma.blob.findFirstOrThrow({ where: { filename: "bien-ban.pdf" } });
    expect(row.evidenceFile).toBe(`blob:${blob.id}`);
    expect((await say(X1, OFFICER_X1, "/xong T-1"))?.text).toContain("đã được báo hoàn thành ngày 01/11/2026");
  });

  it("a note replying to the prompt is kept with the mark; /xong is refused outside unit chats", async () => {
    const prompt = await say(X1, OFFICER_X1, "/xong T-1 đã rà soát");
    const saved = await say(X1, OFFICER_X1, "Biên bản số 12/BB ngày 30/11", prompt?.message_id);
    expect(saved?.text).toContain("Đã lưu ghi chú minh chứng cho nhiệm vụ T-1");
    const row = await w.db.prisma.taskOccurrence.findFirstOrThrow({ where: { taskCode: "T-1" } });
    expect(row.note).toBe("đã rà soát\nBiên bản số 12/BB ngày 30/11");
    expect((await say(LEADERS, OFFICER_X1, "/xong T-1"))?.text).toContain("dùng trong nhóm Telegram của đơn vị");
    expect((await say(X1, OFFICER_X1, "/xong"))?.text).toContain("Cách dùng");
  });
});

describe("/nhiemvu", () => {
  it("/nhiemvu lists the unit's open tasks with codes and deadlines", async () => {
    w.clock.set(new Date("2026-11-20T09:00:00+07:00").toISOString());
    const list = await say(X1, OFFICER_X1, "/nhiemvu");
    expect(list?.text).toContain("Nhiệm vụ của Phường Đức Xuân (ngày 20/11/2026)");
    expect(list?.text).toMatch(/T-X .* hạn 24\/11\/2026 \(còn 4 ngày\)/);
    expect(list?.text).toMatch(/T-1 .* hạn 26\/11\/2026 \(còn 6 ngày\)/);
    expect(list?.text).toContain("Thường xuyên (không có hạn): T-TX");
    expect(list?.text).not.toContain("T-M");
    const coop = await say(STP, OFFICER_STP, "/nhiemvu");
    expect(coop?.text).toMatch(/T-1 .* — phối hợp/);
  });
});
