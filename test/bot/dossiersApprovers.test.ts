/**
 * Who approves a unit's letters (docs/DOSSIERS.md "Ai được duyệt"): named approvers only, never
 * the drafter; the decider named on the request (edited in place), in the unit's message and in
 * /hoso; `/nguoiduyet` to designate, remove and name; the registrar of the heads' chat by default.
 */
import { readFileSync } from "node:fs";
import type { Message } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { installText } from "../../src/services/directives/install.js";
import { ADMIN_ID } from "../helpers/harness.js";
import {
  exportXlsx,
  HEAD,
  HEAD_USER,
  OFFICER,
  OTHER_OFFICER,
  row,
  startWorld,
  UNIT,
  type World,
} from "./dossiersWorld.js";

const A = "H15.50.05.13-261120-0001";
const DEPUTY = 603;
let w: World;

beforeEach(async () => {
  w = await startWorld("2026-11-24T09:00:00+07:00");
  w.h.emu.addUser({ id: DEPUTY, firstName: "Quang", lastName: "Trần" });
  for (const id of [DEPUTY, OFFICER, OTHER_OFFICER]) w.h.emu.setMemberStatus(HEAD, id, "member");
  await w.upload(await exportXlsx([row(A, { "Ngày hẹn trả": "26/11/2026" })]));
  await w.sweep("2026-11-25");
  w.h.clock.set("2026-11-25T10:00:00+07:00");
});
afterEach(async () => w?.stop());

/** The unit's officer drafts the apology; returns the approval request in the heads' chat. */
async function drafted(from = OFFICER): Promise<Message> {
  const prompt = w.h.emu.botMessages(UNIT).find((m) => m.text?.includes("🟠 Hồ sơ sắp quá hạn"));
  if (!prompt) throw new Error("no prompt");
  const {
    messages: [askReason],
  } = await w.press(UNIT, prompt, "Lập văn bản xin lỗi", from);
  const askDate = await w.say("Chờ kết quả xác minh của Công an phường", UNIT, from, askReason?.message_id);
  // The export has no "Danh xưng" column: the officer is asked how to address the applicant.
  const askTitle = await w.say("01/12/2026", UNIT, from, askDate.message_id);
  expect(askTitle.text).toContain("gửi Ông hay Bà?");
  await w.say("Bà", UNIT, from, askTitle.message_id);
  await w.drained();
  const request = w.h.emu.botMessages(HEAD).at(-1);
  if (!request?.text?.includes("Đề nghị duyệt")) throw new Error("no request");
  return request;
}

const issuedCount = () => w.h.db.prisma.dossierDocument.count({ where: { number: { not: null } } });
const buttonsOf = (m: Message | undefined) => (m?.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.text);

