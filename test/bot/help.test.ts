/**
 * `/help` and `/start` per kind of chat and role (src/bot/features/start.ts): each names only
 * commands that answer there — the same as that chat's command menu — and says what to do next.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bindChat, touchChat } from "../../src/db/repos/chats.js";
import { parseHtml } from "../../src/emulator/html.js";
import { helpTexts } from "../../src/messages/help.js";
import { MENUS, type MenuKind } from "../../src/messages/menus.js";
import { ADMIN_ID, startHarness, type Harness } from "../helpers/harness.js";

const UNIT = -100601;
const LEADERS = -100602;
const HEAD = -100603;
const LOOSE = -100604;
const OFFICER = 901;
const LEADER = 902;
let h: Harness;

const plain = (html: string) => parseHtml(html).text;

beforeEach(async () => {
  h = await startHarness();
  h.emu.addUser({ id: OFFICER, firstName: "Lan" });
  h.emu.addUser({ id: LEADER, firstName: "Tâm" });
  h.emu.addChat({ id: ADMIN_ID, type: "private", firstName: "Quản trị" });
  h.emu.addChat({ id: OFFICER, type: "private", firstName: "Lan" });
  h.emu.addChat({ id: LEADER, type: "private", firstName: "Tâm" });
  const bound: [number, "unit" | "leaders" | "head", string][] = [
    [UNIT, "unit", "TN-X1"],
    [LEADERS, "leaders", "TN-H1"],
    [HEAD, "head", "TN-STP"],
  ];
  for (const [id, kind, unit] of bound) {
    h.emu.addChat({ id, type: "supergroup", title: `Nhóm ${kind}` });
    await touchChat(h.db.prisma, { chatId: BigInt(id), type: "supergroup", title: `Nhóm ${kind}` });
    await bindChat(h.db.prisma, BigInt(id), kind, unit);
  }
  h.emu.addChat({ id: LOOSE, type: "supergroup", title: "Nhóm mới" });
  await h.db.prisma.person.create({
    data: { telegramId: BigInt(LEADER), role: "leader", grantedBy: BigInt(ADMIN_ID) },
  });
});
afterEach(async () => h?.stop());

async function help(chatId: number, fromId: number, text = "/help") {
  const before = h.emu.botMessages(chatId).length;
  h.emu.injectText({ chatId, fromId, text });
  return (await h.emu.waitForMessages(chatId, before + 1)).at(-1)?.text ?? "";
}

describe("/help answers for the chat it is asked in", () => {
  it.each([
    ["unit group", UNIT, OFFICER, helpTexts.unitGroup("Phường Đức Xuân", "TN-X1")],
    ["leaders' group", LEADERS, OFFICER, helpTexts.leadersGroup("UBND huyện Đông Anh", "TN-H1")],
    ["head's group", HEAD, OFFICER, helpTexts.headGroup("Sở Tư pháp", "TN-STP")],
    ["unregistered group", LOOSE, OFFICER, helpTexts.unregisteredGroup],
    ["officer, private", OFFICER, OFFICER, helpTexts.privateWelcome],
    ["leader, private", LEADER, LEADER, helpTexts.privateLeader],
    ["administrator, private", ADMIN_ID, ADMIN_ID, helpTexts.privateAdmin],
    [
      "administrator, unit group",
      UNIT,
      ADMIN_ID,
      helpTexts.unitGroup("Phường Đức Xuân", "TN-X1") + helpTexts.adminInGroup,
    ],
  ])("%s", async (_who, chatId, fromId, expected) => {
    expect(await help(chatId, fromId)).toBe(plain(expected));
    expect(await help(chatId, fromId, "/start")).toBe(plain(expected));
  });

  it("the heads' group help is about the heads' work, not registration", async () => {
    const text = await help(HEAD, OFFICER);
    expect(text).toContain("/nguoiduyet");
    expect(text).not.toContain("/dangky");
    expect(text).not.toContain("/nop");
  });
});

/** Every command a group's help names is in that group's menu: the help lists only what works there. */
describe("help texts and menus agree", () => {
  const commandsIn = (html: string) => [...new Set([...plain(html).matchAll(/\/([a-z]+)/g)].map((m) => m[1]))];
  it.each<[string, string, MenuKind]>([
    ["unit", helpTexts.unitGroup("X", "X"), "unit"],
    ["leaders", helpTexts.leadersGroup("X", "X"), "leaders"],
    ["head", helpTexts.headGroup("X", "X"), "head"],
    ["unregistered", helpTexts.unregisteredGroup, "group"],
    ["administrator, private", helpTexts.privateAdmin, "privateAdmin"],
  ])("%s", (_kind, text, menu) => {
    const menuCommands = MENUS[menu].map((c) => c.command);
    for (const c of commandsIn(text)) expect(menuCommands).toContain(c);
    expect(plain(text).split("\n").length).toBeLessThanOrEqual(9);
  });
});
