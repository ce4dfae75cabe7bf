/**
 * `/chithi`: the admin's list with ⏸ / ▶️ / 🗑 buttons, what binds a unit in its chat, the plain
 * list for anyone else (src/bot/features/directives.ts). Refusals change nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseHtml } from "../../src/emulator/html.js";
import { MESSAGE_LIMIT } from "../../src/render/html.js";
import { common } from "../../src/messages/common.js";
import { directiveListTexts } from "../../src/messages/directiveList.js";
import { ADMIN_ID, type Harness } from "../helpers/harness.js";
import {
  buttonTexts,
  DISTRICT,
  editedTo,
  ENDED,
  install,
  PROVINCE,
  say,
  startDirectivesWorld,
  state,
  STRANGER,
  UNIT_CHAT,
} from "./directivesWorld.js";

let h: Harness;
beforeEach(async () => {
  h = await startDirectivesWorld();
  await install(h, PROVINCE, DISTRICT, ENDED);
  h.emu.addUser({ id: OFFICER, firstName: "Lan" });
});
afterEach(async () => h?.stop());

const plain = (html: string) => parseHtml(html).text;
const OFFICER = 501;
const DEFAULT_BANDS =
  "Mức màu: ngưỡng mặc định của dondoc (vàng ≤ 10, cam ≤ 20 điểm % dưới chỉ tiêu) — văn bản không quy định";

/** The admin's list, the message with its buttons last; in slug order: dong-anh (1), tn-chi-thi-01 (2), tn-chi-thi-cu (3). */
async function adminList() {
  const parts = await say(h, ADMIN_ID, ADMIN_ID, "/chithi");
  const last = parts.at(-1);
  return { text: parts.map((m) => m.text ?? "").join("\n"), last, id: last?.message_id ?? 0 };
}

