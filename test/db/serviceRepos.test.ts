/**
 * The repositories behind held uploads, prompts, task occurrences and blobs
 * (src/db/repos/{uploads,prompts,tasks,blobs}.ts): each conditional move happens once, and what
 * they return is plain data.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blobSize, countEvidenceHolders, countOutboxHolders, deleteBlob } from "../../src/db/repos/blobs.js";
import { findLivePrompt, purgeExpiredPrompts, recordPrompt } from "../../src/db/repos/prompts.js";
import {
  ensureOccurrence,
  findOccurrence,
  listDoneOccurrences,
  markOccurrenceDone,
  setOccurrenceEvidence,
  unitEvidenceFiles,
} from "../../src/db/repos/tasks.js";
import {
  cancelHeldUpload,
  claimHeldUpload,
  findHeldUpload,
  holdUpload,
  settleHeldUpload,
} from "../../src/db/repos/uploads.js";
import { storeBlob } from "../../src/delivery/outbox.js";
import { recordEvidencePrompt } from "../../src/services/tasks/evidence.js";
import { createTestDb, type TestDb } from "../helpers/db.js";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db.cleanup());

const t0 = new Date("2026-12-01T01:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);

describe("held uploads", () => {
  const row = (expiresAt: Date) => ({
    chatId: -100n,
    userId: 7n,
    kind: "figures",
    payload: "[]",
    createdAt: t0,
    expiresAt,
  });

  it("is claimed once, settles, and an expired one cannot be claimed", async () => {
    const held = await holdUpload(db.prisma, row(later(60_000)), t0);
    expect(held).toMatchObject({ status: "pending", chatId: -100n, userId: 7n, kind: "figures" });
    const [a, b] = await Promise.all([
      claimHeldUpload(db.prisma, held.id, t0),
      claimHeldUpload(db.prisma, held.id, t0),
    ]);
    expect([a, b].filter((r) => r !== null)).toHaveLength(1);
    await settleHeldUpload(db.prisma, held.id, "pending");
    expect(await claimHeldUpload(db.prisma, held.id, later(60_000))).toBeNull();
    expect((await findHeldUpload(db.prisma, held.id))?.status).toBe("pending");
  });

  it("is cancelled only while pending, and holding a new one drops the expired", async () => {
    const old = await holdUpload(db.prisma, row(later(1000)), t0);
    const held = await holdUpload(db.prisma, row(later(120_000)), later(2000));
    expect(await findHeldUpload(db.prisma, old.id)).toBeNull();
    expect((await cancelHeldUpload(db.prisma, held.id))?.status).toBe("cancelled");
    expect(await cancelHeldUpload(db.prisma, held.id)).toBeNull();
    expect(await claimHeldUpload(db.prisma, held.id, t0)).toBeNull();
  });
});

describe("prompts", () => {
  it("are found by chat, message and kind while live; expired ones are purged per kind", async () => {
    await recordPrompt(db.prisma, {
      chatId: 1n,
      userId: 2n,
      kind: "a",
      messageId: 10,
      data: '{"x":1}',
      expiresAt: later(1000),
    });
    await recordPrompt(db.prisma, {
      chatId: 1n,
      userId: 2n,
      kind: "b",
      messageId: 11,
      createdAt: t0,
      expiresAt: later(1000),
    });
    expect(await findLivePrompt(db.prisma, { chatId: 1n, messageId: 10, kind: "a", now: t0 })).toMatchObject({
      userId: 2n,
      data: '{"x":1}',
    });
    expect(await findLivePrompt(db.prisma, { chatId: 1n, messageId: 10, kind: "b", now: t0 })).toBeNull();
    expect(await findLivePrompt(db.prisma, { chatId: 1n, messageId: 10, kind: "a", now: later(1000) })).toBeNull();
    await purgeExpiredPrompts(db.prisma, "a", later(5000));
    expect(await db.prisma.pendingInput.count()).toBe(1);
  });
});

describe("task-evidence prompts", () => {
  it("an expired one is cleared when the next is asked, so unanswered prompts do not pile up", async () => {
    const at = (d: Date) => ({ prisma: db.prisma, clock: { now: () => d } });
    const p = { chatId: -300n, userId: 9n, rowId: 1 };
    await recordEvidencePrompt(at(t0), { ...p, messageId: 1 });
    await recordEvidencePrompt(at(later(25 * 3_600_000)), { ...p, messageId: 2 });
    const left = await db.prisma.pendingInput.findMany({ where: { chatId: -300n }, select: { messageId: true } });
    expect(left).toEqual([{ messageId: 2 }]);
  });
});

describe("task occurrences and blobs", () => {
  const key = { directiveSlug: "d", taskCode: "T1", occurrence: "2026-11", unitCode: "U1" };

  it("are created open once, marked done, and carry evidence that holds a blob", async () => {
    const id = await ensureOccurrence(db.prisma, key, "2026-11-30");
    expect(await ensureOccurrence(db.prisma, key, "2026-12-31")).toBe(id);
    expect(await listDoneOccurrences(db.prisma)).toEqual([]);
    expect(
      await markOccurrenceDone(db.prisma, key, "2026-11-30", {
        doneAt: t0,
        doneBy: 5n,
        doneUnitCode: "U1",
        note: "ok",
      }),
    ).toBe(id);
    expect(await listDoneOccurrences(db.prisma)).toEqual([{ ...key, doneAt: t0, note: "ok" }]);

    const blob = await storeBlob(db.prisma, Buffer.from("12345"), "application/pdf", "a.pdf");
    await setOccurrenceEvidence(db.prisma, id, { note: "ok\nbiên bản", evidenceFile: `blob:${blob.id}` });
    expect(await findOccurrence(db.prisma, id)).toMatchObject({
      dueDate: "2026-11-30",
      doneBy: 5n,
      note: "ok\nbiên bản",
      evidenceFile: `blob:${blob.id}`,
    });
    expect(await unitEvidenceFiles(db.prisma, "U1", -1)).toEqual([`blob:${blob.id}`]);
    expect(await unitEvidenceFiles(db.prisma, "U1", id)).toEqual([]);
    expect(await countEvidenceHolders(db.prisma, `blob:${blob.id}`)).toBe(1);
    expect(await countOutboxHolders(db.prisma, `"blobId":${blob.id}}`)).toBe(0);
    expect(await blobSize(db.prisma, blob.id)).toBe(5);
    expect(await deleteBlob(db.prisma, blob.id)).toBe(true);
    expect(await blobSize(db.prisma, blob.id)).toBe(0);
    expect(await findOccurrence(db.prisma, id + 1000)).toBeNull();
  });
});
