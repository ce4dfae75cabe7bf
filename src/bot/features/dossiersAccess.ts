/** Which dossiers a chat may see (docs/DOSSIERS.md, NĐ 13/2023): its unit's, its head's, its leaders' subtree. */
import type { MaybeInaccessibleMessage } from "grammy/types";
import { approverTexts as a } from "../../messages/approvers.js";
import { dossierTexts as t } from "../../messages/dossiers.js";
import type { DecidingUser, DecisionRefusal } from "../../services/apology/decision.js";
import { subtreeCodes } from "../../services/dossiers/chats.js";
import type { BotContext } from "../context.js";
import { headOfChat, leadersRootOfChat, unitOfChat } from "./access.js";
import { withNames } from "./approverNames.js";

/** The unit whose head's chat this is (Chat kind "head", `/dangky thutruong <mã>`). */
export function headUnitOfChat(ctx: BotContext): string | null {
  return headOfChat(ctx)?.code ?? null;
}

/**
 * Units whose dossiers this chat may read: its own unit (unit chat, head's chat) or a leaders'
 * subtree. Null elsewhere — private chats included: nobody browses dossiers outside the chats.
 */
export function visibleUnits(ctx: BotContext): { units: Set<string>; kind: "unit" | "head" | "leaders" } | null {
  const unit = unitOfChat(ctx);
  if (unit) return { units: new Set([unit.code]), kind: "unit" };
  const head = headUnitOfChat(ctx);
  if (head) return { units: new Set([head]), kind: "head" };
  const root = leadersRootOfChat(ctx);
  if (root) return { units: subtreeCodes(ctx.deps.catalog.get(), root.code), kind: "leaders" };
  return null;
}

/** "Lan Nguyễn (@lan)" — the drafter's name printed as "người lập". */
export function senderName(ctx: BotContext): string {
  const f = ctx.from;
  if (!f) return "?";
  return [f.first_name, f.last_name].filter(Boolean).join(" ") || (f.username ? `@${f.username}` : String(f.id));
}

/** Who presses "Duyệt" / "Trả lại": their id and Telegram name, recorded when they have no official name. */
export function decidingUser(ctx: BotContext & { from: { id: number } }): DecidingUser {
  return { id: BigInt(ctx.from.id), telegramName: senderName(ctx) };
}

/** Plain text (alerts drop HTML): why a decision was refused — and, for a person, who may decide. */
export async function refusal(ctx: BotContext, r: DecisionRefusal): Promise<string> {
  switch (r.reason) {
    case "already-decided":
      return t.alreadyDecided;
    case "gone":
      return t.gone;
    case "not-head":
      return t.headOnly;
    case "not-approver":
    case "drafter": {
      const unitCode = headUnitOfChat(ctx);
      return a.refusal(r.reason, unitCode ? await withNames(ctx, unitCode, r.others) : r.others);
    }
  }
}

/** The text of a message the bot sent, as Telegram returns it (plain; entities dropped). */
export function messageText(m: MaybeInaccessibleMessage): string {
  return "text" in m ? (m.text ?? "") : "";
}

/**
 * The same approval request in the unit's other heads' chats, edited like the one decided on:
 * no chat keeps buttons for a decision already taken. A message that can no longer be edited
 * (deleted, too old) is left as it is.
 */
export async function markDecidedElsewhere(
  ctx: BotContext,
  dossierId: number,
  line: string,
  done?: { chatId: number; messageId: number },
): Promise<void> {
  for (const r of await ctx.uc.apology.deliveredRequests(dossierId)) {
    if (done && Number(r.chatId) === done.chatId && r.messageId === done.messageId) continue;
    await ctx.api
      .editMessageText(Number(r.chatId), r.messageId, a.decidedRequestHtml(r.html, line), { parse_mode: "HTML" })
      .catch(() => undefined);
  }
}