describe("/chithi in the admin's private chat", () => {
  it("lists every loaded directive with its dates, validity, bands, commitments and buttons", async () => {
    const { text, last } = await adminList();
    expect(text).toContain("Văn bản đã nạp (3) — hôm nay 20/11/2026");
    expect(text).toContain("(1) 12/KH-UBND — UBND huyện Đông Anh · ▶️ đang bật");
    expect(text).toContain("Mức màu theo văn bản: vàng ≤ 5, cam ≤ 15 điểm % dưới chỉ tiêu");
    expect(text).toContain("(2) 01/CT-UBND — UBND tỉnh Thử Nghiệm · ▶️ đang bật");
    expect(text).toContain(DEFAULT_BANDS);
    expect(text).toContain("Cam kết không đo bằng số liệu (1):\n  – Thuộc nhóm 10 tỉnh dẫn đầu về chuyển đổi số");
    expect(text).toContain(
      "Ban hành 01/01/2025 · hiệu lực từ 01/01/2025 · đến 31/12/2025\nHôm nay: đã hết hiệu lực (ngày cuối 31/12/2025)",
    );
    expect(text).toContain("Hôm nay: đang có hiệu lực");
    expect(buttonTexts(last)).toEqual([
      "⏸ Tạm dừng (1)",
      "🗑 Gỡ (1)",
      "⏸ Tạm dừng (2)",
      "🗑 Gỡ (2)",
      "⏸ Tạm dừng (3)",
      "🗑 Gỡ (3)",
    ]);
  });

  it("⏸ pauses (the directive binds nothing), ▶️ resumes; the list is redrawn", async () => {
    const list = await adminList();
    const pause = await h.emu.pressButton({
      chatId: ADMIN_ID,
      messageId: list.id,
      fromId: ADMIN_ID,
      text: "⏸ Tạm dừng (2)",
    });
    expect(pause.text).toBe(directiveListTexts.paused("01/CT-UBND"));
    const redrawn = await editedTo(h, ADMIN_ID, list.id, "(2) 01/CT-UBND — UBND tỉnh Thử Nghiệm · ⏸ đang tạm dừng");
    expect(buttonTexts(redrawn)).toContain("▶️ Tiếp tục (2)");
    expect((await state(h)).directives.find((d) => d.slug === "tn-chi-thi-01")?.active).toBe(false);
    expect(h.deps.catalog.get().directives.map((d) => d.id)).not.toContain("tn-chi-thi-01");

    const resume = await h.emu.pressButton({
      chatId: ADMIN_ID,
      messageId: list.id,
      fromId: ADMIN_ID,
      text: "▶️ Tiếp tục (2)",
    });
    expect(resume.text).toBe(directiveListTexts.resumed("01/CT-UBND"));
    await editedTo(h, ADMIN_ID, list.id, "(2) 01/CT-UBND — UBND tỉnh Thử Nghiệm · ▶️ đang bật");
    expect(h.deps.catalog.get().directives.map((d) => d.id)).toContain("tn-chi-thi-01");
  });

  it("🗑 asks first, says figures are kept; Giữ lại keeps it; 🗑 Gỡ hẳn removes the row only", async () => {
    await h.db.prisma.figure.create({
      data: { unitCode: "TN-X1", indicatorCode: "hs-truc-tuyen", period: "2026-10", numerator: 9, denominator: 10 },
    });
    const list = await adminList();
    const before = await state(h);
    const count = h.emu.botMessages(ADMIN_ID).length;
    await h.emu.pressButton({ chatId: ADMIN_ID, messageId: list.id, fromId: ADMIN_ID, text: "🗑 Gỡ (2)" });
    const ask = (await h.emu.waitForMessages(ADMIN_ID, count + 1)).at(-1);
    expect(ask?.text).toBe(plain(directiveListTexts.removeAsk("01/CT-UBND", "tn-chi-thi-01")));
    expect(ask?.text).toContain("Số liệu các đơn vị đã báo cáo vẫn được giữ nguyên");
    expect(buttonTexts(ask)).toEqual(["🗑 Gỡ hẳn", "Giữ lại"]);
    expect(await state(h)).toEqual(before);

    await h.emu.pressButton({ chatId: ADMIN_ID, messageId: ask?.message_id ?? 0, fromId: ADMIN_ID, text: "Giữ lại" });
    expect(buttonTexts(await editedTo(h, ADMIN_ID, ask?.message_id ?? 0, "Đã giữ lại văn bản 01/CT-UBND"))).toEqual([]);
    expect(await state(h)).toEqual(before);

    await h.emu.pressButton({ chatId: ADMIN_ID, messageId: list.id, fromId: ADMIN_ID, text: "🗑 Gỡ (2)" });
    const again = await h.emu.waitFor(() => {
      const last = h.emu.botMessages(ADMIN_ID).at(-1);
      return last && last.message_id !== ask?.message_id && buttonTexts(last).includes("🗑 Gỡ hẳn") ? last : undefined;
    });
    await h.emu.pressButton({ chatId: ADMIN_ID, messageId: again.message_id, fromId: ADMIN_ID, text: "🗑 Gỡ hẳn" });
    const done = await editedTo(
      h,
      ADMIN_ID,
      again.message_id,
      "Đã gỡ văn bản 01/CT-UBND. Số liệu đã báo cáo vẫn được giữ nguyên.",
    );
    expect(buttonTexts(done)).toEqual([]);
    const after = await state(h);
    expect(after.directives.map((d) => d.slug)).toEqual(["dong-anh-kh-2026", "tn-chi-thi-cu"]);
    expect(after.figures).toBe(1);
    expect(after.catalog).not.toContain("tn-chi-thi-01");

    // The old list's buttons now point at nothing.
    const gone = await h.emu.pressButton({
      chatId: ADMIN_ID,
      messageId: list.id,
      fromId: ADMIN_ID,
      text: "⏸ Tạm dừng (2)",
    });
    expect(gone).toMatchObject({ text: directiveListTexts.gone, showAlert: true });
    expect(await state(h)).toEqual(after);
  });

  it.each(["⏸ Tạm dừng (2)", "🗑 Gỡ (2)"])(
    "%s pressed by someone who is not an administrator: refused, nothing changed",
    async (button) => {
      const list = await adminList();
      const before = await state(h);
      const count = h.emu.botMessages(ADMIN_ID).length;
      const answer = await h.emu.pressButton({ chatId: ADMIN_ID, messageId: list.id, fromId: STRANGER, text: button });
      expect(answer).toMatchObject({ text: plain(common.adminOnly), showAlert: true });
      expect(await state(h)).toEqual(before);
      expect(h.emu.botMessages(ADMIN_ID)).toHaveLength(count);
    },
  );

  it("a long list is split under Telegram's limit, the buttons on the last part", async () => {
    const many = Array.from({ length: 25 }, (_, i) =>
      PROVINCE.replace("id: tn-chi-thi-01", `id: tn-chi-thi-x${String(i).padStart(2, "0")}`).replace(
        "title: Chỉ tiêu dịch vụ công trực tuyến năm 2026",
        `title: Chỉ tiêu dịch vụ công trực tuyến năm 2026 — đợt ${i} ${"(rất dài) ".repeat(8)}`,
      ),
    );
    await install(h, ...many);
    const parts = await say(h, ADMIN_ID, ADMIN_ID, "/chithi");
    await h.emu.waitFor(() => buttonTexts(h.emu.botMessages(ADMIN_ID).at(-1)).length > 0);
    const sent = h.emu.botMessages(ADMIN_ID).slice(-Math.max(parts.length, 2));
    expect(sent.length).toBeGreaterThan(1);
    for (const m of sent) expect((m.text ?? "").length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(buttonTexts(sent.at(-1))).toContain("🗑 Gỡ (28)");
    expect(sent.slice(0, -1).every((m) => buttonTexts(m).length === 0)).toBe(true);
  });
});

describe("/chithi elsewhere", () => {
  it("in a unit chat: what binds the unit today and through which scope, and what has ended", async () => {
    const [reply] = await say(h, UNIT_CHAT, OFFICER, "/chithi");
    const text = reply?.text ?? "";
    expect(text).toContain("Văn bản ràng buộc Phường Đức Xuân (TN-X1) — hôm nay 20/11/2026:");
    expect(text).toContain("Đang có hiệu lực (2)");
    expect(text).toContain("Áp dụng cho đơn vị vì: nhóm «Nhóm 1 (phường)»");
    expect(text).toContain("Áp dụng cho đơn vị vì: cấp «UBND cấp xã» («UBND xã, phường»)\n");
    expect(text).toContain(DEFAULT_BANDS);
    expect(text).toContain("Thuộc nhóm 10 tỉnh dẫn đầu về chuyển đổi số");
    expect(text).toContain("Đã hết hiệu lực (1)\n• 05/CT-UBND — UBND tỉnh Thử Nghiệm: Chỉ tiêu năm 2025");
    expect(text).toContain("Ban hành 01/01/2025 · hiệu lực từ 01/01/2025 · đến 31/12/2025");
    expect(buttonTexts(reply)).toEqual([]);
  });

  it("a paused directive no longer binds the unit", async () => {
    await h.db.prisma.directive.update({ where: { slug: "tn-chi-thi-01" }, data: { active: false } });
    await h.deps.catalog.reload();
    const [reply] = await say(h, UNIT_CHAT, OFFICER, "/chithi");
    expect(reply?.text).toContain("Đang có hiệu lực (1)");
    expect(reply?.text).not.toContain("01/CT-UBND");
  });

  it("in a private chat of someone who is not an administrator: the directives in force, no buttons", async () => {
    await h.db.prisma.directive.update({ where: { slug: "tn-chi-thi-01" }, data: { active: false } });
    const [reply] = await say(h, STRANGER, STRANGER, "/chithi");
    expect(reply?.text).toContain("Các văn bản đang bật — hôm nay 20/11/2026");
    expect(reply?.text).toContain("12/KH-UBND");
    expect(reply?.text).not.toContain("01/CT-UBND");
    expect(reply?.text).not.toContain("tạm dừng");
    expect(buttonTexts(reply)).toEqual([]);
  });
});
