/**
 * What people type is cut to a length by code points (src/domain/text.ts `clipText`), never
 * between the two halves of an emoji: a lone surrogate is refused by Telegram when echoed and
 * is not text a database should keep.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { extraFeatures } from "../../src/bot/extraFeatures.js";
import { bindChat, touchChat } from "../../src/db/repos/chats.js";
import { startHarness, type Harness } from "../helpers/harness.js";

const FILES = [
  "test/fixtures/province.units.yaml",
  "test/fixtures/province.directive.yaml",
  "test/jobs/fixtures/tasks.directive.yaml",
];
const UNIT = -100601; // TN-X1 leads task T-1
const STRANGER = -100602;
const LEADERS = -100603; // leaders over TN
const OFFICER = 651;
const EMOJI = "😀";

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ now: "2026-11-02T09:00:00+07:00", files: FILES, extraFeatures: extraFeatures() });
  h.emu.addUser({ id: OFFICER, firstName: "Lan" });
  h.emu.addChat({ id: STRANGER, type: "supergroup", title: "Nhóm mới" });
  h.emu.addChat({ id: UNIT, type: "supergroup", title: "Phường Đức Xuân" });
  await touchChat(h.db.prisma, { chatId: BigInt(UNIT), type: "supergroup", title: "Phường Đức Xuân" });
  await bindChat(h.db.prisma, BigInt(UNIT), "unit", "TN-X1");
  h.emu.addChat({ id: LEADERS, type: "supergroup", title: "Lãnh đạo tỉnh" });
  await touchChat(h.db.prisma, { chatId: BigInt(LEADERS), type: "supergroup", title: "Lãnh đạo tỉnh" });
  await bindChat(h.db.prisma, BigInt(LEADERS), "leaders", "TN");
});
afterEach(async () => h?.stop());

async function say(text: string, chatId = UNIT, replyToMessageId?: number) {
  const before = h.emu.botMessages(chatId).length;
  h.emu.injectText({ chatId, fromId: OFFICER, text, ...(replyToMessageId ? { replyToMessageId } : {}) });
  const reply = (await h.emu.waitForMessages(chatId, before + 1)).at(-1);
  if (!reply?.text) throw new Error("no reply");
  return reply;
}

/** With the `u` flag a surrogate that is not part of a pair is a code point of category Cs. */
const wellFormed = (text: string | undefined) => text !== undefined && !/\p{Cs}/u.test(text);

/** `n` letters, then an emoji whose two UTF-16 halves straddle a cut at `n + 1`. */
const straddling = (letter: string, n: number) => `${letter.repeat(n)}${EMOJI}`;

describe("an emoji where the bot cuts what was typed", () => {
  it.each([
    ["/donvi", `/donvi ${straddling("a", 99)}`, STRANGER, "a".repeat(99)],
    ["/dangky", `/dangky ${straddling("X", 39)}`, STRANGER, "X".repeat(39)],
    ["/hoso", `/hoso ${straddling("H", 79)}`, UNIT, "H".repeat(79)],
    ["/xong with an unknown code", `/xong ${straddling("T", 59)}`, UNIT, "T".repeat(59)],
    ["/tinhtrang with an unknown indicator", `/tinhtrang ${straddling("c", 39)}`, LEADERS, "c".repeat(39)],
    ["/bieudo with an unknown indicator", `/bieudo ${straddling("c", 39)}`, LEADERS, "c".repeat(39)],
  ])("%s echoes whole characters only", async (_, text, chatId, kept) => {
    const reply = await say(text, chatId);
    expect(wellFormed(reply.text)).toBe(true);
    expect(reply.text).toContain(kept);
  });

  it("/xong with a long note marks the task done and keeps the note up to a whole character", async () => {
    const reply = await say(`/xong T-1 ${straddling("n", 999)}`);
    expect(reply.text).toContain("T-1");
    expect(wellFormed(reply.text)).toBe(true);
    const row = await h.db.prisma.taskOccurrence.findFirstOrThrow({ where: { taskCode: "T-1" } });
    expect(row.doneAt).not.toBeNull();
    expect(row.note).toBe("n".repeat(999));
  });

  it("a long evidence note in reply to the prompt is kept up to a whole character", async () => {
    const prompt = await say("/xong T-1");
    const saved = await say(straddling("m", 999), UNIT, prompt.message_id);
    expect(saved.text).toContain("Đã lưu ghi chú minh chứng");
    const row = await h.db.prisma.taskOccurrence.findFirstOrThrow({ where: { taskCode: "T-1" } });
    expect(row.note).toBe("m".repeat(999));
  });
});
