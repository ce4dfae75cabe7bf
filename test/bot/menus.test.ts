/**
 * Command menus scoped per chat kind and role (src/services/menus/): what each person sees in
 * each chat, read from the emulator by Telegram's order of scopes (src/emulator/menus.ts).
 * A unit group shows no leader or administrator command; an administrator's tools show only in
 * an administrator's private chat; a failed menu never fails the update that caused it.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bindChat, touchChat } from "../../src/db/repos/chats.js";
import { grantRole } from "../../src/db/repos/people.js";
import { createLogger } from "../../src/logger.js";
import { MENUS } from "../../src/messages/menus.js";
import { createMenuPublisher } from "../../src/services/menus/publish.js";
import { publishAllMenus } from "../../src/services/menus/sweep.js";
import { ADMIN_ID, startHarness, TOKEN, type Harness } from "../helpers/harness.js";

const UNIT = -100501;
const LEADERS = -100502;
const HEAD = -100503;
const LOOSE = -100504;
const OLD_UNIT = -100505;
const OFFICER = 801;
const CHIEF = 802;
let h: Harness;

beforeEach(async () => {
  h = await startHarness();
  h.emu.addUser({ id: OFFICER, firstName: "Lan" });
  h.emu.addUser({ id: CHIEF, firstName: "Tâm", username: "tam_ld" });
  h.emu.addChat({ id: ADMIN_ID, type: "private", firstName: "Quản trị" });
  h.emu.addChat({ id: OFFICER, type: "private", firstName: "Lan" });
  h.emu.addChat({ id: CHIEF, type: "private", firstName: "Tâm" });
  for (const id of [UNIT, LEADERS, HEAD, LOOSE]) h.emu.addChat({ id, type: "supergroup", title: `Nhóm ${id}` });
});
afterEach(async () => h?.stop());

const names = (chatId: number, userId: number) => h.emu.menuFor(chatId, userId).map((c) => c.command);
const publishAtStart = () => publishAllMenus(h.deps, createMenuPublisher(h.bot.api, h.deps.logger));

/** `/dangky …` in the group, "✅ Duyệt" by the administrator, the group told. */
async function register(chatId: number, args: string) {
  const before = h.emu.botMessages(ADMIN_ID).length;
  h.emu.injectText({ chatId, fromId: OFFICER, text: `/dangky ${args}` });
  const request = (await h.emu.waitForMessages(ADMIN_ID, before + 1)).at(-1);
  await h.emu.pressButton({
    chatId: ADMIN_ID,
    messageId: request?.message_id ?? 0,
    fromId: ADMIN_ID,
    text: "✅ Duyệt",
  });
  await h.emu.waitFor(() => h.emu.botMessages(chatId).some((m) => m.text?.includes("đã được duyệt")));
}

describe("menus by chat kind", () => {
  it("each registered group gets its kind's menu; unit groups show no leader or administrator command", async () => {
    await publishAtStart();
    await register(UNIT, "TN-X1");
    await register(LEADERS, "lanhdao TN-H1");
    await register(HEAD, "thutruong TN-STP");
    await h.emu.waitFor(() => names(HEAD, OFFICER).includes("nguoiduyet"), { label: "head menu set" });

    const unit = names(UNIT, OFFICER);
    expect(unit).toEqual(MENUS.unit.map((c) => c.command));
    for (const c of ["bieudo", "dsquahan", "capquyen", "thuquyen", "quyen", "dangky"]) expect(unit).not.toContain(c);
    // An administrator in a unit group sees the unit's menu too: their tools are in their private chat.
    expect(names(UNIT, ADMIN_ID)).not.toContain("capquyen");

    expect(names(LEADERS, OFFICER)).toEqual(MENUS.leaders.map((c) => c.command));
    expect(names(LEADERS, OFFICER)).not.toContain("nop");
    expect(names(HEAD, OFFICER)).toEqual(MENUS.head.map((c) => c.command));
    expect(names(HEAD, OFFICER)).not.toContain("nop");

    expect(names(LOOSE, OFFICER)).toEqual(["dangky", "donvi", "help"]);
    expect(names(OFFICER, OFFICER)).toEqual(MENUS.private.map((c) => c.command));
    expect(names(OFFICER, OFFICER)).not.toContain("capquyen");
    expect(names(ADMIN_ID, ADMIN_ID)).toEqual(MENUS.privateAdmin.map((c) => c.command));
  });

  it("at start, groups registered before menus were scoped get theirs", async () => {
    h.emu.addChat({ id: OLD_UNIT, type: "supergroup", title: "Nhóm cũ" });
    await touchChat(h.db.prisma, { chatId: BigInt(OLD_UNIT), type: "supergroup", title: "Nhóm cũ" });
    await bindChat(h.db.prisma, BigInt(OLD_UNIT), "unit", "TN-X2");
    expect(await publishAtStart()).toEqual({ chats: 1, people: 1, failed: 0 });
    expect(names(OLD_UNIT, OFFICER)).toContain("nop");
  });
});

