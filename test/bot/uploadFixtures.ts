/** Workbooks and world set-up for the upload e2e tests (built with exceljs, as offices' files are). */
import ExcelJS from "exceljs";
import { expect } from "vitest";
import { bindChat, touchChat } from "../../src/db/repos/chats.js";
import { installText } from "../../src/services/directives/install.js";
import { ADMIN_ID, startHarness, type Harness } from "../helpers/harness.js";
import { uploadFeature } from "../../src/bot/features/upload.js";

export const GROUP = -100101;
export const OFFICER = 501;
export const OTHER_OFFICER = 502;
export const FIGURE_HEADERS = ["Mã đơn vị", "Tên đơn vị", "Mã chỉ tiêu", "Kỳ báo cáo (tháng/năm)", "Tử số", "Mẫu số"];

/** The one-stop report feeds `hs-dung-han`, which the base fixture directive does not assign. */
const ON_TIME_DIRECTIVE = `
id: thu-nghiem-02-ct-2026
number: 02/CT-UBND
kind: chi-thi
issuer: UBND tỉnh Thử Nghiệm
issuingUnit: TN
issuedOn: 01/02/2026
title: Thử nghiệm giải quyết hồ sơ đúng hạn
tiers:
  - { code: xa, name: UBND cấp xã }
indicators:
  - code: hs-dung-han
    name: Tỷ lệ hồ sơ giải quyết đúng hạn
    shortName: hồ sơ đúng hạn
milestones:
  - { indicator: hs-dung-han, scope: { tiers: [xa] }, deadline: 31/12/2026, target: 90, comparison: atLeast }
reporting: { cadence: monthly, day: 25 }
`;

export async function startUploadWorld(): Promise<Harness> {
  const h = await startHarness({ now: "2026-11-20T09:00:00+07:00", extraFeatures: [uploadFeature] });
  const r = await installText(h.db.prisma, ON_TIME_DIRECTIVE, "yaml");
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  await h.deps.catalog.reload();
  h.emu.addUser({ id: OFFICER, firstName: "Lan" });
  h.emu.addUser({ id: OTHER_OFFICER, firstName: "Hùng" });
  h.emu.addChat({ id: GROUP, type: "supergroup", title: "Phường Đức Xuân - Một cửa" });
  h.emu.addChat({ id: ADMIN_ID, type: "private", firstName: "Quản trị" });
  await touchChat(h.db.prisma, { chatId: BigInt(GROUP), type: "supergroup", title: "Phường Đức Xuân - Một cửa" });
  await bindChat(h.db.prisma, BigInt(GROUP), "unit", "TN-X1");
  return h;
}

export async function workbook(build: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet("Số liệu"));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Header on row 1, data from row 2: row i of `rows` is Excel row i + 2. */
export const figuresFile = (rows: readonly (string | number)[][]) =>
  workbook((ws) => {
    ws.addRow(FIGURE_HEADERS);
    for (const r of rows) ws.addRow(r);
  });

export type OneStopUnitRow = [
  name: string,
  received: number,
  online: number,
  processed: number,
  early: number,
  onTime: number,
  late: number,
];

/** The one-stop system's export: title, period line, two-row merged header, units, total. */
export const oneStopFile = (periodLine: string | null, units: readonly OneStopUnitRow[]) =>
  workbook((ws) => {
    ws.addRow(["BÁO CÁO THỐNG KÊ TÌNH HÌNH TIẾP NHẬN VÀ GIẢI QUYẾT HỒ SƠ"]);
    ws.addRow([periodLine ?? "Đơn vị báo cáo: Văn phòng UBND tỉnh"]);
    ws.addRow(["STT", "Đơn vị", "Tiếp nhận", null, null, "Đã xử lý", null, null, null]);
    ws.addRow([null, null, "Tổng số", "Qua mạng", "Qua BCCI", "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn"]);
    ws.mergeCells("A3:A4");
    ws.mergeCells("B3:B4");
    ws.mergeCells("C3:E3");
    ws.mergeCells("F3:I3");
    units.forEach(([name, received, online, processed, early, onTime, late], i) =>
      ws.addRow([i + 1, name, received, online, 0, processed, early, onTime, late]),
    );
    ws.addRow([null, "Tổng cộng", ...[1, 2, 4, 5, 6].map((k) => units.reduce((s, u) => s + Number(u[k]), 0))]);
  });

/** Sends a document and returns the bot's messages that follow (waits for `expect` of them). */
export async function sendFile(
  h: Harness,
  input: {
    chatId: number;
    fromId: number;
    fileName: string;
    bytes: Buffer;
    caption?: string;
    replyToMessageId?: number;
  },
  expectReplies = 1,
) {
  const before = h.emu.botMessages(input.chatId).length;
  const result = h.emu.injectDocument(input);
  expect(result.delivered).toBe(true);
  const msgs = await h.emu.waitForMessages(input.chatId, before + expectReplies, 15_000);
  return msgs.slice(before);
}

export async function say(h: Harness, chatId: number, fromId: number, text: string, replyToMessageId?: number) {
  const before = h.emu.botMessages(chatId).length;
  h.emu.injectText({ chatId, fromId, text, ...(replyToMessageId ? { replyToMessageId } : {}) });
  const msgs = await h.emu.waitForMessages(chatId, before + 1);
  return msgs[msgs.length - 1];
}

/** The inline button's callback_data with this visible text. */
export function buttonData(
  message: { reply_markup?: { inline_keyboard: { text: string }[][] } } | undefined,
  text: string,
): string {
  const button = message?.reply_markup?.inline_keyboard.flat().find((b) => b.text === text);
  return button && "callback_data" in button && typeof button.callback_data === "string" ? button.callback_data : "";
}

/** Figures as stored, compact and ordered, for DB assertions. */
export async function storedFigures(h: Harness): Promise<string[]> {
  const rows = await h.db.prisma.figure.findMany({
    orderBy: [{ unitCode: "asc" }, { indicatorCode: "asc" }, { period: "asc" }],
  });
  return rows.map((f) => `${f.unitCode} ${f.indicatorCode} ${f.period} ${f.numerator}/${f.denominator} ${f.source}`);
}
