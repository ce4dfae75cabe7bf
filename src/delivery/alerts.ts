/**
 * What administrators read when delivery goes wrong (docs/SCHEDULES.md). Vietnamese, no message
 * text (dossier lists are personal data, NĐ 13/2023): kind, dedup key and chat only.
 */
export const ADMIN_ALERT_KIND = "admin-alert";

export interface AlertSubject {
  kind: string;
  dedupKey: string;
  chatId: bigint;
}

export const alertTexts = {
  failed: (m: AlertSubject, attempts: number, reason: string): string =>
    `⚠️ Không gửi được tin "${m.kind}" (${m.dedupKey}) tới chat ${m.chatId} sau ${attempts} lần thử: ${reason}. ` +
    `Tin đã được đánh dấu thất bại; kiểm tra kết nối tới Telegram rồi gửi lại nếu cần.`,
  rejected: (m: AlertSubject, reason: string): string =>
    `⚠️ Telegram từ chối tin "${m.kind}" (${m.dedupKey}) tới chat ${m.chatId}: ${reason}. Tin này sẽ không được gửi lại.`,
  chatGone: (chatId: bigint, reason: string, dropped: number): string =>
    `🚫 Bot không gửi được vào chat ${chatId} nữa (${reason}). Chat đã được đánh dấu ngừng hoạt động` +
    (dropped > 0 ? `; ${dropped} tin đang chờ gửi tới chat này đã bị bỏ.` : ".") +
    ` Thêm lại bot vào nhóm rồi đăng ký lại để tiếp tục nhận tin.`,
  suppressed: (n: number): string => `\n(+${n} cảnh báo cùng loại trước đó đã được gộp, xem log)`,
};

/**
 * A Telegram outage fails every message of a 4,000-chat fan-out: admins get the first
 * failure at once and a count with the next one, not 4,000 messages (which would themselves
 * hit the rate limit). Chat-gone alerts are not gated: they are once per chat already.
 */
export class AlertGate {
  private readonly last = new Map<string, number>();
  private readonly held = new Map<string, number>();

  constructor(
    private readonly windowMs = 60_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The text to send now, or undefined when it is held back and counted. */
  pass(topic: string, text: string): string | undefined {
    const t = this.now();
    const last = this.last.get(topic);
    if (last !== undefined && t - last < this.windowMs) {
      this.held.set(topic, (this.held.get(topic) ?? 0) + 1);
      return undefined;
    }
    this.last.set(topic, t);
    const held = this.held.get(topic) ?? 0;
    this.held.delete(topic);
    return held > 0 ? text + alertTexts.suppressed(held) : text;
  }
}
