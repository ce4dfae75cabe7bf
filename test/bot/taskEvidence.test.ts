/**
 * Evidence storage is bounded (docs/RELIABILITY.md "Giới hạn lưu trữ minh chứng"): only the one
 * who marked the task done (or an administrator) attaches; a task keeps one current file and the
 * replaced blob is deleted; a unit's files stay under its quota. End to end through the emulator.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UNIT_EVIDENCE_QUOTA_BYTES } from "../../src/services/tasks/evidence.js";
import { ADMIN_ID } from "../helpers/harness.js";
import { startWorld, type World } from "../jobs/helpers.js";

const FILES = [
  "test/fixtures/province.units.yaml",
  "test/fixtures/province.directive.yaml",
  "test/jobs/fixtures/tasks.directive.yaml",
];
const X1 = -1001; // Phường Đức Xuân: leads T-1
const MARKER = 501;
const OTHER_MEMBER = 502;

let w: World;
beforeEach(async () => {
  w = await startWorld({ now: "2026-11-01T07:00:00+07:00", files: FILES });
  await w.bind(X1, "unit", "TN-X1");
  w.emu.addUser({ id: MARKER, firstName: "Lan" });
  w.emu.addUser({ id: OTHER_MEMBER, firstName: "Tuấn" });
});
afterEach(async () => w.stop());

async function say(fromId: number, text: string) {
  const before = w.emu.botMessages(X1).length;
  w.emu.injectText({ chatId: X1, fromId, text });
  return (await w.emu.waitForMessages(X1, before + 1)).at(-1);
}

async function sendFile(fromId: number, replyTo: number, name: string, bytes: Buffer) {
  const before = w.emu.botMessages(X1).length;
  w.emu.injectDocument({
    chatId: X1,
    fromId,
    fileName: name,
    bytes,
    mimeType: "application/pdf",
    replyToMessageId: replyTo,
  });
  return (await w.emu.waitForMessages(X1, before + 1)).at(-1)?.text ?? "";
}

const evidenceRow = () => w.db.prisma.taskOccurrence.findFirstOrThrow({ where: { taskCode: "T-1" } });

describe("task evidence", () => {
  it("only the member who marked the task done may attach; others change nothing", async () => {
    const prompt = await say(MARKER, "/xong T-1");
    const refused = await sendFile(
      OTHER_MEMBER,
      prompt?.message_id ?? 0,
      "khac.pdf",
      Buffer.from("%PDF-1.4 of someone else"),
    );
    expect(refused).toContain("Chỉ người đã báo hoàn thành");
    const before = w.emu.botMessages(X1).length;
    w.emu.injectText({
      chatId: X1,
      fromId: OTHER_MEMBER,
      text: "ghi chú lạ",
      replyToMessageId: prompt?.message_id ?? 0,
    });
    expect((await w.emu.waitForMessages(X1, before + 1)).at(-1)?.text).toContain("Chỉ người đã báo hoàn thành");
    expect(await w.db.prisma.blob.count()).toBe(0);
    expect(await evidenceRow()).toMatchObject({ evidenceFile: null, note: null });
    // An administrator may attach for the unit.
    expect(await sendFile(ADMIN_ID, prompt?.message_id ?? 0, "qtv.pdf", Buffer.from("%PDF-1.4 admin"))).toContain(
      "Đã lưu tệp minh chứng",
    );
  });

  it("a task keeps one current file: five replies leave one blob, the replaced ones deleted", async () => {
    const prompt = await say(MARKER, "/xong T-1");
    for (let i = 1; i <= 5; i++) {
      const text = await sendFile(
        MARKER,
        prompt?.message_id ?? 0,
        `bien-ban-${i}.pdf`,
        Buffer.from(`%PDF-1.4 version ${i} ${"x".repeat(1000)}`),
      );
      expect(text).toContain("Đã lưu tệp minh chứng");
    }
    const blobs = await w.db.prisma.blob.findMany({ select: { id: true, filename: true } });
    expect(blobs.map((b) => b.filename)).toEqual(["bien-ban-5.pdf"]);
    expect((await evidenceRow()).evidenceFile).toBe(`blob:${blobs[0]?.id}`);
  });

  it("refuses a file that would take the unit past its quota, and stores nothing", async () => {
    // Another task of the same unit already holds nearly the whole quota.
    // Filled by the database itself: Prisma takes most of a minute to send 50 MB of parameters.
    const size = UNIT_EVIDENCE_QUOTA_BYTES - 1024;
    const fill = w.db.dialect === "sqlite" ? `zeroblob(${size})` : `decode(repeat('00', ${size}), 'hex')`;
    await w.db.prisma.$executeRawUnsafe(
      `INSERT INTO "Blob" ("sha256", "mime", "filename", "data") VALUES ('${"f".repeat(64)}', 'application/pdf', 'lon.pdf', ${fill})`,
    );
    const big = await w.db.prisma.blob.findFirstOrThrow({ where: { filename: "lon.pdf" }, select: { id: true } });
    await w.db.prisma.taskOccurrence.create({
      data: {
        directiveSlug: "x",
        taskCode: "OLD",
        occurrence: "once",
        unitCode: "TN-X1",
        dueDate: "2026-10-01",
        doneAt: new Date(),
        evidenceFile: `blob:${big.id}`,
      },
    });
    const prompt = await say(MARKER, "/xong T-1");
    const text = await sendFile(MARKER, prompt?.message_id ?? 0, "them.pdf", Buffer.alloc(4096, 1));
    expect(text).toContain("vượt giới hạn");
    expect(text).toContain("50 MB");
    expect(await w.db.prisma.blob.count()).toBe(1);
    expect((await evidenceRow()).evidenceFile).toBeNull();
    // A small file still fits.
    expect(await sendFile(MARKER, prompt?.message_id ?? 0, "nho.pdf", Buffer.alloc(512, 2))).toContain(
      "Đã lưu tệp minh chứng",
    );
  });
});
