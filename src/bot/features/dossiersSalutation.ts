/**
 * "Ông" or "Bà" for the apology letter, asked with two buttons when the export does not say: a
 * choice of two is a tap, not something to type. A typed answer replying to the same message
 * still counts (dossiersReplies.ts), so the question is a plain message, not a force-reply.
 */
import { Composer, InlineKeyboard } from "grammy";
import { SALUTATIONS, type Salutation } from "../../domain/salutation.js";
import { dossierTexts as t } from "../../messages/dossiers.js";
import { dossierButtonTexts as bt } from "../../messages/dossiersButtons.js";
import { pressedTexts } from "../../messages/pressed.js";
import { salutationButton } from "../../render/callbackData.js";
import type { PendingData } from "../../services/dossiers/pending.js";
import { replyTarget } from "../askTarget.js";
import { alert, onButton } from "../buttons.js";
import type { BotContext } from "../context.js";
import { markPressed, presserName, setButtons } from "../pressed.js";

type SalutationData = PendingData<"dossier-salutation">;
export type OnSalutation = (ctx: BotContext, data: SalutationData, salutation: Salutation) => Promise<unknown>;

/** Asks "Ông hay Bà?"; `before` says why it is asked again. */
export async function askSalutation(
  ctx: BotContext,
  code: string,
  data: SalutationData,
  before?: string,
): Promise<void> {
  const chat = ctx.chat;
  if (!chat) return;
  const target = replyTarget(ctx);
  const keyboard = new InlineKeyboard();
  for (const s of SALUTATIONS) keyboard.text(s, salutationButton.encode({ salutation: s }));
  const msg = await ctx.reply(`${before ? `${before}\n\n` : ""}${target.prefix}${t.askSalutation(code)}`, {
    parse_mode: "HTML",
    reply_markup: keyboard,
    ...target.params,
  });
  await ctx.uc.dossiers.askPending({
    chatId: BigInt(chat.id),
    userId: BigInt(ctx.from?.id ?? 0),
    messageId: msg.message_id,
    kind: "dossier-salutation",
    data,
  });
}

export function dossiersSalutationFeature(onSalutation: OnSalutation): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  onButton(feature, salutationButton, async (ctx, { salutation }) => {
    const question = ctx.callbackQuery.message;
    const pending = question && (await ctx.uc.dossiers.findPending(BigInt(question.chat.id), question.message_id));
    if (pending?.kind !== "dossier-salutation") {
      await setButtons(ctx);
      return alert(ctx, bt.dateAskGone);
    }
    if (pending.userId !== BigInt(ctx.from.id)) return alert(ctx, t.notYourQuestion);
    if (!(await ctx.uc.dossiers.closePending(pending.id))) return ctx.answerCallbackQuery();
    await ctx.answerCallbackQuery();
    await markPressed(ctx, pressedTexts.line("salutation", presserName(ctx.from), ctx.deps.clock.now(), salutation));
    return onSalutation(ctx, pending.data, salutation);
  });
  return feature;
}