describe("menus by role", () => {
  it("a leader's private menu follows the grant, its undo and a revocation", async () => {
    await publishAtStart();
    h.emu.injectText({ chatId: CHIEF, fromId: CHIEF, text: "/id" });
    await h.emu.waitForMessages(CHIEF, 1);
    h.emu.injectText({ chatId: ADMIN_ID, fromId: ADMIN_ID, text: "/capquyen @tam_ld lanhdao" });
    const grant = (await h.emu.waitForMessages(ADMIN_ID, 1)).at(-1);
    await h.emu.waitFor(() => names(CHIEF, CHIEF).includes("bieudo"), { label: "leader menu" });
    expect(names(CHIEF, CHIEF)).toEqual(MENUS.privateLeader.map((c) => c.command));
    await h.emu.pressButton({ chatId: ADMIN_ID, messageId: grant?.message_id ?? 0, fromId: ADMIN_ID, text: "↩️ Huỷ" });
    await h.emu.waitFor(() => !names(CHIEF, CHIEF).includes("bieudo"), { label: "menu back to everyone's" });
    h.emu.injectText({ chatId: ADMIN_ID, fromId: ADMIN_ID, text: "/capquyen @tam_ld quantri" });
    await h.emu.waitFor(() => names(CHIEF, CHIEF).includes("capquyen"), { label: "admin menu" });
    h.emu.injectText({ chatId: ADMIN_ID, fromId: ADMIN_ID, text: "/thuquyen @tam_ld" });
    await h.emu.waitFor(() => !names(CHIEF, CHIEF).includes("capquyen"), { label: "admin menu gone" });
    expect(names(CHIEF, CHIEF)).toEqual(MENUS.private.map((c) => c.command));
  });
});

describe("a leader without a private chat with the bot", () => {
  const NEWCOMER = 803;

  it("has no menu to set (logged as information, not a warning) until /start there, which sets it", async () => {
    h.emu.addUser({ id: NEWCOMER, firstName: "Hà" });
    await grantRole(h.db.prisma, { telegramId: BigInt(NEWCOMER), role: "leader", grantedBy: BigInt(ADMIN_ID) });
    const lines: string[] = [];
    const logger = createLogger("info", [TOKEN], { write: (l: string) => void lines.push(l) });
    expect(await createMenuPublisher(h.bot.api, logger).publishPerson(BigInt(NEWCOMER), "leader")).toBe(false);
    const notSet = lines.map((l) => JSON.parse(l)).filter((l) => String(l.msg).startsWith("command menu not set"));
    expect(notSet.map((l) => [l.level, l.msg])).toEqual([
      [30, "command menu not set: no private chat with the bot yet"],
    ]);

    h.emu.addChat({ id: NEWCOMER, type: "private", firstName: "Hà" });
    h.emu.injectText({ chatId: NEWCOMER, fromId: NEWCOMER, text: "/start" });
    await h.emu.waitForMessages(NEWCOMER, 1);
    expect(names(NEWCOMER, NEWCOMER)).toEqual(MENUS.privateLeader.map((c) => c.command));
    // /help, asked again and again, sets nothing: the menu is set once, at /start.
    const sets = h.emu.calls("setMyCommands");
    h.emu.injectText({ chatId: NEWCOMER, fromId: NEWCOMER, text: "/help" });
    await h.emu.waitForMessages(NEWCOMER, 2);
    expect(h.emu.calls("setMyCommands")).toBe(sets);
  });
});

describe("a menu Telegram refuses", () => {
  it("does not stop the registration it follows", async () => {
    h.emu.faults.add({ method: "setMyCommands", times: 5, fault: { kind: "server_error" } });
    await register(UNIT, "TN-X1");
    expect(await h.db.prisma.chat.findUnique({ where: { chatId: BigInt(UNIT) } })).toMatchObject({ kind: "unit" });
    expect(h.emu.commands(`chat:${UNIT}:`)).toEqual([]);
  });

  it("is logged by scope, never with the token", async () => {
    const lines: string[] = [];
    const logger = createLogger("info", [TOKEN], { write: (l: string) => void lines.push(l) });
    h.emu.faults.add({ method: "setMyCommands", times: 3, fault: { kind: "network" } });
    await publishAllMenus(h.deps, createMenuPublisher(h.bot.api, logger));
    const failed = lines.filter((l) => l.includes("command menu not set"));
    expect(failed.length).toBeGreaterThan(0);
    expect(lines.join("\n")).not.toContain(TOKEN);
    expect(lines.join("\n")).not.toContain(TOKEN.split(":")[1]);
  });
});
