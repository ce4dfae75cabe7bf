/** Why a document cannot be started now, told to the chat (docs/DOSSIERS.md: a second re-appointment is refused and explained). */
import { InlineKeyboard } from "grammy";
import { dossierTexts as t } from "../../messages/dossiers.js";
import type { StartRefusal } from "../../services/apology/flow.js";
import { dossierButton } from "../../render/callbackData.js";
import type { BotContext } from "../context.js";
import { replyHtml } from "../reply.js";

export function refusalMessage(r: StartRefusal, code: string): string {
  switch (r.reason) {
    case "gone":
      return t.gone;
    case "other-unit":
      return t.notThisChat;
    case "closed":
      return t.dossierClosed(code);
    case "pending":
      return t.pendingExists(code);
    case "issued":
      return t.alreadyIssued(code, r.apology.newDueDate, r.apology.number);
  }
}

/** The refusal as a message; after an issued apology the explanation report is still offered. */
export function refusalText(ctx: BotContext, r: StartRefusal, code: string, dossierId: number): Promise<unknown> {
  const keyboard =
    r.reason === "issued"
      ? new InlineKeyboard().text(t.explanationButton, dossierButton.encode({ action: "explanation", dossierId }))
      : undefined;
  return replyHtml(ctx, refusalMessage(r, code), keyboard);
}
