/**
 * `/chiso` shows in the menus and the help only where a scored index is loaded, beside
 * `/tinhtrang`; the help still names only commands of its menu, in at most 9 lines.
 */
import { describe, expect, it } from "vitest";
import { parseHtml } from "../../src/emulator/html.js";
import { helpTexts } from "../../src/messages/help.js";
import { MENUS, menuOf, type MenuKind } from "../../src/messages/menus.js";

const plain = (html: string) => parseHtml(html).text;
const commandsIn = (html: string) => [...new Set([...plain(html).matchAll(/\/([a-z]+)/g)].map((m) => m[1]))];

describe("menus with a scored index", () => {
  it.each<MenuKind>(["unit", "leaders", "head", "privateLeader", "privateAdmin"])(
    "%s: /chiso right after /tinhtrang",
    (kind) => {
      const names = menuOf(kind, { index: true }).map((c) => c.command);
      expect(names.indexOf("chiso")).toBe(names.indexOf("tinhtrang") + 1);
      expect(menuOf(kind, { index: false })).toBe(MENUS[kind]);
      expect(MENUS[kind].map((c) => c.command)).not.toContain("chiso");
    },
  );

  it.each<MenuKind>(["default", "private", "group"])("%s: never /chiso (nothing to score there)", (kind) => {
    expect(menuOf(kind, { index: true }).map((c) => c.command)).not.toContain("chiso");
  });

  it.each<[string, string, MenuKind]>([
    ["unit", helpTexts.unitGroup("X", "X", true), "unit"],
    ["leaders", helpTexts.leadersGroup("X", "X", true), "leaders"],
    ["head", helpTexts.headGroup("X", "X", true), "head"],
  ])("%s help with an index names /chiso, only commands of its menu, ≤ 9 lines", (_k, text, kind) => {
    const menu = menuOf(kind, { index: true }).map((c) => c.command);
    expect(commandsIn(text)).toContain("chiso");
    for (const c of commandsIn(text)) expect(menu).toContain(c);
    expect(plain(text).split("\n").length).toBeLessThanOrEqual(9);
  });

  it("without an index the help does not name /chiso", () => {
    expect(helpTexts.unitGroup("X", "X")).not.toContain("/chiso");
    expect(helpTexts.leadersGroup("X", "X")).not.toContain("/chiso");
  });
});