describe("approving a unit's letters", () => {
  it("the drafter cannot approve or send back her own letter, even as an approver; the refusal names who can", async () => {
    await w.say("/nguoiduyet them 501 pho", HEAD, HEAD_USER);
    const request = await drafted(OFFICER);
    const { answer } = await w.press(HEAD, request, "✅ Duyệt", OFFICER, 0);
    expect(answer.text).toBe(
      "⛔ Bạn đã lập dự thảo này nên không tự duyệt hay trả lại được. Người duyệt được: Hùng (thủ trưởng).",
    );
    const back = await w.press(HEAD, request, "↩️ Trả lại", OFFICER, 0);
    expect(back.answer.text).toContain("Bạn đã lập dự thảo này");
    expect(await issuedCount()).toBe(0);
    expect(await w.h.db.prisma.dossierDocument.count({ where: { status: "pending" } })).toBe(2);
    expect(buttonsOf(w.h.emu.message(HEAD, request.message_id))).toEqual(["✅ Duyệt", "↩️ Trả lại"]);
  });

  it("a member of the heads' chat who is not an approver is refused, Duyệt and Trả lại alike", async () => {
    await w.say("/nguoiduyet them 603 pho Trần Văn Quang", HEAD, HEAD_USER);
    const request = await drafted();
    for (const button of ["✅ Duyệt", "↩️ Trả lại"]) {
      const { answer } = await w.press(HEAD, request, button, OTHER_OFFICER, 0);
      expect(answer.text).toBe(
        "⛔ Bạn không phải người duyệt văn bản của đơn vị. Người duyệt được: Hùng (thủ trưởng), Trần Văn Quang (phó).",
      );
    }
    expect(await issuedCount()).toBe(0);
  });

  it("a designated deputy approves: named on the edited request, in the unit's message, in /hoso and on the record", async () => {
    const told = await w.say("/nguoiduyet them 603 pho Trần Văn Quang", HEAD, HEAD_USER);
    expect(told.text).toContain("Trần Văn Quang được chỉ định là người duyệt (phó)");
    expect(told.entities?.some((e) => e.type === "text_link" && e.url === "tg://user?id=603")).toBe(true);
    const request = await drafted();
    const unitBefore = w.count(UNIT);
    const { answer } = await w.press(HEAD, request, "✅ Duyệt", DEPUTY);
    expect(answer.text).toBe("Đã duyệt.");
    const edited = w.h.emu.message(HEAD, request.message_id);
    expect(edited?.text).toContain("Đề nghị duyệt");
    expect(edited?.text).toContain("✅ Đã duyệt bởi Trần Văn Quang lúc 10:00 25/11/2026");
    expect(buttonsOf(edited)).toEqual([]);
    await w.drained();
    const toUnit = w.h.emu
      .botMessages(UNIT)
      .slice(unitBefore)
      .map((m) => m.text ?? "")
      .join("\n");
    expect(toUnit).toContain(
      `Văn bản của hồ sơ ${A} (số 01/XL-UBND, 01/BC-UBND) đã được duyệt bởi Trần Văn Quang (phó) lúc 10:00 25/11/2026`,
    );
    expect((await w.say(`/hoso ${A}`)).text).toContain(
      "Văn bản xin lỗi: số 01/XL-UBND, duyệt 25/11/2026 bởi Trần Văn Quang (phó) — lập bởi Lan",
    );
    const docs = await w.h.db.prisma.dossierDocument.findMany();
    expect(docs.map((d) => [d.status, d.approvedBy, d.approverName, d.approverRole])).toEqual([
      ["issued", BigInt(DEPUTY), "Trần Văn Quang", "deputy"],
      ["issued", BigInt(DEPUTY), "Trần Văn Quang", "deputy"],
    ]);
  });

  it("Trả lại by an approver: the request is edited to say who sent it back and when", async () => {
    await w.say("/nguoiduyet ten Nguyễn Văn Hùng", HEAD, HEAD_USER);
    const request = await drafted();
    const {
      messages: [askWhy],
    } = await w.press(HEAD, request, "↩️ Trả lại", HEAD_USER);
    const unitBefore = w.count(UNIT);
    await w.say("Ghi rõ cơ quan phối hợp", HEAD, HEAD_USER, askWhy?.message_id);
    const edited = w.h.emu.message(HEAD, request.message_id);
    expect(edited?.text).toContain("↩️ Đã trả lại bởi Nguyễn Văn Hùng lúc 10:00 25/11/2026");
    expect(buttonsOf(edited)).toEqual([]);
    await w.drained();
    expect(w.h.emu.botMessages(UNIT).slice(unitBefore).at(-1)?.text).toContain(
      "bị trả lại bởi Nguyễn Văn Hùng (thủ trưởng) lúc 10:00 25/11/2026",
    );
    expect((await w.say(`/hoso ${A}`)).text).toContain(
      "bị trả lại bởi Nguyễn Văn Hùng (thủ trưởng) (Ghi rõ cơ quan phối hợp)",
    );
  });
});

describe("approvers from the unit list", () => {
  it("a deputy listed in the unit list approves under the list's name", async () => {
    const base = readFileSync("test/fixtures/province.units.yaml", "utf8");
    const list = base.replace(
      "{ code: TN-X1, name: Phường Đức Xuân, tier: xa, parent: TN-H1 }",
      "{ code: TN-X1, name: Phường Đức Xuân, tier: xa, parent: TN-H1, approvers: [{ telegramId: 603, name: Trần Văn Quang, role: deputy }] }",
    );
    expect((await installText(w.h.db.prisma, list, "yaml")).ok).toBe(true);
    const request = await drafted();
    await w.press(HEAD, request, "✅ Duyệt", DEPUTY);
    expect(w.h.emu.message(HEAD, request.message_id)?.text).toContain(
      "✅ Đã duyệt bởi Trần Văn Quang lúc 10:00 25/11/2026",
    );
  });
});

