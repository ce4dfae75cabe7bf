/**
 * The applicant's name is kept only while a feature needs it (NĐ 13/2023/NĐ-CP; the rule is in
 * src/services/dossiers/applicant.ts): while the dossier is open or an apology letter for it is in
 * flight. Imports, the apology flow, "Đã trả kết quả" and the daily sweep each drop it.
 */
import type { Message } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { submitDrafts } from "../../src/services/apology/flow.js";
import { docxText, exportXlsx, HEAD, HEAD_USER, OFFICER, row, startWorld, UNIT, type World } from "./dossiersWorld.js";

let w: World;
afterEach(async () => w?.stop());

const A = "H15.50.05.13-261120-0001";
const B = "H15.50.05.13-261120-0002";
const C = "H15.50.05.13-261120-0003";
const D = "H15.50.05.13-261120-0004";
const NAME = "Trần Thị B";

async function names(): Promise<Record<string, string | null>> {
  const rows = await w.h.db.prisma.dossier.findMany({ orderBy: { code: "asc" } });
  return Object.fromEntries(rows.map((d) => [d.code, d.applicantName]));
}

const last = (chatId: number): Message => {
  const m = w.h.emu.botMessages(chatId).at(-1);
  if (!m) throw new Error(`no message in ${chatId}`);
  return m;
};
const prompt = (): Message => {
  const m = w.h.emu.botMessages(UNIT).find((x) => x.text?.includes("Hồ sơ sắp quá hạn"));
  if (!m) throw new Error("no prompt");
  return m;
};

/** A due 26/11, prompted on 25/11; the apology and explanation drafts are before the head (or, without a head's chat, unsent). */
async function apologyBeforeHead(headChat = true): Promise<void> {
  w = await startWorld("2026-11-24T09:00:00+07:00");
  if (!headChat) await w.h.db.prisma.chat.update({ where: { chatId: BigInt(HEAD) }, data: { active: false } });
  await w.upload(await exportXlsx([row(A, { "Ngày hẹn trả": "26/11/2026" })]));
  await w.sweep("2026-11-25");
  w.h.clock.set("2026-11-25T10:00:00+07:00");
  const {
    messages: [askReason],
  } = await w.press(UNIT, prompt(), "Lập văn bản xin lỗi", OFFICER);
  const askDate = await w.say("Chờ kết quả xác minh của Công an phường", UNIT, OFFICER, askReason?.message_id);
  // The export has no title column and the owner is a person: the officer is asked "Ông" or "Bà".
  const askTitle = await w.say("01/12/2026", UNIT, OFFICER, askDate.message_id);
  const before = w.count(UNIT);
  w.h.emu.injectText({ chatId: UNIT, fromId: OFFICER, text: "Bà", replyToMessageId: askTitle.message_id });
  const answers = (await w.h.emu.waitForMessages(UNIT, before + (headChat ? 1 : 3))).slice(before);
  expect(answers[0]?.text).toContain(headChat ? "Đã gửi dự thảo" : "chưa có nhóm thủ trưởng");
  await w.drained();
}

/** The head presses "Duyệt"; returns the text of the issued apology letter sent to the unit. */
async function approve(): Promise<string> {
  const before = w.count(UNIT);
  await w.press(HEAD, last(HEAD), "✅ Duyệt", HEAD_USER);
  await w.drained();
  const letter = w.h.emu
    .botMessages(UNIT)
    .slice(before)
    .find((m) => m.document?.file_name === `xin-loi-${A}-so-01.docx`);
  const bytes = w.h.emu.file(letter?.document?.file_id ?? "")?.bytes;
  if (!bytes) throw new Error("no issued letter");
  return docxText(bytes);
}

const finished = (day: string) => ({ "Trạng thái": "Đã trả kết quả", "Ngày kết thúc xử lý": `${day} 10:00` });

describe("importing", () => {
  it("stores the name of open dossiers only, and drops it when a later export shows the dossier closed", async () => {
    w = await startWorld("2026-11-20T09:00:00+07:00");
    const first = await w.upload(
      await exportXlsx([
        row(A), // open
        row(B, finished("25/11/2026")), // finished on time: no apology can ever be needed
        row(C, { "Trạng thái": "Đã xử lý xong", "Ngày kết thúc xử lý": "30/11/2026 10:00" }), // finished late, never apologised
        row(D, { "Trạng thái": "Chờ bổ sung" }), // open, waiting for the citizen
      ]),
    );
    expect(first.text).toContain("4 hồ sơ mới");
    expect(await names()).toEqual({ [A]: NAME, [B]: null, [C]: null, [D]: NAME });
    expect((await w.say(`/hoso ${A}`)).text).toContain(`Chủ hồ sơ: ${NAME}`);

    const second = await w.upload(await exportXlsx([row(A, finished("26/11/2026")), row(B, finished("25/11/2026"))]));
    expect(second.text).toContain("0 hồ sơ mới, 1 cập nhật, 1 không đổi");
    expect(await names()).toEqual({ [A]: null, [B]: null, [C]: null, [D]: NAME });
    expect((await w.say(`/hoso ${A}`)).text).not.toContain("Chủ hồ sơ");
    // The same export again changes nothing: the stored row already follows the rule.
    expect((await w.upload(await exportXlsx([row(A, finished("26/11/2026"))]))).text).toContain(
      "0 hồ sơ mới, 0 cập nhật, 1 không đổi",
    );
  });
});

