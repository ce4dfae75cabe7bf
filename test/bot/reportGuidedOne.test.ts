/**
 * The guided `/nop` of a unit that reports a single indicator: no indicator question (a choice of
 * one), straight to the month, the message naming the indicator; then the flow goes on as usual.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { bindChat, touchChat } from "../../src/db/repos/chats.js";
import { startHarness, type Harness } from "../helpers/harness.js";

const GROUP = -100171;
const OFFICER = 671;

let h: Harness;
let dir: string;
beforeEach(async () => {
  // The test directive with its second indicator (thanh-toan-truc-tuyen) taken out.
  dir = mkdtempSync(path.join(tmpdir(), "dondoc-one-indicator-"));
  const directive = readFileSync("test/fixtures/province.directive.yaml", "utf8")
    .replace(/ {2}- code: thanh-toan-truc-tuyen[\s\S]*?\n\n/, "")
    .replace(/.*indicator: thanh-toan-truc-tuyen.*\n/, "");
  const file = path.join(dir, "one.directive.yaml");
  writeFileSync(file, directive);
  h = await startHarness({ now: "2026-12-05T09:00:00+07:00", files: ["test/fixtures/province.units.yaml", file] });
  h.emu.addUser({ id: OFFICER, firstName: "Lan" });
  h.emu.addChat({ id: GROUP, type: "supergroup", title: "Phường Đức Xuân" });
  await touchChat(h.db.prisma, { chatId: BigInt(GROUP), type: "supergroup", title: "Phường Đức Xuân" });
  await bindChat(h.db.prisma, BigInt(GROUP), "unit", "TN-X1");
});
afterEach(async () => {
  await h?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it("/nop alone asks for the month at once, naming the one indicator, and the flow goes on to the figures", async () => {
  const before = h.emu.botMessages(GROUP).length;
  h.emu.injectText({ chatId: GROUP, fromId: OFFICER, text: "/nop" });
  const ask = (await h.emu.waitForMessages(GROUP, before + 1)).at(-1);
  if (!ask) throw new Error("no question");
  expect(ask.text).toContain("Phường Đức Xuân báo cáo một chỉ tiêu: Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến.");
  expect(ask.text).toContain("Báo cáo tháng nào?");
  expect(ask.text).not.toContain("chọn chỉ tiêu");
  expect(ask.reply_markup?.inline_keyboard.flat().map((b) => b.text)).toEqual([
    "Tháng này (12/2026)",
    "Tháng trước (11/2026)",
    "Huỷ",
  ]);

  const count = h.emu.botMessages(GROUP).length;
  await h.emu.pressButton({ chatId: GROUP, messageId: ask.message_id, fromId: OFFICER, text: "Tháng này (12/2026)" });
  const prompt = (await h.emu.waitForMessages(GROUP, count + 1)).at(-1);
  expect(prompt?.text).toContain("hai số: tổng, rồi hồ sơ trực tuyến tháng 12/2026");
  expect(h.emu.message(GROUP, ask.message_id)?.text).toContain("tháng 12/2026. Gửi số liệu ở tin nhắn dưới.");
});
