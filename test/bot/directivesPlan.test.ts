/**
 * A directive file sent privately by an administrator: the dry run with "✅ Áp dụng" / "Huỷ",
 * and only the press installs it (src/bot/features/admin.ts, directives.ts). Unit lists still
 * load at once. Every refusal answers with the exact text and leaves everything as it was.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseHtml } from "../../src/emulator/html.js";
import { adminTexts } from "../../src/messages/admin.js";
import { common } from "../../src/messages/common.js";
import { applyHeldDirective } from "../../src/services/directives/pending.js";
import { confirmPending, holdPending } from "../../src/services/uploads/pending.js";
import { ADMIN_ID, type Harness } from "../helpers/harness.js";
import { buttonTexts, editedTo, PROVINCE, sendYaml, startDirectivesWorld, state, STRANGER } from "./directivesWorld.js";

let h: Harness;
beforeEach(async () => {
  h = await startDirectivesWorld();
});
afterEach(async () => h?.stop());

const plain = (html: string) => parseHtml(html).text;

describe("the dry run", () => {
  it("shows what the file would do, with two buttons, and loads nothing yet", async () => {
    const before = (await state(h)).directives;
    const reply = await sendYaml(h, PROVINCE);
    expect(reply?.text).toContain("Xem trước: 01/CT-UBND — Chỉ tiêu dịch vụ công trực tuyến năm 2026");
    expect(reply?.text).toContain("Ban hành 01/01/2026 · hiệu lực từ 01/01/2026");
    expect(reply?.text).toContain("Hôm nay 20/11/2026: đang có hiệu lực");
    expect(reply?.text).toContain("Văn bản mới (chưa nạp lần nào).");
    expect(reply?.text).toContain("Ràng buộc 5 đơn vị: 2 Các sở, ban, ngành; 3 UBND cấp xã.");
    expect(reply?.text).toContain("Mốc chỉ tiêu: 2.");
    expect(reply?.text).toContain("Nhắc việc sẽ bật: ngày báo cáo 25 hằng tháng; hạn 1 nhiệm vụ (nv-1 15/12/2026).");
    expect(reply?.text).toContain("Cam kết không đo bằng số liệu: 1.");
    expect(reply?.text).toContain("Bấm ✅ Áp dụng để nạp văn bản này, hoặc Huỷ (nút có hiệu lực 30 phút).");
    expect(buttonTexts(reply)).toEqual(["✅ Áp dụng", "Huỷ"]);
    expect((await state(h)).directives).toEqual(before);
    expect(h.deps.catalog.get().directives).toEqual([]);
  });

  it("✅ Áp dụng installs it, reloads the catalog and edits the message (no buttons left)", async () => {
    const reply = await sendYaml(h, PROVINCE);
    const answer = await h.emu.pressButton({
      chatId: ADMIN_ID,
      messageId: reply?.message_id ?? 0,
      fromId: ADMIN_ID,
      text: "✅ Áp dụng",
    });
    expect(answer.text).toBe(adminTexts.pressApplied);
    const edited = await editedTo(h, ADMIN_ID, reply?.message_id ?? 0, "✅ Đã nạp 01/CT-UBND");
    expect(edited.text).toContain("Xem trước: 01/CT-UBND");
    expect(edited.text).not.toContain("Bấm ✅ Áp dụng");
    expect(buttonTexts(edited)).toEqual([]);
    expect((await state(h)).directives).toMatchObject([{ slug: "tn-chi-thi-01", active: true }]);
    expect(h.deps.catalog.get().directives.map((d) => d.id)).toEqual(["tn-chi-thi-01"]);
  });

  it("a second version is compared with the loaded one", async () => {
    await h.emu.pressButton({
      chatId: ADMIN_ID,
      messageId: (await sendYaml(h, PROVINCE))?.message_id ?? 0,
      fromId: ADMIN_ID,
      text: "✅ Áp dụng",
    });
    await h.emu.waitFor(() => h.deps.catalog.get().directives.length === 1);
    const next = PROVINCE.replace("target: 80", "target: 85").replace(/tasks:\n.*\n/, "");
    const reply = await sendYaml(h, next);
    expect(reply?.text).toContain("Thay bản đã nạp.");
    expect(reply?.text).toContain("Mốc chỉ tiêu: 2 (thêm 0, bỏ 0, đổi 1).");
    expect(reply?.text).toContain("~ hs-truc-tuyen · UBND xã, phường · 31/12/2026: tối thiểu 80% → tối thiểu 85%");
    expect(reply?.text).toContain("Nhiệm vụ: 0 (bỏ nv-1).");
  });

  it("Huỷ loads nothing and says so", async () => {
    const reply = await sendYaml(h, PROVINCE);
    const answer = await h.emu.pressButton({
      chatId: ADMIN_ID,
      messageId: reply?.message_id ?? 0,
      fromId: ADMIN_ID,
      text: "Huỷ",
    });
    expect(answer.text).toBe(adminTexts.pressCancelled);
    const edited = await editedTo(h, ADMIN_ID, reply?.message_id ?? 0, "Đã huỷ, chưa nạp gì");
    expect(buttonTexts(edited)).toEqual([]);
    expect(await state(h)).toMatchObject({ directives: [], pending: [{ status: "cancelled" }], catalog: [] });
  });

  it("a unit list still loads at once, without a dry run", async () => {
    const reply = await sendYaml(
      h,
      "name: Thêm\nunits:\n  - { code: TN, name: UBND tỉnh Thử Nghiệm, tier: tinh, parent: null }\n",
      ADMIN_ID,
      "don-vi.yaml",
    );
    expect(reply?.text).toContain("Đã nạp danh sách đơn vị «Thêm»: 1 đơn vị (0 mới, 1 cập nhật).");
    expect(buttonTexts(reply)).toEqual([]);
  });
});

describe("refusals change nothing", () => {
  /** Presses `first`, then puts ✅ Áp dụng back under the message, as a client holding an old copy still shows it. */
  async function pressedBefore(first: string) {
    const messageId = (await sendYaml(h, PROVINCE))?.message_id ?? 0;
    await h.emu.pressButton({ chatId: ADMIN_ID, messageId, fromId: ADMIN_ID, text: first });
    await h.emu.waitFor(() => buttonTexts(h.emu.message(ADMIN_ID, messageId)).length === 0);
    const before = await state(h);
    const msg = h.emu.message(ADMIN_ID, messageId);
    if (msg)
      msg.reply_markup = {
        inline_keyboard: [[{ text: "✅ Áp dụng", callback_data: `dp:ok:${before.pending.at(-1)?.id ?? 0}` }]],
      };
    return {
      before,
      press: () => h.emu.pressButton({ chatId: ADMIN_ID, messageId, fromId: ADMIN_ID, text: "✅ Áp dụng" }),
    };
  }

  it("an invalid file: its problems, nothing held", async () => {
    const reply = await sendYaml(h, PROVINCE.replace("issuingUnit: TN\n", ""));
    expect(reply?.text).toContain("Tệp không hợp lệ, chưa nạp gì");
    expect(reply?.text).toContain("issuingUnit");
    expect(await state(h)).toMatchObject({ directives: [], pending: [] });
  });

  it("someone who is not an administrator pressing ✅ Áp dụng", async () => {
    const reply = await sendYaml(h, PROVINCE);
    const before = await state(h);
    const answer = await h.emu.pressButton({
      chatId: ADMIN_ID,
      messageId: reply?.message_id ?? 0,
      fromId: STRANGER,
      text: "✅ Áp dụng",
    });
    expect(answer).toMatchObject({ text: plain(common.adminOnly), showAlert: true });
    expect(await state(h)).toEqual(before);
  });

  it("✅ Áp dụng after the buttons expired", async () => {
    const reply = await sendYaml(h, PROVINCE);
    h.clock.advance(31 * 60_000);
    const before = await state(h);
    const answer = await h.emu.pressButton({
      chatId: ADMIN_ID,
      messageId: reply?.message_id ?? 0,
      fromId: ADMIN_ID,
      text: "✅ Áp dụng",
    });
    expect(answer).toMatchObject({ text: adminTexts.planRefusals.expired, showAlert: true });
    expect(await state(h)).toEqual(before);
  });

  it("✅ Áp dụng pressed twice (an old copy of the button): applied once", async () => {
    const r = await pressedBefore("✅ Áp dụng");
    expect(r.before.directives).toHaveLength(1);
    const answer = await r.press();
    expect(answer).toMatchObject({ text: adminTexts.planRefusals["already-saved"], showAlert: true });
    expect(await state(h)).toEqual(r.before);
  });

  it("✅ Áp dụng after Huỷ", async () => {
    const r = await pressedBefore("Huỷ");
    const answer = await r.press();
    expect(answer).toMatchObject({ text: adminTexts.planRefusals.cancelled, showAlert: true });
    expect(await state(h)).toEqual(r.before);
  });

  it("a held directive and held figures share the store but never each other's buttons", async () => {
    await sendYaml(h, PROVINCE);
    const figures = await holdPending(h.deps, {
      kind: "figures",
      items: [],
      userId: BigInt(ADMIN_ID),
      chatId: BigInt(ADMIN_ID),
    });
    const before = await state(h);
    const directiveId = before.pending[0]?.id ?? 0;
    const req = (id: number) => ({ id, chatId: BigInt(ADMIN_ID), userId: BigInt(ADMIN_ID), isAdmin: true });
    expect(await confirmPending(h.deps, req(directiveId))).toEqual({ ok: false, reason: "not-found" });
    expect(await applyHeldDirective(h.deps, req(figures.id))).toEqual({ ok: false, reason: "not-found" });
    expect(await state(h)).toEqual(before);
  });
});
