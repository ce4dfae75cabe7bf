/**
 * The page's JSON endpoints (docs/SANDBOX.md). Every body is parsed with zod; people and chats must be
 * the demo's own, and a private chat only takes messages from its owner, as on Telegram.
 */
import { z } from "zod";
import { ClockError } from "../clock.js";
import { isValidIsoDate, vnDate } from "../domain/directive/dates.js";
import { PageError } from "./http.js";
import { SAMPLE_DOSSIERS_FILE, sampleDossierExport } from "./samples.js";
import type { Runtime } from "./runtime.js";
import type { Session } from "./session.js";
import { addNewGroup } from "./tour.js";
import { formatVn, jumpLabels, nextJobTime, vnInstant, type ClockJump } from "./time.js";
import { chatMessages } from "./view.js";
import { dashboardLaunchUrl } from "./webapp.js";

const id = z.number().int().safe();
const sendBody = z
  .object({
    chatId: id,
    fromId: id,
    text: z.string().trim().min(1, "Tin nhắn trống").max(4096, "Tin nhắn dài quá 4.096 ký tự"),
    replyToMessageId: z.number().int().positive().optional(),
  })
  .strict();
/** Telegram lets a bot download files up to 20 MB; a spreadsheet is far smaller. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const uploadBody = z
  .object({
    chatId: id,
    fromId: id,
    fileName: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[^/\\\0]+$/, "Tên tệp không hợp lệ"),
    base64: z
      .string()
      .max(Math.ceil(MAX_UPLOAD_BYTES / 3) * 4, "Tệp lớn hơn 20 MB")
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, "Nội dung tệp không hợp lệ"),
    mimeType: z.string().max(200).optional(),
    caption: z.string().max(1024).optional(),
    replyToMessageId: z.number().int().positive().optional(),
  })
  .strict();
const pressBody = z
  .object({ chatId: id, messageId: z.number().int().positive(), fromId: id, data: z.string().min(1).max(64) })
  .strict();
const sampleBody = z
  .object({ chatId: id, fromId: id, replyToMessageId: z.number().int().positive().optional() })
  .strict();
const menuBody = z.object({ chatId: z.number().int(), fromId: z.number().int() });
const dashboardBody = z.object({ chatId: id, fromId: id, link: z.string().min(1).max(1024) }).strict();
const clockBody = z.discriminatedUnion("to", [
  z.object({ to: z.literal("next-0800") }).strict(),
  z.object({ to: z.literal("next-monday-0800") }).strict(),
  z
    .object({
      to: z.literal("date"),
      date: z.string().refine(isValidIsoDate, "Ngày không hợp lệ (dạng YYYY-MM-DD, ví dụ 2026-12-01)"),
      time: z
        .string()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Giờ theo dạng HH:MM")
        .default("08:00"),
    })
    .strict(),
]);

/** The clock as the page shows it, with the jump buttons' labels under the configured crons. */
export function clockView(s: Session): { iso: string; label: string; jumps: Record<ClockJump, string> } {
  const now = s.clock.now();
  return { iso: now.toISOString(), label: formatVn(now), jumps: jumpLabels(s.config, now) };
}

export function stateView(s: Session): unknown {
  return {
    session: s.id,
    bot: { id: s.emulator.bot.id, name: s.emulator.bot.first_name, username: s.emulator.bot.username },
    clock: clockView(s),
    people: s.world.people.map((p) => ({ id: p.id, name: p.name, role: p.role, label: p.label })),
    chats: s.world.chats.map((c) => ({ id: c.id, title: c.title, kind: c.kind, type: c.type, members: c.members })),
    messages: Object.fromEntries(s.world.chats.map((c) => [c.id, chatMessages(s.emulator, c.id)])),
  };
}

function checkSender(s: Session, chatId: number, fromId: number): void {
  const chat = s.world.chats.find((c) => c.id === chatId);
  if (!chat) throw new PageError(400, `Không có cuộc trò chuyện ${chatId} trong bản dùng thử`);
  if (!s.world.people.some((p) => p.id === fromId))
    throw new PageError(400, `Không có người dùng ${fromId} trong bản dùng thử`);
  if (chat.type === "private" && fromId !== chat.id) throw new PageError(400, "Tin nhắn riêng chỉ do chính chủ gửi");
}

/** Emulator refusals (e.g. a reply to a message that no longer exists) become page errors. */
function asPageError(e: unknown): never {
  throw e instanceof PageError
    ? e
    : new PageError(400, e instanceof Error ? e.message.replace(/^emulator: /, "") : String(e));
}

