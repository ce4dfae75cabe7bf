/**
 * Limits a user reads about as well as one the code enforces: the texts in src/messages/ print
 * these constants, so a change here changes what the bot says (STYLE.md habit 10). The modules
 * that enforce them (ingest/, directives/, services/) re-export them under their old names.
 */

/** A `/nop` answer can be undone for 10 minutes ("a button to undo within 10 minutes"). */
export const UNDO_WINDOW_MS = 10 * 60_000;

/**
 * One uploaded spreadsheet (figures or dossiers). The bot checks Telegram's `file_size` against
 * it before downloading, and the reader again on the bytes (src/ingest/readSheet.ts).
 */
export const MAX_SHEET_FILE_BYTES = 5 * 1024 * 1024;

/**
 * A directive or unit-list text, checked before the YAML parser runs: it takes ~0,3 ms per unit
 * line, so a 4 MB list of 50.000 units held the bot for minutes. A province has at most ~170
 * units and the whole country ~3.321 communes; a 3.500-unit list is ~240 KB.
 */
export const MAX_CONFIG_TEXT_BYTES = 1024 * 1024;

/** Telegram's getFile limit for bots: a larger evidence file cannot even be downloaded. */
export const MAX_EVIDENCE_FILE_BYTES = 20 * 1024 * 1024;

/** How long "Lưu N dòng hợp lệ" / "Xác nhận lưu" / "✅ Áp dụng" stay valid. */
export const PENDING_UPLOAD_TTL_MS = 30 * 60_000;

/**
 * A `/nop` for a month further back than this many months before the current one is asked
 * about first (Ghi / Huỷ): "thang 12/2022" typed in 12/2026 is far more often a typo than a
 * correction. Last month and the month before are reported without a question.
 */
export const OLD_PERIOD_MONTHS = 2;

/**
 * Days 1 … CLOSING_DAYS of a month are spent closing the month before: the morning message
 * asks to "chốt số liệu" of last month, the reporting month of `/nop` examples and of `/mau` is
 * last month, and the leaders' digest shows last month's final figures, because the new month has
 * almost no figures yet. Seven days make every month's first Monday (day 1–7) a closing digest and
 * the second Monday (day 8–14) the new month's first; one constant keeps the reminder and the
 * digest talking about the same month.
 */
export const CLOSING_DAYS = 7;

/** How long the guided `/nop` and a `/nop` waiting for Ghi / Huỷ stay answerable. */
export const NOP_QUESTION_TTL_MS = 30 * 60_000;
