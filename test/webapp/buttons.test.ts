/**
 * The dashboard's buttons in the bot's flows, through the Bot API emulator: /bangdieukhien per chat
 * kind, under /tinhtrang and the weekly digest in a leaders' chat. In a group the button is a link
 * to the Main Mini App naming the chat; in a private chat a `web_app` button (Telegram allows it
 * only there, and the emulator refuses it elsewhere, as Telegram does).
 */
import type { InlineKeyboardButton, Message } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bindChat, touchChat } from "../../src/db/repos/chats.js";
import { runWeeklyDigest } from "../../src/jobs/weeklyDigest.js";
import { parseHtml } from "../../src/emulator/html.js";
import { dashboardTexts } from "../../src/messages/dashboard.js";
import { ADMIN_ID, startHarness, type Harness } from "../helpers/harness.js";

const UNIT = -100701;
const LEADERS = -100702;
const HEAD = -100703;
const LOOSE = -100704;
const OFFICER = 801;
const LEADER = 802;
const LINK = { appUrl: "https://dondoc.example.gov.vn", botUsername: "dondoc_test_bot" };
let h: Harness;

beforeEach(async () => {
  h = await startHarness();
  h.emu.addUser({ id: OFFICER, firstName: "Lan" });
  h.emu.addUser({ id: LEADER, firstName: "Tâm" });
  h.emu.addChat({ id: OFFICER, type: "private", firstName: "Lan" });
  h.emu.addChat({ id: LEADER, type: "private", firstName: "Tâm" });
  h.emu.addChat({ id: ADMIN_ID, type: "private", firstName: "Quản trị" });
  for (const [id, kind, unit] of [
    [UNIT, "unit", "TN-X1"],
    [LEADERS, "leaders", "TN"],
    [HEAD, "head", "TN-H1"],
  ] as const) {
    h.emu.addChat({ id, type: "supergroup", title: `Nhóm ${kind}` });
    await touchChat(h.db.prisma, { chatId: BigInt(id), type: "supergroup", title: `Nhóm ${kind}` });
    await bindChat(h.db.prisma, BigInt(id), kind, unit);
  }
  h.emu.addChat({ id: LOOSE, type: "supergroup", title: "Nhóm mới" });
  await h.db.prisma.person.create({
    data: { telegramId: BigInt(LEADER), role: "leader", grantedBy: BigInt(ADMIN_ID) },
  });
  h.deps.dashboardLink = () => LINK;
});
afterEach(async () => h?.stop());

async function say(text: string, chatId: number, fromId: number): Promise<Message> {
  const before = h.emu.botMessages(chatId).length;
  h.emu.injectText({ chatId, fromId, text });
  const last = (await h.emu.waitForMessages(chatId, before + 1)).at(-1);
  if (!last) throw new Error("no answer");
  return last;
}
const buttons = (m: Message | undefined): InlineKeyboardButton[] => m?.reply_markup?.inline_keyboard.flat() ?? [];
const dashboardOf = (m: Message | undefined) => buttons(m).find((b) => b.text === dashboardTexts.button);
const urlOf = (b: InlineKeyboardButton | undefined) => (b && "url" in b ? b.url : undefined);

describe("/bangdieukhien", () => {
  it.each([
    ["leaders' chat", LEADERS, OFFICER, "c-100702"],
    ["unit chat", UNIT, OFFICER, "c-100701"],
    ["heads' chat", HEAD, OFFICER, "c-100703"],
  ])("in a %s: a link to the bot's Main Mini App naming the chat", async (_kind, chat, from, param) => {
    const m = await say("/bangdieukhien", chat, from);
    expect(dashboardOf(m)).toEqual({
      text: dashboardTexts.button,
      url: `https://t.me/dondoc_test_bot?startapp=${param}`,
    });
  });

  it("in a leader's private chat: a web_app button to the page", async () => {
    const m = await say("/bangdieukhien", LEADER, LEADER);
    expect(m.text).toBe(parseHtml(dashboardTexts.open(dashboardTexts.allWhat)).text);
    expect(dashboardOf(m)).toEqual({
      text: dashboardTexts.button,
      web_app: { url: "https://dondoc.example.gov.vn/app" },
    });
  });

  it("an officer's private chat and an unregistered group get where it opens from, no button", async () => {
    for (const [chat, from] of [
      [OFFICER, OFFICER],
      [LOOSE, OFFICER],
    ] as const) {
      const m = await say("/bangdieukhien", chat, from);
      expect(m.text).toBe(dashboardTexts.notHere);
      expect(dashboardOf(m)).toBeUndefined();
    }
  });

  it("with the Mini App off: says so, no button", async () => {
    h.deps.dashboardLink = () => null;
    const m = await say("/bangdieukhien", LEADERS, OFFICER);
    expect(m.text).toBe(parseHtml(dashboardTexts.off).text);
    expect(buttons(m)).toEqual([]);
  });
});

describe("the button rides on the leaders' answers", () => {
  it("/tinhtrang in a leaders' chat carries it; in a unit chat it does not", async () => {
    expect(urlOf(dashboardOf(await say("/tinhtrang", LEADERS, OFFICER)))).toBe(
      "https://t.me/dondoc_test_bot?startapp=c-100702",
    );
    expect(dashboardOf(await say("/tinhtrang", UNIT, OFFICER))).toBeUndefined();
  });

  it("the weekly digest in a leaders' chat ends with it", async () => {
    await runWeeklyDigest(h.services, { fireTime: h.clock.now(), now: h.clock.now() });
    await h.idle();
    const withButton = h.emu.botMessages(LEADERS).filter((m) => dashboardOf(m));
    // The messages themselves, so a failure shows what was sent. (On PostgreSQL the whole digest
    // once came twice: the harness's worker had no dialect, so its loop and idle()'s drainOnce
    // could claim the same rows; instances.test.ts now pins that.)
    expect(withButton.map((m) => `${m.message_id}: ${(m.text ?? m.caption ?? "").slice(0, 80)}`)).toHaveLength(1);
    expect(urlOf(buttons(withButton[0]).at(-1))).toBe("https://t.me/dondoc_test_bot?startapp=c-100702");
  });
});

describe("the emulator refuses what Telegram refuses", () => {
  it("a web_app button in a group is BUTTON_TYPE_INVALID; in a private chat it is sent", async () => {
    const markup = { inline_keyboard: [[{ text: "x", web_app: { url: "https://a.example/app" } }]] };
    const err = await h.bot.api.sendMessage(LEADERS, "x", { reply_markup: markup }).catch((e: unknown) => e);
    expect(String(err)).toContain("BUTTON_TYPE_INVALID");
    await expect(h.bot.api.sendMessage(LEADER, "x", { reply_markup: markup })).resolves.toBeDefined();
  });

  it("a url button that is not http(s) or tg: is BUTTON_URL_INVALID", async () => {
    const markup = { inline_keyboard: [[{ text: "x", url: "javascript:alert(1)" }]] };
    const err = await h.bot.api.sendMessage(LEADERS, "x", { reply_markup: markup }).catch((e: unknown) => e);
    expect(String(err)).toContain("BUTTON_URL_INVALID");
  });
});
