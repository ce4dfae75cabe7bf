/**
 * The head's decision on a dossier's drafts (docs/DOSSIERS.md): "Duyệt" numbers and issues them and
 * sends the final documents to the unit chat; "Trả lại" records the reason. The officer's
 * chat is told either way. Claims are atomic (status pending → …), so two presses decide once.
 * Only a named approver who drafted none of the drafts decides (docs/DOSSIERS.md "Ai được
 * duyệt"); their name, role and the time are recorded on every document decided.
 * Either way the dossier may stop needing its applicant's name (dossiers/applicant.ts).
 */
import { dossierButton } from "../../render/callbackData.js";
import { vnDate } from "../../domain/directive/dates.js";
import { dossierById, type Dossier } from "../../db/repos/dossiers.js";
import {
  countDocuments,
  decideDocuments,
  documentsOfDossier,
  setDocumentNumber,
  type DossierDocument,
} from "../../db/repos/letters.js";
import { withTransaction } from "../../db/transaction.js";
import type { Approver, ApproverRole } from "../../domain/approvers.js";
import { dossierTexts as t } from "../../messages/dossiers.js";
import { resolveLetterhead } from "../../domain/letterhead.js";
import { formInForce, printedNumber, registerOf, type DossierDocKind } from "./forms.js";
import { takeNumber, withNumberRetry } from "./numbers.js";
import { pushDocument } from "./push.js";
import { renderDossierDocument } from "./render.js";
import { recordedDecider, rightToDecide } from "./approvers.js";
import type { AppDeps } from "../context.js";
import { forgetApplicants } from "../dossiers/applicant.js";
import { unitChatIds } from "../dossiers/chats.js";
import { pushText } from "../notify.js";

export type DecisionRefusal =
  | { ok: false; reason: "gone" | "not-head" | "already-decided" }
  | { ok: false; reason: "not-approver" | "drafter"; others: Approver[] };
export type Decider = { name: string; role: ApproverRole; at: Date };
export type ApproveOutcome = { ok: true; dossier: Dossier; numbers: string[]; decider: Decider } | DecisionRefusal;
/** The person pressing: their Telegram id and the name Telegram gives them now. */
export type DecidingUser = { id: bigint; telegramName: string };

/** Every approval numbers in this order, so two of them lock the registers alike and never wait on each other in a cycle. */
const KIND_ORDER: Record<string, number> = { apology: 0, explanation: 1 };

/** The dossier, if this heads' chat is its unit's, it has drafts pending and `by` may decide on them. */
async function decidable(
  deps: Pick<AppDeps, "prisma">,
  dossierId: number,
  headUnitCode: string,
  by: DecidingUser,
): Promise<{ ok: true; dossier: Dossier; decider: { name: string; role: ApproverRole } } | DecisionRefusal> {
  const dossier = await dossierById(deps.prisma, dossierId);
  if (!dossier) return { ok: false, reason: "gone" };
  if (dossier.unitCode !== headUnitCode) return { ok: false, reason: "not-head" };
  if ((await countDocuments(deps.prisma, dossier.id, "pending")) === 0) {
    return { ok: false, reason: "already-decided" };
  }
  const right = await rightToDecide(deps, dossier.unitCode, dossier.id, by.id);
  if (!right.ok) return right;
  return { ok: true, dossier, decider: await recordedDecider(deps, dossier.unitCode, right.approver, by.telegramName) };
}

/**
 * Numbers restart every year, per unit and document symbol (apology/numbers.ts); the printed
 * number carries the agency's own abbreviation, "03/XL-UBND", not the unit's code.
 */
