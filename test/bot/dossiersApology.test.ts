/**
 * From upload to document (docs/DOSSIERS.md): the prompt, the guided conversation, the
 * draft to the unit head, approval and the numbered .docx; a second re-appointment refused;
 * a draft sent back with a reason; a unit without a head's chat.
 */
import type { Message } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { xmlPart } from "../helpers/xml.js";
import { bindChat, touchChat } from "../../src/db/repos/chats.js";
import { canDecide } from "../../src/services/apology/decision.js";
import {
  docxText,
  exportCsv,
  exportXlsx,
  HEAD,
  HEADER,
  HEAD_USER,
  OFFICER,
  OTHER_OFFICER,
  row,
  startWorld,
  UNIT,
  type World,
} from "./dossiersWorld.js";

let w: World;
beforeEach(async () => {
  w = await startWorld("2026-11-24T09:00:00+07:00");
  await w.upload(await exportXlsx([row(A, { "Ngày hẹn trả": "26/11/2026" })]));
  await w.sweep("2026-11-25");
  w.h.clock.set("2026-11-25T10:00:00+07:00");
});
afterEach(async () => w?.stop());

const A = "H15.50.05.13-261120-0001";
const HEAD2 = -100202;
const REASON = "Chờ kết quả xác minh của Công an phường";

const last = (chatId: number): Message => {
  const m = w.h.emu.botMessages(chatId).at(-1);
  if (!m) throw new Error(`no message in ${chatId}`);
  return m;
};
const docsIn = (messages: readonly Message[]) => messages.flatMap((m) => (m.document ? [m.document] : []));
const bytesOf = (fileId: string): Buffer => {
  const f = w.h.emu.file(fileId);
  if (!f) throw new Error("file not stored");
  return f.bytes;
};

/**
 * Prompt → "Lập văn bản xin lỗi" → reason → date → "Ông"/"Bà" (the export has no such column and
 * the owner "Trần Thị B" is a person); returns the bot's last answer in the unit chat.
 */
async function apologise(date: string, from = OFFICER, reason = REASON, salutation = "Bà"): Promise<Message> {
  const prompt = w.h.emu.botMessages(UNIT).find((m) => m.text?.includes("🟠 Hồ sơ sắp quá hạn"));
  if (!prompt) throw new Error("no prompt");
  const {
    messages: [askReason],
  } = await w.press(UNIT, prompt, "Lập văn bản xin lỗi", from);
  expect(askReason?.text).toContain("lý do chậm trễ");
  const askDate = await w.say(reason, UNIT, from, askReason?.message_id);
  expect(askDate.text).toContain("ngày hẹn trả kết quả mới");
  const askTitle = await w.say(date, UNIT, from, askDate.message_id);
  expect(askTitle.text).toContain("gửi Ông hay Bà?");
  return w.say(salutation, UNIT, from, askTitle.message_id);
}

