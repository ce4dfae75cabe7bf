/**
 * `/chiso` joins the menus when an administrator loads the first scored index through the bot
 * (src/services/menus/indexMenus.ts): every registered chat's menu is set again, not only chats
 * registered afterwards or after the next start.
 */
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, expect, it } from "vitest";
import { createMenuPublisher } from "../../src/services/menus/publish.js";
import { publishAllMenus } from "../../src/services/menus/sweep.js";
import { ADMIN_ID, type Harness } from "../helpers/harness.js";
import { buttonTexts, sendYaml, startDirectivesWorld, UNIT_CHAT } from "./directivesWorld.js";

const OFFICER = 612;
let h: Harness;
beforeEach(async () => {
  h = await startDirectivesWorld();
  h.emu.addUser({ id: OFFICER, firstName: "Lan" });
});
afterEach(async () => h?.stop());

const names = () => h.emu.menuFor(UNIT_CHAT, OFFICER).map((c) => c.command);

it("the unit group's menu gains /chiso once the QĐ 766 index is applied", async () => {
  const hasIndex = () => h.deps.catalog.get().indices.length > 0;
  await publishAllMenus(h.deps, createMenuPublisher(h.bot.api, h.deps.logger, hasIndex));
  expect(names()).toContain("tinhtrang");
  expect(names()).not.toContain("chiso");
  const preview = await sendYaml(
    h,
    readFileSync("directives/indices/qd-766-ttg-2022.yaml", "utf8"),
    ADMIN_ID,
    "766.yaml",
  );
  if (buttonTexts(preview).includes("✅ Áp dụng"))
    await h.emu.pressButton({
      chatId: ADMIN_ID,
      messageId: preview?.message_id ?? 0,
      fromId: ADMIN_ID,
      text: "✅ Áp dụng",
    });
  await h.emu.waitFor(() => names().includes("chiso"), { timeoutMs: 10_000, label: "unit menu with /chiso" });
  expect(names().indexOf("chiso")).toBe(names().indexOf("tinhtrang") + 1);
  await h.idle();
});
