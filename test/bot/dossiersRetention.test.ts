/**
 * Letter files are kept only while their purpose needs them (docs/DOSSIERS.md "Dữ liệu cá
 * nhân: lưu giữ và xoá", NĐ 13/2023): a draft sent back is erased by the next nightly run, a
 * draft replaced by its issued letter too; the issued file ISSUED_LETTER_FILE_DAYS after
 * approval, while the document row (number, dates) stays. End to end from the apology flow.
 */
import type { Message } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { ISSUED_LETTER_FILE_DAYS } from "../../src/domain/retention.js";
import { createJobs, jobsNamed } from "../../src/jobs/index.js";
import { docxText, exportXlsx, HEAD, HEAD_USER, OFFICER, row, startWorld, UNIT, type World } from "./dossiersWorld.js";

const A = "H15.50.05.13-261120-0001";
const APPLICANT = "Trần Thị B";
let w: World;
beforeEach(async () => {
  w = await startWorld("2026-11-24T09:00:00+07:00");
  await w.upload(await exportXlsx([row(A, { "Ngày hẹn trả": "26/11/2026" })]));
  await w.sweep("2026-11-25");
  w.h.clock.set("2026-11-25T10:00:00+07:00");
});
afterEach(async () => w?.stop());

async function draftFrom(message: Message): Promise<void> {
  const {
    messages: [askReason],
  } = await w.press(UNIT, message, "Lập văn bản xin lỗi", OFFICER);
  const askDate = await w.say("Chờ kết quả xác minh của Công an phường", UNIT, OFFICER, askReason?.message_id);
  // The export has no "Danh xưng" column: the officer is asked how to address the applicant.
  const askTitle = await w.say("01/12/2026", UNIT, OFFICER, askDate.message_id);
  expect(askTitle.text).toContain("gửi Ông hay Bà?");
  await w.say("Bà", UNIT, OFFICER, askTitle.message_id);
  await w.drained();
}

async function nightly(at: string) {
  w.h.clock.set(at);
  const [job] = jobsNamed(createJobs(w.h.services, parseConfig({})), "retention");
  if (!job) throw new Error("no retention job");
  return job.run({ fireTime: w.h.clock.now(), now: w.h.clock.now() });
}

const files = async () => (await w.h.db.prisma.blob.findMany({ orderBy: { id: "asc" } })).map((b) => b.filename);
const namesInFiles = async () =>
  (await w.h.db.prisma.blob.findMany()).filter((b) => docxText(Buffer.from(b.data)).includes(APPLICANT)).length;
const lastIn = (chatId: number): Message => {
  const m = w.h.emu.botMessages(chatId).at(-1);
  if (!m) throw new Error("no message");
  return m;
};

describe("retention of letter files", () => {
  it("erases a returned draft, then a superseded one, then the issued letter after its days; rows stay", async () => {
    const prompt = w.h.emu.botMessages(UNIT).find((m) => m.text?.includes("🟠 Hồ sơ sắp quá hạn"));
    if (!prompt) throw new Error("no prompt");
    await draftFrom(prompt);
    expect(await files()).toEqual([`xin-loi-${A}-du-thao.docx`, `giai-trinh-${A}-du-thao.docx`]);
    expect(await namesInFiles()).toBe(1);
    // Before the head decides the draft is needed: kept.
    await nightly("2026-11-26T02:30:00+07:00");
    expect(await files()).toHaveLength(2);

    const {
      messages: [askWhy],
    } = await w.press(HEAD, lastIn(HEAD), "↩️ Trả lại", HEAD_USER);
    await w.say("Ghi rõ cơ quan phối hợp", HEAD, HEAD_USER, askWhy?.message_id);
    await w.drained();
    await nightly("2026-11-27T02:30:00+07:00");
    expect(await files()).toEqual([]);
    expect(await w.h.db.prisma.dossierDocument.count({ where: { status: "returned" } })).toBe(2);

    w.h.clock.set("2026-11-27T09:00:00+07:00");
    await draftFrom(lastIn(UNIT));
    await w.press(HEAD, lastIn(HEAD), "✅ Duyệt", HEAD_USER);
    await w.drained();
    expect((await files()).filter((f) => f.includes("-so-"))).toEqual([
      `xin-loi-${A}-so-01.docx`,
      `giai-trinh-${A}-so-01.docx`,
    ]);
    await nightly("2026-11-28T02:30:00+07:00");
    expect(await files()).toEqual([`xin-loi-${A}-so-01.docx`, `giai-trinh-${A}-so-01.docx`]);

    const issuedAt = (await w.h.db.prisma.dossierDocument.findFirstOrThrow({ where: { status: "issued" } })).approvedAt;
    if (!issuedAt) throw new Error("no approval date");
    const day = 86_400_000;
    await nightly(new Date(issuedAt.getTime() + (ISSUED_LETTER_FILE_DAYS - 1) * day).toISOString());
    expect(await files()).toHaveLength(2);
    await nightly(new Date(issuedAt.getTime() + ISSUED_LETTER_FILE_DAYS * day).toISOString());
    expect(await files()).toEqual([]);
    expect(await namesInFiles()).toBe(0);
    const issued = await w.h.db.prisma.dossierDocument.findMany({
      where: { status: "issued" },
      orderBy: { id: "asc" },
    });
    expect(issued.map((d) => [d.kind, d.number])).toEqual([
      ["apology", "01/XL-UBND"],
      ["explanation", "01/BC-UBND"],
    ]);
  });

  it("keeps a file that other data still holds (the same bytes sent as task evidence)", async () => {
    const prompt = w.h.emu.botMessages(UNIT).find((m) => m.text?.includes("🟠 Hồ sơ sắp quá hạn"));
    if (!prompt) throw new Error("no prompt");
    await draftFrom(prompt);
    const draft = await w.h.db.prisma.blob.findFirstOrThrow();
    await w.h.db.prisma.taskOccurrence.create({
      data: {
        directiveSlug: "x",
        taskCode: "T",
        occurrence: "once",
        unitCode: "TN-X1",
        dueDate: "2026-11-30",
        doneAt: new Date(),
        evidenceFile: `blob:${draft.id}`,
      },
    });
    const {
      messages: [askWhy],
    } = await w.press(HEAD, lastIn(HEAD), "↩️ Trả lại", HEAD_USER);
    await w.say("Ghi rõ cơ quan phối hợp", HEAD, HEAD_USER, askWhy?.message_id);
    await w.drained();
    await nightly("2026-11-27T02:30:00+07:00");
    expect(await w.h.db.prisma.blob.findMany({ select: { id: true } })).toEqual([{ id: draft.id }]);
  });
});