describe("the apology flow", () => {
  it("keeps the name of a dossier closed while its letter awaits the head, then drops it once the letter is issued with it", async () => {
    await apologyBeforeHead();
    // "Đã trả kết quả" asks first; the confirmation records it.
    await w.press(UNIT, prompt(), "Đã trả kết quả", OFFICER, 0);
    await w.press(UNIT, prompt(), "✔️ Xác nhận đã trả", OFFICER);
    // Closed twice over (the button, then the export): the letter before the head still needs the name.
    await w.upload(await exportXlsx([row(A, { ...finished("25/11/2026"), "Ngày hẹn trả": "26/11/2026" })]));
    expect(await names()).toEqual({ [A]: NAME });
    const letter = await approve();
    expect(letter).toContain(`Kính gửi: Bà ${NAME}`);
    expect(letter).toContain("Số: 01/XL-UBND");
    expect(await names()).toEqual({ [A]: null });
    const rows = [...(await w.h.db.prisma.dossier.findMany()), ...(await w.h.db.prisma.dossierDocument.findMany())];
    expect(JSON.stringify(rows, (_, v: unknown) => (typeof v === "bigint" ? String(v) : v))).not.toContain(NAME);
  });

  it("keeps the name of an open dossier after its letter is issued, and drops it when the export shows it finished", async () => {
    await apologyBeforeHead();
    expect(await approve()).toContain(`Kính gửi: Bà ${NAME}`);
    expect(await names()).toEqual({ [A]: NAME });
    await w.upload(await exportXlsx([row(A, { ...finished("30/11/2026"), "Ngày hẹn trả": "26/11/2026" })]));
    expect(await names()).toEqual({ [A]: null });
  });

  it("drops the name when the head sends back the letter of a dossier that closed meanwhile (no new letter can be made)", async () => {
    await apologyBeforeHead();
    await w.upload(await exportXlsx([row(A, { ...finished("25/11/2026"), "Ngày hẹn trả": "26/11/2026" })]));
    expect(await names()).toEqual({ [A]: NAME });
    const {
      messages: [askWhy],
    } = await w.press(HEAD, last(HEAD), "↩️ Trả lại", HEAD_USER);
    await w.say("Ghi rõ cơ quan phối hợp", HEAD, HEAD_USER, askWhy?.message_id);
    expect(await names()).toEqual({ [A]: null });
  });

  it("drops the name when an explanation alone replaces the unsent letter of a dossier that closed meanwhile", async () => {
    await apologyBeforeHead(false);
    await w.upload(await exportXlsx([row(A, { ...finished("25/11/2026"), "Ngày hẹn trả": "26/11/2026" })]));
    expect(await names()).toEqual({ [A]: NAME });
    const dossier = await w.h.db.prisma.dossier.findFirstOrThrow({ where: { code: A } });
    const r = await submitDrafts(w.h.deps, {
      dossierId: dossier.id,
      unitCode: "TN-X1",
      reason: "Chờ kết quả xác minh",
      newDate: null,
      by: { id: BigInt(OFFICER), name: "Lan" },
      chatId: BigInt(UNIT),
    });
    expect(r.kind).toBe("no-head");
    const docs = await w.h.db.prisma.dossierDocument.findMany({ orderBy: { id: "asc" } });
    expect(docs.map((d) => [d.kind, d.status])).toEqual([
      ["apology", "superseded"],
      ["explanation", "superseded"],
      ["explanation", "draft"],
    ]);
    expect(await names()).toEqual({ [A]: null });
  });

  it("keeps the name of an open dossier whose letter was sent back: a new letter may be drafted", async () => {
    await apologyBeforeHead();
    const {
      messages: [askWhy],
    } = await w.press(HEAD, last(HEAD), "↩️ Trả lại", HEAD_USER);
    await w.say("Ghi rõ cơ quan phối hợp", HEAD, HEAD_USER, askWhy?.message_id);
    expect(await names()).toEqual({ [A]: NAME });
  });
});

describe("the daily sweep", () => {
  it("drops names an earlier version kept for closed dossiers, and keeps the open ones'", async () => {
    w = await startWorld("2026-11-20T09:00:00+07:00");
    await w.upload(await exportXlsx([row(A), row(B, finished("25/11/2026"))]));
    await w.h.db.prisma.dossier.updateMany({ where: { code: B }, data: { applicantName: NAME } }); // stored before the rule
    expect(await w.sweep("2026-11-23")).toMatchObject({ applicantsForgotten: 1 });
    expect(await names()).toEqual({ [A]: NAME, [B]: null });
    expect(await w.sweep("2026-11-24")).toMatchObject({ applicantsForgotten: 0 });
  });
});
