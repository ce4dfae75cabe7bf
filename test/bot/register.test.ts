import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { listApprovers } from "../../src/db/repos/approvers.js";
import { common } from "../../src/messages/common.js";
import { reliabilityTexts } from "../../src/messages/reliability.js";
import { ADMIN_ID, startHarness, type Harness } from "../helpers/harness.js";

const GROUP = -100200;
const OFFICER = 601;
let h: Harness;

beforeEach(async () => {
  h = await startHarness();
  h.emu.addUser({ id: OFFICER, firstName: "Minh" });
  h.emu.addChat({ id: ADMIN_ID, type: "private", firstName: "Quản trị" });
  h.emu.addChat({ id: GROUP, type: "group", title: "Xã Nông Thượng" });
});
afterEach(async () => h?.stop());

async function say(text: string, chatId = GROUP, fromId = OFFICER) {
  const before = h.emu.botMessages(chatId).length;
  h.emu.injectText({ chatId, fromId, text });
  return (await h.emu.waitForMessages(chatId, before + 1)).at(-1);
}

describe("onboarding a unit chat", () => {
  it("/dangky → admin approves with a button → the group is told and can report", async () => {
    const ack = await say("/dangky TN-X2");
    expect(ack?.text).toContain("Đã gửi yêu cầu");
    const [request] = await h.emu.waitForMessages(ADMIN_ID, 1);
    expect(request?.text).toContain("Xã Nông Thượng");
    expect(request?.text).toContain("TN-X2");
    const answer = await h.emu.pressButton({
      chatId: ADMIN_ID,
      messageId: request?.message_id ?? 0,
      fromId: ADMIN_ID,
      text: "✅ Duyệt",
    });
    expect(answer.text).toContain("Đã duyệt");
    const told = await h.emu.waitFor(() => h.emu.botMessages(GROUP).find((m) => m.text?.includes("đã được duyệt")));
    expect(told.text).toContain("/nop");
    expect(
      await h.emu.waitFor(
        () =>
          h.emu
            .message(ADMIN_ID, request?.message_id ?? 0)
            ?.text?.endsWith("✅ Đã duyệt — Quản trị (id 9001), 09:00 20/11/2026") && true,
      ),
    ).toBe(true);
    const reply = await say("/nop 200 150");
    expect(reply?.text).toContain("Xã Nông Thượng");
    expect(reply?.text).toContain("75%");
  });

  it("a rejection is told to the group and binds nothing; a second administrator's late press changes nothing", async () => {
    const SECOND = 9002;
    h.emu.addChat({ id: SECOND, type: "private", firstName: "Quản trị 2" });
    await h.db.prisma.person.create({ data: { telegramId: BigInt(SECOND), role: "admin" } });
    await say("/dangky TN-X2");
    const [request] = await h.emu.waitForMessages(ADMIN_ID, 1);
    const [second] = await h.emu.waitForMessages(SECOND, 1);
    await h.emu.pressButton({
      chatId: ADMIN_ID,
      messageId: request?.message_id ?? 0,
      fromId: ADMIN_ID,
      text: "❌ Từ chối",
    });
    await h.emu.waitFor(() => h.emu.botMessages(GROUP).find((m) => m.text?.includes("không được duyệt")));
    const again = await h.emu.pressButton({
      chatId: SECOND,
      messageId: second?.message_id ?? 0,
      fromId: SECOND,
      text: "✅ Duyệt",
    });
    expect(again.text).toContain("đã được xử lý");
    expect(await h.db.prisma.chat.findUnique({ where: { chatId: BigInt(GROUP) } })).toMatchObject({
      kind: "unknown",
      unitCode: null,
    });
  });

  it("a non-admin cannot approve", async () => {
    await say("/dangky TN-X2");
    const [request] = await h.emu.waitForMessages(ADMIN_ID, 1);
    const answer = await h.emu.pressButton({
      chatId: ADMIN_ID,
      messageId: request?.message_id ?? 0,
      fromId: OFFICER,
      data: "reg:ok:1",
    });
    expect(answer.text).toContain("chỉ dành cho quản trị viên");
  });

  it("an unknown code is answered with suggestions and nothing is requested", async () => {
    const reply = await say("/dangky nong thuong");
    expect(reply?.text).toContain("Không có đơn vị mã");
    expect(await h.db.prisma.registration.count()).toBe(0);
  });

  it("/donvi finds units without diacritics", async () => {
    const reply = await say("/donvi duc xuan");
    expect(reply?.text).toContain("Phường Đức Xuân");
    expect(reply?.text).toContain("TN-X1");
    expect(reply?.text).not.toContain("Nông Thượng");
  });

  it("the bot removed from a chat marks it inactive; duplicate updates are handled once", async () => {
    await say("/dangky TN-X2");
    h.emu.setBotStatus(GROUP, "kicked", { byId: OFFICER });
    await h.idle();
    await expect
      .poll(async () => (await h.db.prisma.chat.findUnique({ where: { chatId: BigInt(GROUP) } }))?.active)
      .toBe(false);
  });
});

