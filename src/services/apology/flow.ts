/**
 * "Lập văn bản xin lỗi" (docs/DOSSIERS.md): checks before the conversation, the new appointment date,
 * and the drafts — the apology letter and the báo cáo giải trình — sent to the unit head.
 * Only ONE re-appointment per dossier (NĐ 61/2018 Điều 19; NĐ 118/2025 keeps the rule): once
 * an apology is issued, a second is refused and only the explanation report can be made.
 */
import { isWorkingDay, nextWorkingDay, nonWorkingReason, type WorkCalendar } from "../../domain/calendar/index.js";
import { parseViDate, type IsoDate } from "../../domain/directive/dates.js";
import type { Salutation } from "../../domain/salutation.js";
import { stripXmlForbidden } from "../../domain/text.js";
import { dossierById, type Dossier } from "../../db/repos/dossiers.js";
import { createDrafts, documentsOfDossier, supersedeDrafts, type DossierDocument } from "../../db/repos/letters.js";
import { dossierTexts as t } from "../../messages/dossiers.js";
import type { DossierDocKind } from "./forms.js";
import { sendDraftsToHead } from "./head.js";
import { renderDossierDocument } from "./render.js";
import type { RenderedDocument } from "./push.js";
import type { AppDeps } from "../context.js";
import { forgetApplicants } from "../dossiers/applicant.js";
import { isClosed } from "../dossiers/state.js";

export type StartRefusal =
  | { reason: "gone" | "other-unit" | "closed" | "pending" }
  | { reason: "issued"; apology: DossierDocument };

export type StartCheck = { ok: true; dossier: Dossier } | ({ ok: false } & StartRefusal);

/** May `unitCode`'s chat start a document for this dossier now? */
export async function checkStart(
  deps: Pick<AppDeps, "prisma">,
  dossierId: number,
  unitCode: string,
  withApology: boolean,
): Promise<StartCheck> {
  const dossier = await dossierById(deps.prisma, dossierId);
  if (!dossier) return { ok: false, reason: "gone" };
  if (dossier.unitCode !== unitCode) return { ok: false, reason: "other-unit" };
  const docs = await documentsOfDossier(deps.prisma, dossier.id);
  if (docs.some((d) => d.status === "pending")) return { ok: false, reason: "pending" };
  const issued = docs.find((d) => d.kind === "apology" && d.status === "issued");
  if (withApology && issued) return { ok: false, reason: "issued", apology: issued };
  if (withApology && isClosed(dossier)) return { ok: false, reason: "closed" };
  return { ok: true, dossier };
}

export type DateCheck = { ok: true; date: IsoDate } | { ok: false; message: string };

/** The new appointment: dd/mm/yyyy, after today, a working day (Tết and weekends refused). */
export function checkNewDate(text: string, today: IsoDate, cal: WorkCalendar): DateCheck {
  const date = parseViDate(text.trim());
  if (!date || !/^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(text.trim()))
    return { ok: false, message: t.dateUnreadable(text, nextWorkingDay(today, cal)) };
  return checkNewIsoDate(date, today, cal);
}

/** The same rule for a day picked on the date picker (already a date). */
export function checkNewIsoDate(date: IsoDate, today: IsoDate, cal: WorkCalendar): DateCheck {
  if (date <= today) return { ok: false, message: t.dateNotFuture(date) };
  if (!isWorkingDay(date, cal)) {
    return { ok: false, message: t.dateNotWorking(date, nonWorkingReason(date, cal) ?? "", nextWorkingDay(date, cal)) };
  }
  return { ok: true, date };
}

export const REASON_MIN = 5;
export const REASON_MAX = 500;

/** The reason as it will be stored and printed in the letter: without what XML 1.0 forbids (render/docx.ts). */
export function checkReason(text: string): string | null {
  const r = stripXmlForbidden(text).trim().replace(/\s+/g, " ");
  return r.length >= REASON_MIN && r.length <= REASON_MAX ? r : null;
}

export type DraftOutcome =
  | { kind: "sent-to-head"; heads: number }
  | { kind: "no-head"; drafts: RenderedDocument[] }
  | { kind: "refused"; refusal: StartRefusal };

/**
 * Records the drafts and sends them to the unit head's chat; without one they stay "draft"
 * and come back to the officer with how to register the head's chat.
 */
export async function submitDrafts(
  deps: AppDeps,
  input: {
    dossierId: number;
    unitCode: string;
    reason: string;
    newDate: IsoDate | null;
    /** "Ông"/"Bà" as the officer answered; null for an organisation or when only the report is made. */
    salutation?: Salutation | null;
    by: { id: bigint; name: string };
    chatId: bigint;
  },
): Promise<DraftOutcome> {
  const check = await checkStart(deps, input.dossierId, input.unitCode, input.newDate !== null);
  if (!check.ok) return { kind: "refused", refusal: check };
  const { dossier } = check;
  const kinds: DossierDocKind[] = input.newDate ? ["apology", "explanation"] : ["explanation"];
  // Drafts that never reached a head (no head chat then) give way to the new ones.
  await supersedeDrafts(deps.prisma, dossier.id);
  const docs = await createDrafts(
    deps.prisma,
    kinds.map((kind) => ({
      dossierId: dossier.id,
      dossierCode: dossier.code,
      kind,
      reason: input.reason,
      newDueDate: input.newDate,
      originalDueDate: dossier.dueAt?.slice(0, 10) ?? null,
      salutation: input.salutation ?? null,
      createdBy: input.by.id,
      createdByName: input.by.name,
      createdChatId: input.chatId,
      createdAt: deps.clock.now(),
    })),
  );
  // An unsent apology draft of a closed dossier, replaced by an explanation alone, was the last use of the name.
  if (!input.newDate) await forgetApplicants(deps, [dossier.id]);
  const sent = await sendDraftsToHead(deps, dossier, docs);
  if (sent > 0) return { kind: "sent-to-head", heads: sent };
  const drafts = await Promise.all(docs.map((doc) => renderDossierDocument(deps, { dossier, doc, draft: true })));
  return { kind: "no-head", drafts };
}