function clockTarget(s: Session, body: z.infer<typeof clockBody>): Date {
  const now = s.clock.now();
  if (body.to === "next-0800" || body.to === "next-monday-0800") {
    const next = nextJobTime(s.config, body.to === "next-0800" ? "daily-reminder" : "weekly-digest", now);
    if (!next) throw new PageError(400, "Lịch chạy đã cấu hình không còn lần nào sau thời điểm này");
    return next;
  }
  const target = vnInstant(body.date, body.time);
  if (Number.isNaN(target.getTime())) throw new PageError(400, "Ngày giờ không hợp lệ");
  if (target <= now) throw new PageError(400, `Đồng hồ chỉ tiến lên: chọn thời điểm sau ${formatVn(now)}`);
  return target;
}

export type ApiHandler = (runtime: Runtime, body: unknown) => Promise<unknown>;

export const API: Record<string, ApiHandler> = {
  "GET /api/state": async (rt) => stateView(await rt.session()),
  "POST /api/send": async (rt, raw) => {
    const body = sendBody.parse(raw);
    const s = await rt.session();
    checkSender(s, body.chatId, body.fromId);
    try {
      const r = s.emulator.injectText({
        chatId: body.chatId,
        fromId: body.fromId,
        text: body.text,
        ...(body.replyToMessageId ? { replyToMessageId: body.replyToMessageId } : {}),
      });
      return { messageId: r.message.message_id, delivered: r.delivered };
    } catch (e) {
      return asPageError(e);
    }
  },
  "POST /api/upload": async (rt, raw) => {
    const { base64, ...body } = uploadBody.parse(raw);
    const s = await rt.session();
    checkSender(s, body.chatId, body.fromId);
    try {
      const r = s.emulator.injectDocument({ ...body, bytes: Buffer.from(base64, "base64") });
      return { messageId: r.message.message_id, delivered: r.delivered };
    } catch (e) {
      return asPageError(e);
    }
  },
  "POST /api/press": async (rt, raw) => {
    const body = pressBody.parse(raw);
    const s = await rt.session();
    checkSender(s, body.chatId, body.fromId);
    try {
      return await s.emulator.pressButton(body);
    } catch (e) {
      return asPageError(e);
    }
  },
  "POST /api/clock": async (rt, raw) => {
    const body = clockBody.parse(raw);
    const s = await rt.session();
    try {
      const reports = await s.advanceTo(clockTarget(s, body));
      return {
        clock: clockView(s),
        ran: reports.map((r) => ({ job: r.job, fireTime: r.fireTime.toISOString(), outcome: r.outcome })),
      };
    } catch (e) {
      if (e instanceof ClockError) throw new PageError(400, e.message);
      throw e;
    }
  },
  "POST /api/reset": async (rt) => ({ session: (await rt.reset()).id }),
  /** The tour's overdue-dossier step: the unit's sample export, sent as the officer would send it. */
  "POST /api/tour/dossiers": async (rt, raw) => {
    const body = sampleBody.parse(raw);
    const s = await rt.session();
    checkSender(s, body.chatId, body.fromId);
    const chat = s.world.chats.find((c) => c.id === body.chatId);
    const unit = s.world.units.find((u) => u.code === chat?.unitCode);
    if (chat?.kind !== "unit" || !unit) throw new PageError(400, "Tệp mẫu chỉ gửi được trong nhóm của một đơn vị");
    const bytes = await sampleDossierExport(unit.name, vnDate(s.clock.now()));
    try {
      const r = s.emulator.injectDocument({
        chatId: body.chatId,
        fromId: body.fromId,
        fileName: SAMPLE_DOSSIERS_FILE,
        bytes,
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ...(body.replyToMessageId ? { replyToMessageId: body.replyToMessageId } : {}),
      });
      return { messageId: r.message.message_id, delivered: r.delivered };
    } catch (e) {
      return asPageError(e);
    }
  },
  /** The "/" menu the person sees in the chat: the bot's setMyCommands, resolved by Telegram's scope order. */
  "POST /api/menu": async (rt, raw) => {
    const body = menuBody.parse(raw);
    const s = await rt.session();
    checkSender(s, body.chatId, body.fromId);
    return s.emulator.menuFor(body.chatId, body.fromId);
  },
  /** A dashboard button pressed: the Mini App's URL with initData signed for this person (webapp.ts). */
  "POST /api/webapp/open": async (rt, raw) => {
    const body = dashboardBody.parse(raw);
    const s = await rt.session();
    checkSender(s, body.chatId, body.fromId);
    return { url: dashboardLaunchUrl(s, body) };
  },
  /** The tour's last step: a group the bot has just been added to, not yet registered. */
  "POST /api/tour/group": async (rt) => {
    const s = await rt.session();
    const group = addNewGroup(s);
    return { chatId: group.chat.id, unitCode: group.unitCode, command: `/dangky ${group.unitCode}` };
  },
};
