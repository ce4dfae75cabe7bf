/**
 * The unit head signs apologies (docs/DOSSIERS.md): drafts go to the head's chat (Chat kind "head"
 * bound to the unit) as .docx with "Duyệt" / "Trả lại" under a summary message.
 */
import type { InlineKeyboardMarkup } from "grammy/types";
import { dossierButton } from "../../render/callbackData.js";
import { dossierById, type Dossier } from "../../db/repos/dossiers.js";
import { documentsOfDossier, moveDocuments, type DossierDocument } from "../../db/repos/letters.js";
import { dossierTexts as t } from "../../messages/dossiers.js";
import { pushDocument } from "./push.js";
import { renderDossierDocument } from "./render.js";
import type { AppDeps } from "../context.js";
import { workCalendar, todayOf } from "../calendar.js";
import { headChatIds } from "../dossiers/chats.js";
import { briefOf, reappointmentsOf } from "../dossiers/query.js";
import { inForce } from "../dossiers/state.js";
import { pushText } from "../notify.js";

export function decisionKeyboard(dossierId: number): InlineKeyboardMarkup {
  return {
    inline_keyboard: [
      [
        { text: t.approveButton, callback_data: dossierButton.encode({ action: "approve", dossierId }) },
        { text: t.returnButton, callback_data: dossierButton.encode({ action: "sendBack", dossierId }) },
      ],
    ],
  };
}

/** Sends `docs` (status "draft") to every head chat of the unit; returns how many chats. */
export async function sendDraftsToHead(
  deps: AppDeps,
  dossier: Dossier,
  docs: readonly DossierDocument[],
): Promise<number> {
  const heads = await headChatIds(deps, dossier.unitCode);
  if (heads.length === 0 || docs.length === 0) return 0;
  const claimed = await moveDocuments(
    deps.prisma,
    docs.map((d) => d.id),
    "draft",
    "pending",
  );
  if (claimed === 0) return 0;
  const rendered = await Promise.all(docs.map((doc) => renderDossierDocument(deps, { dossier, doc, draft: true })));
  const cal = await workCalendar();
  const first = docs[0];
  const apology = docs.find((d) => d.kind === "apology");
  const unitName = deps.catalog.get().unit(dossier.unitCode)?.name ?? dossier.unitCode;
  // An explanation after the re-appointment is judged against the letter's date ("trễ hẹn lần 2").
  const tracked = inForce(dossier, (await reappointmentsOf(deps, [dossier.id])).get(dossier.id) ?? null);
  const text = t.headRequest(
    unitName,
    briefOf(tracked, todayOf(deps), cal),
    first?.reason ?? "",
    apology?.newDueDate ?? null,
    first?.createdByName ?? "",
  );
  for (const chatId of heads) {
    for (const [i, doc] of rendered.entries()) {
      await pushDocument(deps, {
        chatId,
        dedupKey: `dossier-draft:${docs[i]?.id}:${chatId}`,
        kind: "dossier-draft",
        doc,
      });
    }
    await pushText(deps, {
      chatId,
      dedupKey: `dossier-approval:${first?.id}:${chatId}`,
      kind: "dossier-approval",
      text,
      replyMarkup: decisionKeyboard(dossier.id),
    });
  }
  return heads.length;
}

/** "Gửi thủ trưởng duyệt" after the head's chat was registered. */
export async function resendDrafts(
  deps: AppDeps,
  dossierId: number,
  unitCode: string,
): Promise<"sent" | "no-head" | "nothing"> {
  const dossier = await dossierById(deps.prisma, dossierId);
  if (!dossier || dossier.unitCode !== unitCode) return "nothing";
  const docs = await documentsOfDossier(deps.prisma, dossier.id, "draft");
  if (docs.length === 0) return "nothing";
  return (await sendDraftsToHead(deps, dossier, docs)) > 0 ? "sent" : "no-head";
}
