/**
 * Every command in every kind of chat, by every kind of person: the bot answers each, changes
 * only what that person may change there, and never shows a unit's dossier outside that unit.
 * A tester's matrix of about 180 command × role cells found no unauthorised action or leak;
 * this keeps it so. Each cell is judged by what changed in the database between just before
 * and just after it, and by the words the bot sent.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_ID } from "../helpers/harness.js";
import {
  exportXlsx,
  HEAD,
  HEAD_USER,
  LEADER,
  LEADERS,
  OFFICER,
  OTHER,
  OTHER_OFFICER,
  row,
  startWorld,
  UNIT,
  type World,
} from "./dossiersWorld.js";

const STRANGER = 611;
const LOOSE_GROUP = -100999;
/**
 * A dossier of Phường Đức Xuân (UNIT). Its personal data (applicant, address) may be seen in UNIT
 * and HEAD only; leaders see its code, procedure and lateness, which name nobody.
 */
const CODE = "000.00.07.H12-261120-0099";
const APPLICANT = "Nông Thị Hoa";
const PROCEDURE = "Cấp bản sao trích lục hộ tịch";
const PERSONAL = [APPLICANT, "Số 5, khu phố 3"];

type Cell = { who: string; chatId: number; fromId: number };
const CELLS: Cell[] = [
  { who: "người lạ, nhắn riêng", chatId: STRANGER, fromId: STRANGER },
  { who: "quản trị, nhắn riêng", chatId: ADMIN_ID, fromId: ADMIN_ID },
  { who: "cán bộ, nhóm đơn vị", chatId: UNIT, fromId: OFFICER },
  { who: "cán bộ đơn vị khác, nhóm của mình", chatId: OTHER, fromId: OTHER_OFFICER },
  { who: "thủ trưởng, nhóm thủ trưởng", chatId: HEAD, fromId: HEAD_USER },
  { who: "cán bộ, nhóm thủ trưởng", chatId: HEAD, fromId: OFFICER },
  { who: "lãnh đạo, nhóm lãnh đạo", chatId: LEADERS, fromId: LEADER },
  { who: "người lạ, nhóm chưa đăng ký", chatId: LOOSE_GROUP, fromId: STRANGER },
];

const COMMANDS = [
  "/start",
  "/help",
  "/id",
  "/donvi",
  "/donvi TN-X1",
  "/dangky TN-X1",
  "/dangky thutruong TN-X1",
  "/dangky lanhdao TN",
  "/capquyen 613 quantri",
  "/thuquyen 612",
  "/chithi",
  "/nop 120 95",
  "/nop hs-truc-tuyen 95 120",
  "/tinhtrang",
  "/bieudo",
  "/mau",
  "/nhap",
  "/nhiemvu",
  "/xong 1",
  `/hoso ${CODE}`,
  "/quahan",
  "/dsquahan",
  "/nhaphoso",
  "/nguoiduyet",
  "/nguoiduyet them 612 pho Trần Văn Quang",
  "/nguoiduyet bo 601",
];

/** Tables and the cells allowed to change them; anything else changing is an unauthorised action. */
const unitChat = (c: Cell) => c.chatId === UNIT || c.chatId === OTHER;
const MAY_CHANGE: Record<string, (c: Cell, cmd: string) => boolean> = {
  person: (c, cmd) => c.chatId === ADMIN_ID && /^\/(capquyen|thuquyen)/.test(cmd),
  // A request only: it binds nothing until an administrator approves it (Chat is not allowed to change).
  registration: (c, cmd) => c.chatId < 0 && cmd.startsWith("/dangky"),
  chat: () => false,
  figure: (c, cmd) => unitChat(c) && cmd.startsWith("/nop"),
  figureRevision: (c, cmd) => unitChat(c) && cmd.startsWith("/nop"),
  directive: () => false,
  dossier: () => false,
  dossierDocument: () => false,
  taskOccurrence: () => false,
  blob: () => false,
  // The bot's questions waiting for a reply (an upload prompt).
  pendingInput: (_c, cmd) => /^\/(nhap|nhaphoso|mau)$/.test(cmd) || cmd.startsWith("/nop"),
  pendingUpload: () => false,
  // The head manages the unit's approvers in the heads' chat (the registrar is written down as
  // head on first use); anyone else is refused.
  unitApprover: (c, cmd) => c.chatId === HEAD && c.fromId === HEAD_USER && cmd.startsWith("/nguoiduyet"),
};

let w: World;