describe("/nguoiduyet", () => {
  it("lists the approvers; refuses unknown ids, callers who are not the head, and removing the last head", async () => {
    expect((await w.say("/help", HEAD, OTHER_OFFICER)).text).toContain("/nguoiduyet — người duyệt");
    expect((await w.say("/nguoiduyet", HEAD, OTHER_OFFICER)).text).toContain(
      "• Hùng (thủ trưởng) — id 601 (người đăng ký nhóm)",
    );
    expect((await w.say("/nguoiduyet them 999999", HEAD, HEAD_USER)).text).toContain(
      "Không tìm thấy người có id 999999 trong nhóm thủ trưởng của đơn vị",
    );
    expect((await w.say("/nguoiduyet them Quang", HEAD, HEAD_USER)).text).toContain("«Quang» không phải id Telegram");
    expect((await w.say("/nguoiduyet them 603", HEAD, OTHER_OFFICER)).text).toContain("⛔ Chỉ thủ trưởng của đơn vị");
    expect((await w.say("/nguoiduyet them 999999", HEAD, OTHER_OFFICER)).text).toContain(
      "⛔ Chỉ thủ trưởng của đơn vị",
    );
    expect((await w.say("/nguoiduyet them 603", HEAD, HEAD_USER)).text).toContain(
      "Quang Trần được chỉ định là người duyệt (phó)",
    );
    expect((await w.say("/nguoiduyet them 502", HEAD, DEPUTY)).text).toContain("⛔ Chỉ thủ trưởng của đơn vị");
    expect((await w.say("/nguoiduyet bo 601", HEAD, HEAD_USER)).text).toContain(
      "ít nhất một người duyệt vai trò thủ trưởng",
    );
    expect((await w.say("/nguoiduyet bo 502", HEAD, HEAD_USER)).text).toContain("không phải người duyệt của đơn vị");
    expect((await w.say("/nguoiduyet bo 603", HEAD, HEAD_USER)).text).toContain("Đã bỏ Quang Trần");
    expect((await w.say("/nguoiduyet TN-X1", ADMIN_ID, OTHER_OFFICER)).text).toContain("chỉ quản trị viên");
  });

  it("an administrator designates from the private chat with the unit code; the heads' chat is told", async () => {
    const before = w.count(HEAD);
    const reply = await w.say("/nguoiduyet TN-X1 them 603 pho Trần Văn Quang", ADMIN_ID, ADMIN_ID);
    expect(reply.text).toContain("Trần Văn Quang được chỉ định là người duyệt (phó)");
    await w.drained();
    expect(w.h.emu.botMessages(HEAD).slice(before).at(-1)?.text).toContain("Trần Văn Quang được chỉ định");
    const request = await drafted();
    expect((await w.press(HEAD, request, "✅ Duyệt", DEPUTY)).answer.text).toBe("Đã duyệt.");
  });

  it("designates by replying to the person's message, as head", async () => {
    const said = w.h.emu.injectText({ chatId: HEAD, fromId: DEPUTY, text: "Tôi là phó chủ tịch" });
    const reply = await w.say("/nguoiduyet them truong", HEAD, HEAD_USER, said.message.message_id);
    expect(reply.text).toContain("Quang Trần được chỉ định là người duyệt (thủ trưởng)");
    expect((await w.say("/nguoiduyet bo 601", HEAD, DEPUTY)).text).toContain("Đã bỏ");
    const request = await drafted();
    const { answer } = await w.press(HEAD, request, "✅ Duyệt", HEAD_USER, 0);
    expect(answer.text).toBe(
      "⛔ Bạn không phải người duyệt văn bản của đơn vị. Người duyệt được: Quang Trần (thủ trưởng).",
    );
  });
});
