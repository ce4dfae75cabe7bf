/**
 * The world of the dossier e2e tests (docs/DOSSIERS.md): the real bot with the dossier feature, the
 * emulator, a unit chat (Phường Đức Xuân), another unit's chat, the unit head's chat and a
 * leaders' chat; helpers to talk, upload, press and run the jobs at a given day.
 */
import type { Middleware } from "grammy";
import type { BotContext } from "../../src/bot/context.js";
import ExcelJS from "exceljs";
import type { Message } from "grammy/types";
import PizZip from "pizzip";
import { dossiersFeature } from "../../src/bot/features/dossiers.js";
import { parseConfig } from "../../src/config.js";
import { bindChat, touchChat, type ChatKind } from "../../src/db/repos/chats.js";
import { createRegistration, recordDecision } from "../../src/db/repos/registrations.js";
import { createJobs, jobsNamed } from "../../src/jobs/index.js";
import { ADMIN_ID, startHarness, type Harness } from "../helpers/harness.js";
import { DOSSIER_EXPORT_HEADER } from "../ingest/fixtures.js";

export const UNIT = -100101;
export const OTHER = -100102;
export const HEAD = -100201;
export const LEADERS = -100301;
export const OFFICER = 501;
export const OTHER_OFFICER = 502;
export const HEAD_USER = 601;
export const LEADER = 701;

/** The export's usual columns plus the officer who handles the dossier. */
export const HEADER = [...DOSSIER_EXPORT_HEADER, "Cán bộ xử lý"];
export type Cell = string | number | null;

/** A row of a typical one-stop export; `over` replaces columns by header name. */
export function row(code: string, over: Partial<Record<string, Cell>> = {}): Cell[] {
  const base: Record<string, Cell> = {
    STT: 1,
    "Đơn vị tiếp nhận": "UBND Phường Đức Xuân",
    "Tên thủ tục hành chính": "Đăng ký khai sinh",
    "Mã hồ sơ": code,
    "Trạng thái": "Đang xử lý",
    "Địa chỉ": "Số 5, khu phố 3",
    "Người nộp": "Nguyễn Văn A",
    "Chủ hồ sơ": "Trần Thị B",
    "Ngày nộp hồ sơ": "20/11/2026 08:00",
    "Ngày nhận": "20/11/2026 08:15",
    "Ngày hẹn trả": "27/11/2026",
    "Ngày kết thúc xử lý": null,
    "Cán bộ xử lý": "Phạm Văn D",
    ...over,
  };
  return HEADER.map((h) => base[h] ?? null);
}

/** An export with the title rows one-stop systems print above the header. */
export async function exportXlsx(rows: Cell[][], header: string[] = HEADER): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Danh sách");
  ws.addRow(["DANH SÁCH HỒ SƠ"]);
  ws.addRow(["Từ ngày 01/11/2026 đến ngày 30/11/2026"]);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function exportCsv(rows: Cell[][]): Buffer {
  const quote = (c: Cell) => `"${String(c ?? "").replace(/"/g, '""')}"`;
  return Buffer.from([HEADER, ...rows].map((r) => r.map(quote).join(",")).join("\r\n"), "utf8");
}

/** word/document.xml of a .docx, with Word's run splits removed so filled fields read whole. */
export function docxText(bytes: Buffer): string {
  const xml = new PizZip(bytes).file("word/document.xml")?.asText() ?? "";
  return xml
    .replace(/<w:tab\/>/g, " ")
    .replace(/<\/w:p>/g, "\n")
    .replace(/<[^>]+>/g, "");
}

export type World = Awaited<ReturnType<typeof startWorld>>;