function stable(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? x.toString() : x));
}

/** Every table of MAY_CHANGE, read side by side (one round trip's wait on PostgreSQL, not thirteen). */
async function snapshot(): Promise<Record<string, string>> {
  const p = w.h.db.prisma;
  const id = { orderBy: { id: "asc" as const } };
  const tables: Record<string, Promise<unknown>> = {
    person: p.person.findMany(id),
    registration: p.registration.findMany(id),
    // Only bindings matter: a chat the bot meets for the first time is recorded, bound to nothing.
    chat: p.chat.findMany({
      where: { kind: { in: ["unit", "head", "leaders"] } },
      orderBy: { chatId: "asc" },
      select: { chatId: true, kind: true, unitCode: true },
    }),
    figure: p.figure.findMany(id),
    figureRevision: p.figureRevision.findMany(id),
    directive: p.directive.findMany({ ...id, select: { id: true, active: true, body: true } }),
    dossier: p.dossier.findMany(id),
    dossierDocument: p.dossierDocument.findMany(id),
    taskOccurrence: p.taskOccurrence.findMany(id),
    blob: p.blob.findMany({ ...id, select: { id: true } }),
    pendingInput: p.pendingInput.findMany(id),
    pendingUpload: p.pendingUpload.findMany(id),
    unitApprover: p.unitApprover.findMany(id),
  };
  const read = await Promise.all(Object.values(tables));
  return Object.fromEntries(Object.keys(tables).map((table, i) => [table, stable(read[i])]));
}

/** Sends one command and waits until the bot has handled it (its update confirmed) and replied. */
async function run(c: Cell, text: string): Promise<string[]> {
  const before = w.h.emu.botMessages(c.chatId).length;
  w.h.emu.injectText({ chatId: c.chatId, fromId: c.fromId, text });
  await w.h.emu.waitForMessages(c.chatId, before + 1);
  await w.h.emu.waitFor(() => w.h.emu.pendingUpdates() === 0, { timeoutMs: 5000, label: "update confirmed" });
  await w.drained();
  return w.h.emu
    .botMessages(c.chatId)
    .slice(before)
    .map((m) => m.text ?? m.caption ?? "");
}

beforeAll(async () => {
  w = await startWorld("2026-12-01T09:00:00+07:00");
  w.h.emu.addUser({ id: STRANGER, firstName: "Người lạ" });
  w.h.emu.addChat({ id: STRANGER, type: "private", firstName: "Người lạ" });
  // Granted a role by the admin's cell: told in private, so the chat exists.
  w.h.emu.addUser({ id: 613, firstName: "Cường" });
  w.h.emu.addChat({ id: 613, type: "private", firstName: "Cường" });
  w.h.emu.addChat({ id: LOOSE_GROUP, type: "supergroup", title: "Nhóm bạn bè" });
  await w.h.db.prisma.person.create({ data: { telegramId: 612n, role: "leader", grantedBy: BigInt(ADMIN_ID) } });
  const answer = await w.upload(
    await exportXlsx([
      row(CODE, {
        "Người nộp": APPLICANT,
        "Chủ hồ sơ": APPLICANT,
        "Ngày hẹn trả": "25/11/2026",
        "Tên thủ tục hành chính": PROCEDURE,
      }),
    ]),
  );
  expect(answer.text ?? "").toMatch(/1 hồ sơ/);
}, 60_000);
afterAll(async () => w?.stop());

describe("command × role matrix", () => {
  for (const c of CELLS) {
    it(`${c.who}: every command answered, nothing changed that this person may not change`, async () => {
      const problems: string[] = [];
      // Nothing runs between two commands: the state after one is the state before the next.
      let after = await snapshot();
      for (const cmd of COMMANDS) {
        const before = after;
        const replies = await run(c, cmd);
        after = await snapshot();
        for (const [table, may] of Object.entries(MAY_CHANGE)) {
          if (before[table] !== after[table] && !may(c, cmd))
            problems.push(`${cmd}: ${table} changed ${before[table]} → ${after[table]}`);
        }
        const seesDossier = c.chatId === UNIT || c.chatId === HEAD;
        const text = replies.join("\n");
        if (!seesDossier && PERSONAL.some((p) => text.includes(p)))
          problems.push(`${cmd}: dossier's personal data shown: ${text}`);
        if (/lỗi nội bộ|bot gặp lỗi/i.test(text)) problems.push(`${cmd}: internal error`);
      }
      expect(problems).toEqual([]);
    }, 120_000);
  }
});
