/**
 * Evidence for a task marked done (an optional note or a file), bounded
 * (docs/RELIABILITY.md "Giới hạn lưu trữ minh chứng"): only the person who marked the task done
 * — or an administrator — may attach it; a task keeps one current file (a new one replaces it
 * and the old blob is deleted); a unit's current evidence files together stay under a quota;
 * the note stops growing at MAX_NOTE_TOTAL characters.
 */
import { z } from "zod";
import { findLivePrompt, purgeExpiredPrompts, recordPrompt } from "../../db/repos/prompts.js";
import {
  findOccurrence,
  setOccurrenceEvidence,
  unitEvidenceFiles,
  type OccurrenceRecord,
} from "../../db/repos/tasks.js";
import { storeBlob } from "../../delivery/outbox.js";
import { clipText } from "../../domain/text.js";
import { blobBytes, evidenceBlobId, evidenceRef, releaseBlob } from "../blobs.js";
import type { AppDeps } from "../context.js";

export { MAX_EVIDENCE_FILE_BYTES } from "../../domain/limits.js";
/**
 * All current evidence files of one unit together. A task keeps one file; a scanned minute is
 * 1–5 MB, so 50 MB holds a year's evidence of a unit leading a few dozen tasks, and bounds the
 * database at 50 MB × units even if a chat tries to fill it.
 */
export const UNIT_EVIDENCE_QUOTA_BYTES = 50 * 1024 * 1024;
/** One reply's note, and the whole note a task keeps (appended replies stop here). */
export const MAX_NOTE = 1000;
export const MAX_NOTE_TOTAL = 4000;

const EVIDENCE_KIND = "task-evidence";
/** The prompt for a note or a file stays answerable for a day. */
const EVIDENCE_WINDOW_MS = 24 * 3_600_000;
const evidenceData = z.object({ rowId: z.number().int().positive() });

export async function recordEvidencePrompt(
  deps: Pick<AppDeps, "prisma" | "clock">,
  p: { chatId: bigint; userId: bigint; messageId: number; rowId: number },
): Promise<void> {
  const now = deps.clock.now();
  // Prompts nobody answered within the window are cleared here, as the other features' are.
  await purgeExpiredPrompts(deps.prisma, EVIDENCE_KIND, now);
  await recordPrompt(deps.prisma, {
    chatId: p.chatId,
    userId: p.userId,
    kind: EVIDENCE_KIND,
    data: JSON.stringify({ rowId: p.rowId }),
    messageId: p.messageId,
    expiresAt: new Date(now.getTime() + EVIDENCE_WINDOW_MS),
  });
}

/** The occurrence row a reply to one of our prompts is evidence for, if it still is. */
export async function evidencePromptRow(deps: AppDeps, chatId: bigint, messageId: number): Promise<number | null> {
  const p = await findLivePrompt(deps.prisma, { chatId, messageId, kind: EVIDENCE_KIND, now: deps.clock.now() });
  if (!p) return null;
  const parsed = evidenceData.safeParse(parseJson(p.data));
  return parsed.success ? parsed.data.rowId : null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export type Sender = { userId: bigint; isAdmin: () => Promise<boolean> };
export type EvidenceRefusal =
  | { ok: false; reason: "gone" }
  | { ok: false; reason: "not-marker" }
  | { ok: false; reason: "quota"; usedBytes: number; quotaBytes: number };
export type EvidenceOutcome = { ok: true; taskCode: string } | EvidenceRefusal;

/** Whether `sender` may attach evidence to the row: the one who marked it done, or an administrator. */
export async function evidenceGate(
  deps: AppDeps,
  rowId: number,
  sender: Sender,
): Promise<{ ok: true; unitCode: string; taskCode: string } | EvidenceRefusal> {
  const row = await findOccurrence(deps.prisma, rowId);
  if (!row?.doneAt) return { ok: false, reason: "gone" };
  if (row.doneBy !== sender.userId && !(await sender.isAdmin())) return { ok: false, reason: "not-marker" };
  return { ok: true, unitCode: row.unitCode, taskCode: row.taskCode };
}

/** Bytes of the unit's current evidence files, the file of `exceptRowId` (about to be replaced) left out. */
export async function unitEvidenceBytes(deps: AppDeps, unitCode: string, exceptRowId: number): Promise<number> {
  const refs = await unitEvidenceFiles(deps.prisma, unitCode, exceptRowId);
  return blobBytes(
    deps.prisma,
    refs.flatMap((ref) => {
      const id = evidenceBlobId(ref);
      return id === null ? [] : [id];
    }),
  );
}

/** Checked before downloading, with the size Telegram announces; again with the real bytes. */
export async function quotaRefusal(
  deps: AppDeps,
  unitCode: string,
  rowId: number,
  size: number,
): Promise<EvidenceRefusal | null> {
  const used = await unitEvidenceBytes(deps, unitCode, rowId);
  return used + size > UNIT_EVIDENCE_QUOTA_BYTES
    ? { ok: false, reason: "quota", usedBytes: used, quotaBytes: UNIT_EVIDENCE_QUOTA_BYTES }
    : null;
}

/** The gate just saw the row; it vanishing in between is a fault, not a refusal. */
async function occurrenceOrThrow(deps: AppDeps, rowId: number): Promise<OccurrenceRecord> {
  const row = await findOccurrence(deps.prisma, rowId);
  if (!row) throw new Error(`task occurrence ${rowId} vanished while evidence was attached`);
  return row;
}

function appendNote(old: string | null, add: string | undefined): string | null {
  if (!add) return old;
  return clipText(old ? `${old}\n${add}` : add, MAX_NOTE_TOTAL);
}

/** A note: appended to the one given with /xong, up to MAX_NOTE_TOTAL. */
export async function attachEvidenceNote(
  deps: AppDeps,
  rowId: number,
  sender: Sender,
  note: string,
): Promise<EvidenceOutcome> {
  const gate = await evidenceGate(deps, rowId, sender);
  if (!gate.ok) return gate;
  const row = await occurrenceOrThrow(deps, rowId);
  await setOccurrenceEvidence(deps.prisma, rowId, { note: appendNote(row.note, clipText(note, MAX_NOTE)) });
  return { ok: true, taskCode: row.taskCode };
}

/** A file: becomes the task's one current file; the one it replaces is deleted unless held elsewhere. */
export async function attachEvidenceFile(
  deps: AppDeps,
  rowId: number,
  sender: Sender,
  file: { bytes: Buffer; mime: string; name: string; caption?: string },
): Promise<EvidenceOutcome> {
  const gate = await evidenceGate(deps, rowId, sender);
  if (!gate.ok) return gate;
  const over = await quotaRefusal(deps, gate.unitCode, rowId, file.bytes.length);
  if (over) return over;
  const row = await occurrenceOrThrow(deps, rowId);
  const blob = await storeBlob(deps.prisma, file.bytes, file.mime, file.name);
  await setOccurrenceEvidence(deps.prisma, rowId, {
    evidenceFile: evidenceRef(blob.id),
    note: appendNote(row.note, file.caption && clipText(file.caption, MAX_NOTE)),
  });
  const old = evidenceBlobId(row.evidenceFile);
  if (old !== null && old !== blob.id) await releaseBlob(deps.prisma, old);
  return { ok: true, taskCode: row.taskCode };
}
