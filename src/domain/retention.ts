/**
 * How long the bot keeps the files of a dossier's letters (.docx). They carry the applicant's
 * name, so they are kept only while their purpose needs them — Nghị định 13/2023/NĐ-CP, Điều 3
 * (data processed only for its stated purpose and "chỉ được lưu trữ trong khoảng thời gian phù
 * hợp với mục đích xử lý dữ liệu"), Điều 16 (erasure once no longer needed for that purpose).
 * Reasons per file in docs/DOSSIERS.md "Dữ liệu cá nhân: lưu giữ và xoá". PURE: `now` is given.
 */

/**
 * An issued letter's file is kept this long after approval: long enough for the delivery to
 * retry and for the unit to take the file again from the bot's message while the month's
 * reporting (the late list of the first working day of next month) is open. The office's
 * record is the signed copy it sends; the bot keeps the row (kind, number, dates) for good.
 */
export const ISSUED_LETTER_FILE_DAYS = 30;

const DAY_MS = 86_400_000;

/** A draft's decision is final in these statuses: its draft file has no purpose left. */
const DRAFT_DONE = new Set(["issued", "returned", "superseded"]);

export type LetterFile = {
  /** The "DỰ THẢO" sent to the head, or the numbered letter sent to the unit. */
  file: "draft" | "issued";
  /** DossierDocument.status now. */
  status: string;
  /** DossierDocument.approvedAt: when the head approved (or sent back). */
  decidedAt: Date | null;
};

/**
 * A draft file goes once the head has decided (issued: the numbered letter replaces it; sent
 * back or superseded: a new draft will be made). An issued file goes ISSUED_LETTER_FILE_DAYS
 * after approval. Anything else — a draft still before the head — is kept.
 */
export function letterFileErasable(f: LetterFile, now: Date): boolean {
  if (f.file === "draft") return DRAFT_DONE.has(f.status);
  if (f.status !== "issued" || !f.decidedAt) return false;
  return now.getTime() - f.decidedAt.getTime() >= ISSUED_LETTER_FILE_DAYS * DAY_MS;
}
