/**
 * Answers to the dossier features' force-reply questions (docs/DOSSIERS.md): the reason for the delay,
 * the new appointment date, "Ông" or "Bà" when the export does not say, the head's reason for
 * sending a draft back. A message that replies to anything else passes on untouched.
 */
import { Composer, InlineKeyboard, InputFile } from "grammy";
import { approverTexts as a } from "../../messages/approvers.js";
import { isSalutation, needsSalutation, parseSalutation, type Salutation } from "../../domain/salutation.js";
import { dossierTexts as t } from "../../messages/dossiers.js";
import { checkNewDate, checkReason, type DraftOutcome } from "../../services/apology/flow.js";
import { todayOf, workCalendar } from "../../services/calendar.js";
import { replyTarget } from "../askTarget.js";
import { askNewDate } from "./dossiersDate.js";
import { askSalutation } from "./dossiersSalutation.js";
import type { PendingData, PendingKind } from "../../services/dossiers/pending.js";
import { dossierButton } from "../../render/callbackData.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../../render/html.js";
import { replyHtml } from "../reply.js";
import { unitOfChat } from "./access.js";
import { decidingUser, headUnitOfChat, markDecidedElsewhere, refusal, senderName } from "./dossiersAccess.js";
import { refusalText } from "./dossiersRefusals.js";

export const dossiersRepliesFeature = new Composer<BotContext>();

/** Asks (again) with force-reply, for the asker only (askTarget.ts), and remembers what the answer is for. */
export async function ask<K extends PendingKind>(
  ctx: BotContext,
  text: string,
  placeholder: string,
  kind: K,
  data: PendingData<K>,
): Promise<void> {
  const chat = ctx.chat;
  if (!chat) return;
  const target = replyTarget(ctx);
  const msg = await ctx.reply(`${target.prefix}${text}`, {
    parse_mode: "HTML",
    reply_markup: { force_reply: true, selective: true, input_field_placeholder: placeholder },
    ...target.params,
  });
  await ctx.uc.dossiers.askPending({
    chatId: BigInt(chat.id),
    userId: BigInt(ctx.from?.id ?? 0),
    messageId: msg.message_id,
    kind,
    data,
  });
}

dossiersRepliesFeature.on("message", async (ctx, next) => {
  const replyTo = ctx.message.reply_to_message;
  if (!replyTo || replyTo.from?.id !== ctx.me.id || ctx.message.text?.startsWith("/")) return next();
  const pending = await ctx.uc.dossiers.findPending(BigInt(ctx.chat.id), replyTo.message_id);
  if (!pending) return next();
  if (pending.kind === "dossier-upload") return replyHtml(ctx, t.replyWithFile); // files are taken by the upload feature
  if (pending.userId !== BigInt(ctx.from.id)) return replyHtml(ctx, t.notYourQuestion);
  const text = ctx.message.text ?? "";
  switch (pending.kind) {
    case "dossier-reason": {
      const reason = checkReason(text);
      if (!reason) return ask(ctx, t.reasonBad, t.reasonPlaceholder, "dossier-reason", pending.data);
      if (!(await ctx.uc.dossiers.closePending(pending.id))) return;
      if (!pending.data.withApology) return draft(ctx, pending.data.dossierId, reason, null, null);
      const code = await ctx.uc.dossiers.dossierCodeById(pending.data.dossierId);
      return askNewDate(ctx, code, { dossierId: pending.data.dossierId, reason });
    }
    case "dossier-date": {
      const checked = checkNewDate(text, todayOf(ctx.deps), await workCalendar());
      // The picker of the question answered (or asked again) is retired either way.
      await ctx.api.editMessageReplyMarkup(ctx.chat.id, replyTo.message_id).catch(() => undefined);
      if (!checked.ok) {
        const code = await ctx.uc.dossiers.dossierCodeById(pending.data.dossierId);
        return askNewDate(ctx, code, pending.data, checked.message);
      }
      if (!(await ctx.uc.dossiers.closePending(pending.id))) return;
      return afterDate(ctx, pending.data, checked.date);
    }
    case "dossier-salutation": {
      const salutation = parseSalutation(text);
      await ctx.api.editMessageReplyMarkup(ctx.chat.id, replyTo.message_id).catch(() => undefined);
      if (!salutation) {
        const code = await ctx.uc.dossiers.dossierCodeById(pending.data.dossierId);
        return askSalutation(ctx, code, pending.data, t.salutationBad);
      }
      if (!(await ctx.uc.dossiers.closePending(pending.id))) return;
      return afterSalutation(ctx, pending.data, salutation);
    }
    case "dossier-return": {
      const reason = checkReason(text);
      const head = headUnitOfChat(ctx);
      if (!head) return replyHtml(ctx, t.headOnly);
      if (!reason) return ask(ctx, t.reasonBad, t.returnPlaceholder, "dossier-return", pending.data);
      if (!(await ctx.uc.dossiers.closePending(pending.id))) return;
      const r = await ctx.uc.apology.returnDrafts({
        dossierId: pending.data.dossierId,
        headUnitCode: head,
        by: decidingUser(ctx),
        reason,
      });
      if (!r.ok) return replyHtml(ctx, escapeHtml(await refusal(ctx, r)));
      const { requestMessageId, requestText } = pending.data;
      if (requestMessageId !== undefined) {
        await ctx.api
          .editMessageText(
            ctx.chat.id,
            requestMessageId,
            a.decidedRequest(requestText ?? "", a.returnedLine(r.decider)),
            { parse_mode: "HTML" },
          )
          .catch(() => undefined);
      }
      await markDecidedElsewhere(
        ctx,
        r.dossier.id,
        a.returnedLine(r.decider),
        requestMessageId === undefined ? undefined : { chatId: ctx.chat.id, messageId: requestMessageId },
      );
      return replyHtml(ctx, t.returnedHead(r.dossier.code));
    }
  }
});