describe("bad input never crashes", () => {
  it.each([`/donvi ${"x".repeat(5000)}`, "/dangky \u0000\u0007 ‮abc", "/nop 😀😀😀", "/tinhtrang <b>hack</b> & co"])(
    "answers %# with a message of its own, not the crash apology, and logs no failure",
    async (text) => {
      // A handler that throws is answered too (bot.catch replies common.internalError), so "a reply
      // came" alone cannot tell a crash from an answer: the log and the text can.
      const failures = vi.spyOn(h.deps.logger, "error");
      const reply = await say(text.slice(0, 4096));
      expect(reply?.text?.length).toBeGreaterThan(0);
      expect(reply?.text).not.toBe(common.internalError);
      await h.idle();
      expect(failures).not.toHaveBeenCalled();
    },
  );

  it("ordinary group conversation is ignored silently when the bot sees everything", async () => {
    h.emu.setBotStatus(GROUP, "administrator", { notify: false });
    h.emu.injectText({ chatId: GROUP, fromId: OFFICER, text: "chào cả nhà, chiều nay họp nhé" });
    await h.idle();
    expect(h.emu.botMessages(GROUP)).toHaveLength(0);
  });

  it("the same update delivered twice is processed once", async () => {
    const { updateId } = h.emu.injectText({ chatId: GROUP, fromId: OFFICER, text: "/donvi duc" });
    await h.emu.waitForMessages(GROUP, 1);
    h.emu.redeliver(updateId ?? 0);
    await h.idle();
    expect(h.emu.botMessages(GROUP)).toHaveLength(1);
  });
});

describe("an update left unfinished by a dead instance", () => {
  // Before: handled again after a minute. A process that died handling an update may have died
  // of it, so now it is reported instead (test/bot/poisonUpdate.test.ts has the details).
  it("is not handled again when redelivered after a minute: the sender is told once; a fresh in-flight one is not stolen", async () => {
    h.emu.addChat({ id: 888, type: "private", firstName: "Khách" });
    const { updateId } = h.emu.injectText({ chatId: 888, fromId: 888, text: "/id" });
    await h.emu.waitForMessages(888, 1);
    await expect
      .poll(
        async () =>
          (await h.db.prisma.processedUpdate.findFirst({ where: { updateId: BigInt(updateId ?? 0) } }))?.status,
      )
      .toBe("done");
    // Simulate a process that died after marking the update but before answering it.
    await h.db.prisma.processedUpdate.updateMany({
      where: { updateId: BigInt(updateId ?? 0) },
      data: { status: "processing", createdAt: h.clock.now() },
    });
    h.emu.redeliver(updateId ?? 0);
    await h.idle();
    expect(h.emu.botMessages(888)).toHaveLength(1);
    h.clock.advance(61_000);
    h.emu.redeliver(updateId ?? 0);
    const [, notice] = await h.emu.waitForMessages(888, 2);
    expect(notice?.text).toBe(reliabilityTexts.abandoned("command"));
    h.emu.redeliver(updateId ?? 0);
    await h.idle();
    expect(h.emu.botMessages(888)).toHaveLength(2);
    expect(await h.db.prisma.processedUpdate.findFirst({ where: { updateId: BigInt(updateId ?? 0) } })).toMatchObject({
      status: "failed",
    });
  });
});