export async function startWorld(now: string, more: Middleware<BotContext>[] = []) {
  const h: Harness = await startHarness({ now, extraFeatures: [dossiersFeature, ...more] });
  h.emu.addUser({ id: OFFICER, firstName: "Lan" });
  h.emu.addUser({ id: OTHER_OFFICER, firstName: "Minh" });
  h.emu.addUser({ id: HEAD_USER, firstName: "Hùng" });
  h.emu.addUser({ id: LEADER, firstName: "Tâm" });
  const chats: [number, string, ChatKind, string][] = [
    [UNIT, "Phường Đức Xuân - Một cửa", "unit", "TN-X1"],
    [OTHER, "Xã Nông Thượng", "unit", "TN-X2"],
    [HEAD, "Chủ tịch phường Đức Xuân", "head", "TN-X1"],
    [LEADERS, "Lãnh đạo huyện Đông Anh", "leaders", "TN-H1"],
  ];
  for (const [id, title, kind, unit] of chats) {
    h.emu.addChat({ id, type: "supergroup", title });
    await touchChat(h.db.prisma, { chatId: BigInt(id), type: "supergroup", title });
    await bindChat(h.db.prisma, BigInt(id), kind, unit);
  }
  // The heads' chat was registered by its head (`/dangky thutruong TN-X1`, approved): Hùng approves.
  // Stored as production stores the request and its decision; no approver row, so the head counts through
  // the registration itself (listApprovers' fallback for chats registered before approvers were recorded).
  const registration = await createRegistration(h.db.prisma, {
    chatId: BigInt(HEAD),
    unitCode: "TN-X1",
    kind: "head",
    requestedBy: BigInt(HEAD_USER),
  });
  await recordDecision(h.db.prisma, {
    registration,
    approved: true,
    decidedBy: BigInt(ADMIN_ID),
    decidedAt: h.clock.now(),
  });
  h.emu.setMemberStatus(HEAD, HEAD_USER, "member");
  h.emu.addChat({ id: ADMIN_ID, type: "private" });
  const config = parseConfig({});
  const [sweepJob, lateJob] = jobsNamed(createJobs(h.services, config), "overdue-sweep", "late-list");
  const count = (chatId: number) => h.emu.botMessages(chatId).length;

  async function say(text: string, chatId = UNIT, fromId = OFFICER, replyToMessageId?: number): Promise<Message> {
    const before = count(chatId);
    h.emu.injectText({ chatId, fromId, text, ...(replyToMessageId ? { replyToMessageId } : {}) });
    const msgs = await h.emu.waitForMessages(chatId, before + 1);
    const last = msgs[msgs.length - 1];
    if (!last) throw new Error("no reply");
    return last;
  }

  /** `/nhaphoso`, then the file in reply to the bot's prompt; returns the bot's answer. */
  async function upload(bytes: Buffer, fileName = "ds-ho-so.xlsx", chatId = UNIT, fromId = OFFICER): Promise<Message> {
    const prompt = await say("/nhaphoso", chatId, fromId);
    const before = count(chatId);
    h.emu.injectDocument({ chatId, fromId, fileName, bytes, replyToMessageId: prompt.message_id });
    const msgs = await h.emu.waitForMessages(chatId, before + 1);
    const last = msgs[msgs.length - 1];
    if (!last) throw new Error("no reply");
    // The answer is sent from the file's detached work, before its update is marked handled. Tests
    // may move the clock a day on next: the abandoned-update sweep leaves an update this process still
    // handles alone (src/bot/abandonedUpdates.ts, test/bot/updatesInHand.test.ts), so no wait here.
    return last;
  }

  /** Presses a button by its text on a message and waits for `expect` more bot messages in `chatId`. */
  async function press(chatId: number, message: Message, text: string, fromId: number, expect = 1) {
    const before = count(chatId);
    const answer = await h.emu.pressButton({ chatId, messageId: message.message_id, fromId, text });
    const msgs = expect > 0 ? await h.emu.waitForMessages(chatId, before + expect) : [];
    return { answer, messages: msgs.slice(before) };
  }

  /** Runs the daily sweep as if fired at 08:30 on `day`, then waits for the outbox to drain. */
  async function sweep(day: string) {
    h.clock.set(`${day}T08:30:00+07:00`);
    const fireTime = h.clock.now();
    const detail = await sweepJob?.run({ fireTime, now: fireTime });
    await drained();
    return detail;
  }

  async function lateList(day: string) {
    h.clock.set(`${day}T09:00:00+07:00`);
    const fireTime = h.clock.now();
    const detail = await lateJob?.run({ fireTime, now: fireTime });
    await drained();
    return detail;
  }

  async function drained(): Promise<void> {
    h.deps.kickDelivery();
    for (let i = 0; i < 400; i++) {
      const left = await h.db.prisma.outboxMessage.count({ where: { status: { in: ["pending", "sending"] } } });
      if (left === 0) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const bad = await h.db.prisma.outboxMessage.findMany({ where: { status: { notIn: ["sent"] } } });
    if (bad.length > 0)
      throw new Error(
        `outbox not delivered: ${bad.map((b) => `${b.dedupKey} ${b.status} ${b.lastError ?? ""}`).join("; ")}`,
      );
  }

  return { h, say, upload, press, sweep, lateList, drained, count, stop: () => h.stop() };
}