describe("the apology letter", () => {
  it("goes from the prompt to a numbered .docx through the unit head's approval", async () => {
    const headBefore = w.count(HEAD);
    const sent = await apologise("01/12/2026");
    expect(sent.text).toContain(`Đã gửi dự thảo văn bản xin lỗi và báo cáo giải trình của hồ sơ ${A} tới thủ trưởng`);
    await w.drained();
    const toHead = w.h.emu.botMessages(HEAD).slice(headBefore);
    const drafts = docsIn(toHead);
    expect(drafts.map((d) => d.file_name)).toEqual([`xin-loi-${A}-du-thao.docx`, `giai-trinh-${A}-du-thao.docx`]);
    const draftXml = docxText(bytesOf(drafts[0]?.file_id ?? ""));
    expect(draftXml).toContain("DỰ THẢO");
    const request = last(HEAD);
    expect(request.text).toContain(`Lý do chậm trễ: ${REASON}`);
    expect(request.text).toContain("Hẹn trả mới: 01/12/2026 (Thứ Ba)");

    const unitBefore = w.count(UNIT);
    const { answer } = await w.press(HEAD, request, "✅ Duyệt", HEAD_USER);
    expect(answer.text).toBe("Đã duyệt.");
    await w.drained();
    const toUnit = w.h.emu.botMessages(UNIT).slice(unitBefore);
    expect(toUnit.map((m) => m.text ?? "").join("\n")).toContain(
      `Văn bản của hồ sơ ${A} (số 01/XL-UBND, 01/BC-UBND) đã được duyệt bởi Hùng (thủ trưởng) lúc 10:00 25/11/2026`,
    );
    const finals = docsIn(toUnit);
    expect(finals.map((d) => d.file_name)).toEqual([`xin-loi-${A}-so-01.docx`, `giai-trinh-${A}-so-01.docx`]);
    const apology = bytesOf(finals[0]?.file_id ?? "");
    const xml = docxText(apology);
    // The ward's own header (no district above it), its abbreviation in the number, the salutation the officer gave.
    for (const field of [
      "ỦY BAN NHÂN DÂNPHƯỜNG ĐỨC XUÂN",
      "Số: 01/XL-UBND",
      "Đức Xuân, ngày 25 tháng 11 năm 2026",
      "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
      "Kính gửi: Bà Trần Thị B",
      "Đăng ký khai sinh",
      A,
      "26/11/2026",
      "01/12/2026",
      "Do chờ kết quả xác minh của Công an phường",
      "TM. ỦY BAN NHÂN DÂNCHỦ TỊCH",
    ]) {
      expect(xml).toContain(field);
    }
    expect(xml).not.toContain("ĐÔNG ANH");
    expect(xml).not.toContain("Ông/Bà");
    expect(xml).not.toContain("DỰ THẢO");
    expect(xml).not.toMatch(/\{[a-zA-Z]+\}/);
    const report = docxText(bytesOf(finals[1]?.file_id ?? ""));
    expect(report).toContain("Số: 01/BC-UBND");
    expect(report).toContain(REASON);
    expect(report).toContain("Kính gửi: Chủ tịch Ủy ban nhân dân phường Đức Xuân.");
    expect(report).toMatch(/NGƯỜI BÁO CÁO\s*Phạm Văn D/); // the officer in the export, not who typed it

    const docs = await w.h.db.prisma.dossierDocument.findMany({ orderBy: { id: "asc" } });
    expect(
      docs.map((d) => [
        d.kind,
        d.status,
        d.number,
        d.register,
        d.salutation,
        d.newDueDate,
        d.createdByName,
        d.approvedBy,
      ]),
    ).toEqual([
      ["apology", "issued", "01/XL-UBND", "XL-TN-X1", "Bà", "2026-12-01", "Lan", BigInt(HEAD_USER)],
      ["explanation", "issued", "01/BC-UBND", "BC-TN-X1", "Bà", "2026-12-01", "Lan", BigInt(HEAD_USER)],
    ]);
    expect((await w.say(`/hoso ${A}`)).text).toContain(
      "Văn bản xin lỗi: số 01/XL-UBND, duyệt 25/11/2026 bởi Hùng (thủ trưởng) — lập bởi Lan ngày 25/11/2026, hẹn trả mới 01/12/2026",
    );
  });

  it("an export and a reason holding characters XML 1.0 forbids still give letters Word opens", async () => {
    const bad = "\uFFFE\uFFFF\u0001";
    await w.upload(
      exportCsv([
        row(A, {
          "Ngày hẹn trả": "26/11/2026",
          "Chủ hồ sơ": `Trần${bad} Thị B`,
          "Tên thủ tục hành chính": `Đăng ký${bad} khai sinh`,
        }),
      ]),
      "ds-ho-so.csv",
    );
    const stored = await w.h.db.prisma.dossier.findFirstOrThrow({ where: { code: A } });
    expect([stored.applicantName, stored.procedure]).toEqual(["Trần Thị B", "Đăng ký khai sinh"]);
    await apologise("01/12/2026", OFFICER, `Chờ kết quả${bad} xác minh`);
    await w.drained();
    const unitBefore = w.count(UNIT);
    await w.press(HEAD, last(HEAD), "✅ Duyệt", HEAD_USER);
    await w.drained();
    const finals = docsIn(w.h.emu.botMessages(UNIT).slice(unitBefore));
    expect(finals.map((d) => d.file_name)).toEqual([`xin-loi-${A}-so-01.docx`, `giai-trinh-${A}-so-01.docx`]);
    for (const f of finals) {
      const xml = xmlPart(bytesOf(f.file_id));
      expect(xml.ok ? "well-formed" : xml.problem).toBe("well-formed");
    }
    const letter = docxText(bytesOf(finals[0]?.file_id ?? ""));
    for (const field of ["01/XL-UBND", "Bà Trần Thị B", "Đăng ký khai sinh", "Do chờ kết quả xác minh"])
      expect(letter).toContain(field);
  });

  it("refuses a second re-appointment and explains, offering the explanation report", async () => {
    await apologise("01/12/2026");
    await w.drained();
    await w.press(HEAD, last(HEAD), "✅ Duyệt", HEAD_USER, 1);
    await w.drained();
    const prompt = w.h.emu.botMessages(UNIT).find((m) => m.text?.includes("🟠 Hồ sơ sắp quá hạn"));
    if (!prompt) throw new Error("no prompt");
    const {
      messages: [refusal],
    } = await w.press(UNIT, prompt, "Lập văn bản xin lỗi", OFFICER);
    expect(refusal?.text).toContain(
      `Hồ sơ ${A} đã được xin lỗi và hẹn lại một lần (văn bản số 01/XL-UBND, hẹn trả 01/12/2026)`,
    );
    expect(refusal?.text).toContain("chỉ cho hẹn lại một lần");
    const offered = (refusal?.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.text);
    expect(offered).toEqual(["Lập báo cáo giải trình"]);
    expect(await w.h.db.prisma.dossierDocument.count({ where: { kind: "apology" } })).toBe(1);
  });

  it("an export that says the owner's gender gives the salutation: the officer is not asked", async () => {
    await w.upload(await exportXlsx([[...row(A, { "Ngày hẹn trả": "26/11/2026" }), "Nữ"]], [...HEADER, "Giới tính"]));
    const prompt = w.h.emu.botMessages(UNIT).find((m) => m.text?.includes("🟠 Hồ sơ sắp quá hạn"));
    if (!prompt) throw new Error("no prompt");
    const {
      messages: [askReason],
    } = await w.press(UNIT, prompt, "Lập văn bản xin lỗi", OFFICER);
    const askDate = await w.say(REASON, UNIT, OFFICER, askReason?.message_id);
    const sent = await w.say("01/12/2026", UNIT, OFFICER, askDate.message_id);
    expect(sent.text).toContain("Đã gửi dự thảo");
    await w.drained();
    const draft = docxText(bytesOf(docsIn(w.h.emu.botMessages(HEAD))[0]?.file_id ?? ""));
    expect(draft).toContain("Kính gửi: Bà Trần Thị B");
  });

  it("an organisation is not asked about Ông/Bà and is addressed by its name", async () => {
    await w.upload(await exportXlsx([row(A, { "Ngày hẹn trả": "26/11/2026", "Chủ hồ sơ": "Công ty TNHH Ánh Dương" })]));
    const prompt = w.h.emu.botMessages(UNIT).find((m) => m.text?.includes("🟠 Hồ sơ sắp quá hạn"));
    if (!prompt) throw new Error("no prompt");
    const {
      messages: [askReason],
    } = await w.press(UNIT, prompt, "Lập văn bản xin lỗi", OFFICER);
    const askDate = await w.say(REASON, UNIT, OFFICER, askReason?.message_id);
    const sent = await w.say("01/12/2026", UNIT, OFFICER, askDate.message_id);
    expect(sent.text).toContain("Đã gửi dự thảo");
    await w.drained();
    const draft = docxText(bytesOf(docsIn(w.h.emu.botMessages(HEAD))[0]?.file_id ?? ""));
    expect(draft).toContain("Kính gửi: Công ty TNHH Ánh Dương");
    expect(draft).toContain("xin lỗi Công ty TNHH Ánh Dương");
    expect(draft).not.toMatch(/Ông|Bà\b/u);
  });

  it("refuses a new date on a day off or in the past, and answers from someone else", async () => {
    const prompt = w.h.emu.botMessages(UNIT).find((m) => m.text?.includes("🟠 Hồ sơ sắp quá hạn"));
    if (!prompt) throw new Error("no prompt");
    const {
      messages: [askReason],
    } = await w.press(UNIT, prompt, "Lập văn bản xin lỗi", OFFICER);
    expect((await w.say("Tôi trả lời thay", UNIT, OTHER_OFFICER, askReason?.message_id)).text).toContain(
      "dành cho người đã bấm nút",
    );
    const askDate = await w.say(REASON, UNIT, OFFICER, askReason?.message_id);
    const saturday = await w.say("28/11/2026", UNIT, OFFICER, askDate.message_id);
    expect(saturday.text).toContain(
      "28/11/2026 là ngày nghỉ (Thứ Bảy). Hãy chọn ngày làm việc, ví dụ 30/11/2026 (Thứ Hai)",
    );
    const past = await w.say("24/11/2026", UNIT, OFFICER, saturday.message_id);
    expect(past.text).toContain("phải sau hôm nay");
    const askTitle = await w.say("30/11/2026", UNIT, OFFICER, past.message_id);
    expect(askTitle.text).toContain("gửi Ông hay Bà?");
    const unclear = await w.say("Chị", UNIT, OFFICER, askTitle.message_id);
    expect(unclear.text).toContain("Hãy trả lời «Ông» hoặc «Bà»");
    const ok = await w.say("ba", UNIT, OFFICER, unclear.message_id);
    expect(ok.text).toContain("Đã gửi dự thảo");
    expect((await w.h.db.prisma.dossierDocument.findFirstOrThrow({ where: { kind: "apology" } })).salutation).toBe(
      "Bà",
    );
  });

  it("sent back by the head with a reason: the officer's chat is told and may draft again", async () => {
    // A second heads' chat of the unit gets the request too; the decision in the first marks it as well.
    w.h.emu.addChat({ id: HEAD2, type: "supergroup", title: "Thủ trưởng (2)" });
    await touchChat(w.h.db.prisma, { chatId: BigInt(HEAD2), type: "supergroup", title: "Thủ trưởng (2)" });
    await bindChat(w.h.db.prisma, BigInt(HEAD2), "head", "TN-X1");
    await apologise("01/12/2026");
    await w.drained();
    const request = last(HEAD);
    const request2 = last(HEAD2);
    const {
      messages: [askWhy],
    } = await w.press(HEAD, request, "↩️ Trả lại", HEAD_USER);
    expect(askWhy?.text).toContain("lý do trả lại");
    const unitBefore = w.count(UNIT);
    const done = await w.say("Ghi rõ cơ quan phối hợp và số công văn", HEAD, HEAD_USER, askWhy?.message_id);
    expect(done.text).toContain("Đã trả lại dự thảo");
    await w.drained();
    const told = w.h.emu.botMessages(UNIT).slice(unitBefore).at(-1);
    expect(told?.text).toContain(`Dự thảo của hồ sơ ${A} đã bị trả lại bởi Hùng (thủ trưởng) lúc 10:00 25/11/2026.`);
    expect(told?.text).toContain("Lý do: Ghi rõ cơ quan phối hợp và số công văn");
    expect(await w.h.db.prisma.dossierDocument.count({ where: { status: "returned" } })).toBe(2);
    const marked = w.h.emu.message(HEAD2, request2.message_id);
    expect(marked?.text).toContain("↩️ Đã trả lại bởi Hùng lúc 10:00 25/11/2026");
    expect(marked?.reply_markup?.inline_keyboard ?? []).toEqual([]);
    // A press that was already on its way when the buttons went: decided once, answered so.
    const late = await canDecide(
      w.h.deps,
      (await w.h.db.prisma.dossier.findFirstOrThrow({ where: { code: A } })).id,
      "TN-X1",
      { id: BigInt(HEAD_USER), telegramName: "Hùng" },
    );
    expect(late).toEqual({ ok: false, reason: "already-decided" });
    if (!told) throw new Error("not told");
    const {
      messages: [again],
    } = await w.press(UNIT, told, "Lập văn bản xin lỗi", OFFICER);
    expect(again?.text).toContain("lý do chậm trễ");
  });

  it("without a head's chat: says how to register, shows the drafts, sends them once registered", async () => {
    await w.h.db.prisma.chat.update({ where: { chatId: BigInt(HEAD) }, data: { active: false } });
    const unitBefore = w.count(UNIT);
    await apologise("01/12/2026");
    const msgs = await w.h.emu.waitForMessages(UNIT, unitBefore + 6); // reason q, date q, Ông/Bà q, warning, 2 drafts
    const warning = msgs.find((m) => m.text?.includes("chưa có nhóm thủ trưởng"));
    expect(warning?.text).toContain("/dangky thutruong TN-X1");
    expect(docsIn(msgs.slice(unitBefore)).map((d) => d.file_name)).toEqual([
      `xin-loi-${A}-du-thao.docx`,
      `giai-trinh-${A}-du-thao.docx`,
    ]);
    await w.h.db.prisma.chat.update({ where: { chatId: BigInt(HEAD) }, data: { active: true } });
    if (!warning) throw new Error("no warning");
    const headBefore = w.count(HEAD);
    await w.press(UNIT, warning, "Gửi thủ trưởng duyệt", OFFICER);
    await w.drained();
    expect(docsIn(w.h.emu.botMessages(HEAD).slice(headBefore))).toHaveLength(2);
    expect(last(HEAD).text).toContain("Đề nghị duyệt");
  });
});
