/**
 * A heads' chat (`/dangky thutruong <mã>`, approved) is a registered chat: `/start` says whose
 * heads' chat it is and what it does there, `/tinhtrang` shows its unit's standing.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { extraFeatures } from "../../src/bot/extraFeatures.js";
import { writeFigures } from "../../src/db/repos/figures.js";
import { ADMIN_ID, startHarness, type Harness } from "../helpers/harness.js";

const HEAD_CHAT = -100250;
const HEAD = 611;
let h: Harness;

beforeEach(async () => {
  h = await startHarness({ now: "2026-11-20T09:00:00+07:00", extraFeatures: extraFeatures() });
  h.emu.addUser({ id: HEAD, firstName: "Hùng" });
  h.emu.addChat({ id: ADMIN_ID, type: "private", firstName: "Quản trị" });
  h.emu.addChat({ id: HEAD_CHAT, type: "supergroup", title: "Thủ trưởng Sở Tư pháp" });
  await writeFigures(
    h.db.prisma,
    [{ unitCode: "TN-STP", indicatorCode: "hs-truc-tuyen", period: "2026-11", numerator: 90, denominator: 100 }],
    { byUser: null, chatId: null, source: "test", at: h.clock.now() },
  );
});
afterEach(async () => h?.stop());

async function say(text: string) {
  const before = h.emu.botMessages(HEAD_CHAT).length;
  h.emu.injectText({ chatId: HEAD_CHAT, fromId: HEAD, text });
  return (await h.emu.waitForMessages(HEAD_CHAT, before + 1)).at(-1)?.text ?? "";
}

async function registerAsHeads(): Promise<void> {
  expect(await say("/dangky thutruong TN-STP")).toContain("Đã gửi yêu cầu");
  const [request] = await h.emu.waitForMessages(ADMIN_ID, 1);
  await h.emu.pressButton({
    chatId: ADMIN_ID,
    messageId: request?.message_id ?? 0,
    fromId: ADMIN_ID,
    text: "✅ Duyệt",
  });
  await h.emu.waitFor(() => h.emu.botMessages(HEAD_CHAT).find((m) => m.text?.includes("đã được duyệt")));
}

describe("a registered heads' chat", () => {
  it("/start names the unit and what the heads do here, never 'not registered'", async () => {
    await registerAsHeads();
    const text = await say("/start");
    expect(text).toContain("nhóm thủ trưởng");
    expect(text).toContain("Sở Tư pháp");
    expect(text).toContain("TN-STP");
    expect(text).toContain("Duyệt");
    expect(text).toContain("/tinhtrang");
    expect(text).not.toContain("/dangky");
  });

  it("/tinhtrang shows its unit's standing", async () => {
    await registerAsHeads();
    const text = await say("/tinhtrang");
    expect(text).toContain("Sở Tư pháp");
    expect(text).toMatch(/🟢 .*90%/);
    expect(text).not.toContain("chưa được gắn");
  });

  it("/nop and /nhap say where reporting is done, not that the chat is unregistered", async () => {
    await registerAsHeads();
    for (const command of ["/nop 120 95", "/nhap"]) {
      const text = await say(command);
      expect(text).toContain("nhóm thủ trưởng của Sở Tư pháp");
      expect(text).not.toContain("chưa được gắn");
    }
    expect(await h.db.prisma.figure.count({ where: { unitCode: "TN-STP", numerator: 95 } })).toBe(0);
  });
});