describe("kind keywords and a unit gone before approval", () => {
  it("/dangky lãnh đạo <mã> (with diacritics and a space) requests and binds a leaders' chat", async () => {
    const ack = await say("/dangky lãnh đạo TN-X1");
    expect(ack?.text).toContain("Đã gửi yêu cầu đăng ký nhóm này làm nhóm lãnh đạo theo dõi");
    expect(ack?.text).toContain("TN-X1");
    expect(await h.db.prisma.registration.findFirst()).toMatchObject({
      unitCode: "TN-X1",
      kind: "leaders",
      status: "pending",
    });
    const [request] = await h.emu.waitForMessages(ADMIN_ID, 1);
    await h.emu.pressButton({
      chatId: ADMIN_ID,
      messageId: request?.message_id ?? 0,
      fromId: ADMIN_ID,
      text: "✅ Duyệt",
    });
    await h.emu.waitFor(() => h.emu.botMessages(GROUP).find((m) => m.text?.includes("đã được duyệt")));
    expect(await h.db.prisma.chat.findUnique({ where: { chatId: BigInt(GROUP) } })).toMatchObject({
      kind: "leaders",
      unitCode: "TN-X1",
      active: true,
    });
  });

  it("/dangky Thủ trưởng <mã> asks for a head's chat", async () => {
    await say("/dangky Thủ trưởng TN-X1");
    expect(await h.db.prisma.registration.findFirst()).toMatchObject({ unitCode: "TN-X1", kind: "head" });
  });

  it("an approved head's chat makes its registrar the unit's head approver; a new registration replaces them", async () => {
    const SECOND_GROUP = -100210;
    const NEXT = 602;
    const approve = async (group: number) => {
      const request = h.emu.botMessages(ADMIN_ID).at(-1);
      await h.emu.pressButton({
        chatId: ADMIN_ID,
        messageId: request?.message_id ?? 0,
        fromId: ADMIN_ID,
        text: "✅ Duyệt",
      });
      await h.emu.waitFor(() => h.emu.botMessages(group).find((m) => m.text?.includes("đã được duyệt")));
    };
    await say("/dangky thutruong TN-X1");
    await h.emu.waitForMessages(ADMIN_ID, 1);
    await approve(GROUP);
    expect(await listApprovers(h.db.prisma, "TN-X1")).toEqual([
      { telegramId: BigInt(OFFICER), role: "head", name: null, telegramName: "Minh", source: "registration" },
    ]);
    h.emu.addUser({ id: NEXT, firstName: "Hà" });
    h.emu.addChat({ id: SECOND_GROUP, type: "group", title: "Chủ tịch phường" });
    h.emu.injectText({ chatId: SECOND_GROUP, fromId: NEXT, text: "/dangky thutruong TN-X1" });
    await h.emu.waitForMessages(ADMIN_ID, 2);
    await approve(SECOND_GROUP);
    expect((await listApprovers(h.db.prisma, "TN-X1")).map((a) => [a.telegramId, a.role, a.telegramName])).toEqual([
      [BigInt(NEXT), "head", "Hà"],
    ]);
  });

  it("approving a request whose unit left the catalog changes nothing and tells the administrator", async () => {
    await say("/dangky TN-X2");
    const [request] = await h.emu.waitForMessages(ADMIN_ID, 1);
    const real = h.deps.catalog.get();
    const withoutX2 = Object.create(real) as typeof real;
    withoutX2.unit = (code: string) => (code === "TN-X2" ? undefined : real.unit(code));
    h.deps.catalog.get = () => withoutX2;
    const answer = await h.emu.pressButton({
      chatId: ADMIN_ID,
      messageId: request?.message_id ?? 0,
      fromId: ADMIN_ID,
      text: "✅ Duyệt",
    });
    expect(answer.text).toContain("đơn vị TN-X2 không còn trong danh sách đơn vị");
    expect(await h.db.prisma.registration.findFirst()).toMatchObject({ status: "pending", decidedBy: null });
    expect(await h.db.prisma.chat.findUnique({ where: { chatId: BigInt(GROUP) } })).toMatchObject({
      kind: "unknown",
      unitCode: null,
    });
  });
});

describe("/capquyen role keywords", () => {
  it("/capquyen <id> lãnh đạo (with diacritics and a space) grants the leader role", async () => {
    // Only an id the bot has seen can be granted (roles.test.ts): 777 writes to the bot first.
    h.emu.addUser({ id: 777, firstName: "Phúc" });
    h.emu.addChat({ id: 777, type: "private", firstName: "Phúc" });
    await say("/id", 777, 777);
    const reply = await say("/capquyen 777 lãnh đạo", ADMIN_ID, ADMIN_ID);
    expect(reply?.text).toContain("Đã cấp quyền lãnh đạo cho Phúc");
    expect(await h.db.prisma.person.findUnique({ where: { telegramId: 777n } })).toMatchObject({ role: "leader" });
  });
});