export async function approveDrafts(
  deps: AppDeps,
  input: { dossierId: number; headUnitCode: string; by: DecidingUser },
): Promise<ApproveOutcome> {
  const found = await decidable(deps, input.dossierId, input.headUnitCode, input.by);
  if (!found.ok) return found;
  const { dossier, decider } = found;
  const now = deps.clock.now();
  const today = vnDate(now);
  const year = Number(today.slice(0, 4));
  const catalog = deps.catalog.get();
  const unit = catalog.unit(dossier.unitCode);
  const abbreviation = unit ? resolveLetterhead(unit, catalog).abbreviation : dossier.unitCode;
  const decision = { by: input.by.id, at: now, name: decider.name, role: decider.role };
  const issued = await withNumberRetry(() =>
    withTransaction(deps.prisma, async (tx) => {
      const pending = await documentsOfDossier(tx, dossier.id, "pending");
      const out: DossierDocument[] = [];
      for (const doc of pending.sort((a, b) => (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9))) {
        // Claimed before it is numbered: a document another press decided first leaves no gap.
        // Never one's own draft, even if the drafts changed since the right was checked.
        if ((await decideDocuments(tx, [doc.id], "issued", decision)) === 0) continue;
        const form = formInForce(kindOf(doc.kind), today);
        const register = registerOf(form, dossier.unitCode);
        const number = printedNumber(await takeNumber(tx, { year, symbol: register }), form, abbreviation);
        out.push(await setDocumentNumber(tx, doc.id, { number, numberYear: year, register }));
      }
      return out;
    }),
  );
  if (issued.length === 0) return { ok: false, reason: "already-decided" };
  const numbers = issued.flatMap((d) => (d.number ? [d.number] : []));
  // Rendered from the dossier read above, name included, before the name may be dropped below.
  const finals = await Promise.all(
    issued.map((doc) => renderDossierDocument(deps, { dossier, doc, draft: false, signer: decider })),
  );
  const officerChat = issued[0]?.createdChatId;
  const targets = [...new Set([...(await unitChatIds(deps, dossier.unitCode)), ...(officerChat ? [officerChat] : [])])];
  for (const chatId of targets) {
    if (chatId === officerChat) {
      await pushText(deps, {
        chatId,
        dedupKey: `dossier-approved:${issued[0]?.id}:${chatId}`,
        kind: "dossier-decision",
        text: t.approvedUnit(dossier.code, numbers, { ...decider, at: now }),
      });
    }
    for (const [i, doc] of finals.entries()) {
      await pushDocument(deps, {
        chatId,
        dedupKey: `dossier-issued:${issued[i]?.id}:${chatId}`,
        kind: "dossier-issued",
        doc,
      });
    }
  }
  await forgetApplicants(deps, [dossier.id]);
  deps.logger.info({ dossierId: dossier.id, documents: issued.length }, "dossier documents issued");
  return { ok: true, dossier, numbers, decider: { ...decider, at: now } };
}

export type ReturnOutcome = { ok: true; dossier: Dossier; decider: Decider } | DecisionRefusal;

/** Checked when "Trả lại" is pressed, before the reason is asked; checked again on the answer. */
export async function canDecide(
  deps: Pick<AppDeps, "prisma">,
  dossierId: number,
  headUnitCode: string,
  by: DecidingUser,
): Promise<{ ok: true; dossier: Dossier } | DecisionRefusal> {
  const found = await decidable(deps, dossierId, headUnitCode, by);
  return found.ok ? { ok: true, dossier: found.dossier } : found;
}

export async function returnDrafts(
  deps: AppDeps,
  input: { dossierId: number; headUnitCode: string; by: DecidingUser; reason: string },
): Promise<ReturnOutcome> {
  const found = await decidable(deps, input.dossierId, input.headUnitCode, input.by);
  if (!found.ok) return found;
  const { dossier } = found;
  const decider = { ...found.decider, at: deps.clock.now() };
  const pending = await documentsOfDossier(deps.prisma, dossier.id, "pending");
  const claimed = await decideDocuments(
    deps.prisma,
    pending.map((d) => d.id),
    "returned",
    { by: input.by.id, at: decider.at, name: decider.name, role: decider.role },
    input.reason,
  );
  const first = pending[0];
  if (claimed === 0 || !first) return { ok: false, reason: "already-decided" };
  await forgetApplicants(deps, [dossier.id]);
  const withApology = pending.some((d) => d.kind === "apology");
  await pushText(deps, {
    chatId: first.createdChatId,
    dedupKey: `dossier-returned:${first.id}`,
    kind: "dossier-decision",
    text: t.returnedUnit(dossier.code, input.reason, decider),
    replyMarkup: {
      inline_keyboard: [
        [
          {
            text: withApology ? t.apologyButton : t.explanationButton,
            callback_data: dossierButton.encode({
              action: withApology ? "apology" : "explanation",
              dossierId: dossier.id,
            }),
          },
        ],
      ],
    },
  });
  return { ok: true, dossier, decider };
}

function kindOf(kind: string): DossierDocKind {
  return kind === "apology" ? "apology" : "explanation";
}
