/**
 * Messages past their useful-until (useful.ts) are given up in one statement, and the
 * administrators get one summary for them: how many, of which kinds, to how many chats, and
 * buttons to send them again once Telegram works (resend.ts). A fan-out's rows share one
 * useful-until (a morning's reminders expire at 17:00 together), so an outage that outlasts
 * them costs one alert, not one per chat. Claims never take expired rows, so no instance sends
 * one while another gives it up.
 */
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Logger } from "pino";
import type { Db } from "../db/client.js";
import { resendButton } from "../render/callbackData.js";
import { formatNumber } from "../domain/format.js";
import { escapeHtml } from "../render/html.js";
import { ADMIN_ALERT_KIND } from "./alerts.js";
import { describeError } from "./failures.js";

/** lastError of a given-up row starts with this; resend.ts only re-queues such rows. */
export const EXPIRED_NOTE = "expired: ";
const NEVER_TRIED = "never attempted";

export interface ExpiredRow {
  id: number;
  kind: string;
  chatId: bigint;
  lastError: string | null;
}

/** Marks every unleased pending row past its useful-until failed; returns them. */
export async function giveUpExpired(prisma: Db, now: Date): Promise<ExpiredRow[]> {
  const rows = await prisma.$queryRaw<
    { id: number; kind: string; chatId: bigint | number; lastError: string | null }[]
  >`
    UPDATE "OutboxMessage" SET "status" = 'failed', "lastError" = ${EXPIRED_NOTE} || COALESCE("lastError", ${NEVER_TRIED}),
      "lockedBy" = NULL, "lockedUntil" = NULL, "updatedAt" = ${now}
    WHERE "status" IN ('pending', 'sending') AND "usefulUntil" <= ${now}
      AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
    RETURNING "id", "kind", "chatId", "lastError"`;
  return rows.map((r) => ({ ...r, id: Number(r.id), chatId: BigInt(r.chatId) }));
}

/** What administrators call each kind (src/services/notify.ts callers); others by their code. */
const KIND_NAMES: Readonly<Record<string, string>> = {
  reminder: "nhắc việc buổi sáng",
  digest: "bản tin tuần",
  "peak-week": "tin tuần cao điểm",
  "late-list": "danh sách hồ sơ trễ",
  "dossier-prompt": "nhắc hồ sơ quá hạn",
  "dossier-escalation": "báo cáo hồ sơ quá hạn",
  "dossier-draft": "dự thảo văn bản",
  "dossier-approval": "đề nghị duyệt văn bản",
  "dossier-decision": "kết quả duyệt văn bản",
  "dossier-issued": "văn bản đã ban hành",
  "registration-request": "yêu cầu đăng ký",
  "registration-result": "kết quả đăng ký",
};

const kindName = (kind: string): string => (Object.hasOwn(KIND_NAMES, kind) ? KIND_NAMES[kind] : undefined) ?? kind;

export interface LossSummary {
  text: string;
  keyboard: InlineKeyboardMarkup;
}

/** The alert for one sweep's losses; undefined when only alerts expired (an alert about alerts would loop). */
export function lossSummary(rows: readonly ExpiredRow[]): LossSummary | undefined {
  const lost = rows.filter((r) => r.kind !== ADMIN_ALERT_KIND);
  if (lost.length === 0) return undefined;
  const byKind = new Map<string, number>();
  for (const r of lost) byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + 1);
  const kinds = [...byKind]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${formatNumber(n)} ${escapeHtml(kindName(k))}`);
  const chats = new Set(lost.map((r) => r.chatId)).size;
  const reason =
    lost.map((r) => r.lastError?.slice(EXPIRED_NOTE.length) ?? NEVER_TRIED).find((e) => e !== NEVER_TRIED) ?? "";
  const first = Math.min(...lost.map((r) => r.id));
  const last = Math.max(...lost.map((r) => r.id));
  const text =
    `⚠️ <b>${formatNumber(lost.length)} tin không gửi được</b> tới ${formatNumber(chats)} nhóm/chat trước khi hết hạn: ` +
    `${kinds.join(", ")}. Bot đã thôi gửi các tin này` +
    (reason ? ` (lỗi gần nhất: ${escapeHtml(reason.slice(0, 120))}).` : ".") +
    `\nKhi Telegram hoạt động lại, bấm "Gửi lại tin còn hữu ích" (bỏ qua tin đã có tin mới hơn cùng loại thay thế) ` +
    `hoặc "Gửi lại tất cả".`;
  return {
    text,
    keyboard: {
      inline_keyboard: [
        [{ text: "🔁 Gửi lại tin còn hữu ích", callback_data: resendButton.encode({ action: "useful", first, last }) }],
        [{ text: "Gửi lại tất cả…", callback_data: resendButton.encode({ action: "askAll", first, last }) }],
      ],
    },
  };
}

export interface ExpiryDeps {
  prisma: Db;
  logger: Logger;
  onAdminAlert(text: string, keyboard?: InlineKeyboardMarkup): void | Promise<void>;
}

/** Gives up what expired and sends the one summary; returns how many rows were given up. */
export async function closeExpired(d: ExpiryDeps, now: Date): Promise<number> {
  const rows = await giveUpExpired(d.prisma, now);
  if (rows.length === 0) return 0;
  const kinds = [...new Set(rows.map((r) => r.kind))];
  d.logger.error({ givenUp: rows.length, kinds }, "messages past their useful-until given up");
  const summary = lossSummary(rows);
  if (summary) {
    try {
      await d.onAdminAlert(summary.text, summary.keyboard);
    } catch (err) {
      d.logger.error({ err: describeError(err) }, "loss summary not queued");
    }
  }
  return rows.length;
}