/** The new date is known (typed or picked): the salutation when the export lacks it, else the drafts. */
export async function afterDate(ctx: BotContext, data: PendingData<"dossier-date">, date: string): Promise<unknown> {
  const dossier = await ctx.uc.dossiers.dossierById(data.dossierId);
  const title = dossier?.applicantTitle ?? null;
  const known = isSalutation(title) ? title : null;
  if (dossier && !known && needsSalutation(dossier.applicantName)) {
    return askSalutation(ctx, dossier.code, { dossierId: dossier.id, reason: data.reason, newDate: date });
  }
  return draft(ctx, data.dossierId, data.reason, date, known);
}

/** "Ông" or "Bà" is known (typed or pressed): the drafts. */
export function afterSalutation(
  ctx: BotContext,
  data: PendingData<"dossier-salutation">,
  salutation: Salutation,
): Promise<unknown> {
  return draft(ctx, data.dossierId, data.reason, data.newDate, salutation);
}

async function draft(
  ctx: BotContext,
  dossierId: number,
  reason: string,
  newDate: string | null,
  salutation: Salutation | null,
): Promise<unknown> {
  const unit = unitOfChat(ctx);
  const chat = ctx.chat;
  if (!unit || !chat || !ctx.from) return replyHtml(ctx, t.notThisChat);
  await ctx.replyWithChatAction("upload_document").catch(() => undefined);
  const outcome: DraftOutcome = await ctx.uc.apology.submitDrafts({
    dossierId,
    unitCode: unit.code,
    reason,
    newDate,
    salutation,
    by: { id: BigInt(ctx.from.id), name: senderName(ctx) },
    chatId: BigInt(chat.id),
  });
  const code = await ctx.uc.dossiers.dossierCodeById(dossierId);
  switch (outcome.kind) {
    case "refused":
      return refusalText(ctx, outcome.refusal, code, dossierId);
    case "sent-to-head":
      return replyHtml(ctx, t.draftSent(code, newDate !== null));
    case "no-head": {
      await replyHtml(
        ctx,
        t.noHeadChat(unit.code),
        new InlineKeyboard().text(t.sendToHeadButton, dossierButton.encode({ action: "sendToHead", dossierId })),
      );
      for (const d of outcome.drafts)
        await ctx.replyWithDocument(new InputFile(d.bytes, d.filename), { caption: d.caption });
      return;
    }
  }
}
