/**
 * The buttons of tasks (docs/SCHEDULES.md). "✅ Xong <mã>" under a reminder only asks ("✔️ Xác
 * nhận xong" / "Không" in its place); the confirmation marks the task done and writes who and
 * when on the reminder. The bot's "đã ghi nhận hoàn thành" then offers evidence as buttons,
 * because it is optional: a force-reply there opened the reply bar for the whole group and the
 * next command anyone typed was taken as evidence. "📎 Gửi minh chứng" asks with a force-reply
 * for the presser only (askTarget.ts); a plain reply to the confirmation still works.
 */
import { Composer, InlineKeyboard } from "grammy";
import type { CatalogUnit } from "../../domain/catalog.js";
import { pressedTexts } from "../../messages/pressed.js";
import { taskTexts } from "../../messages/tasks.js";
import { taskButton, taskStepButton, type TaskStep } from "../../render/callbackData.js";
import type { Marked } from "../../services/tasks/done.js";
import type { EvidenceRefusal } from "../../services/tasks/evidence.js";
import { replyTarget } from "../askTarget.js";
import { alert, onButton, type ButtonContext } from "../buttons.js";
import type { BotContext } from "../context.js";
import {
  confirmRow,
  markPressed,
  pressedKeyboard,
  presserName,
  replaceButton,
  setButtons,
  withoutButtons,
} from "../pressed.js";
import { isAdmin, unitOfChat } from "./access.js";

export const taskButtonsFeature = new Composer<BotContext>();

const step = (s: TaskStep, rowId: number) => taskStepButton.encode({ step: s, rowId });

/** "✅ Đã ghi nhận … hoàn thành", replying to the /xong it answers, with the optional evidence as buttons. */
export async function confirmDone(ctx: BotContext, unit: CatalogUnit, m: Marked): Promise<void> {
  const chat = ctx.chat;
  if (!chat) return;
  const keyboard = new InlineKeyboard()
    .text(taskTexts.evidenceButton, step("evidence", m.rowId))
    .text(taskTexts.skipButton, step("skip", m.rowId));
  const msg = await ctx.reply(taskTexts.done(m.ref.task, unit, m.occ.due, m.note), {
    parse_mode: "HTML",
    reply_markup: keyboard,
    ...replyTarget(ctx).params,
  });
  await ctx.uc.tasks.recordEvidencePrompt({
    chatId: BigInt(chat.id),
    userId: BigInt(ctx.from?.id ?? 0),
    messageId: msg.message_id,
    rowId: m.rowId,
  });
}

onButton(taskButtonsFeature, taskButton, async (ctx, { rowId }) => {
  const unit = unitOfChat(ctx);
  if (!unit) return alert(ctx, taskTexts.buttonWrongChat);
  const r = await ctx.uc.tasks.checkRow(rowId, unit);
  if (!r.ok) return alert(ctx, r.reason === "gone" ? taskTexts.buttonGone : taskTexts.buttonNotLead);
  const mine = taskButton.encode({ rowId });
  if (r.already) {
    await setButtons(
      ctx,
      withoutButtons(pressedKeyboard(ctx), (d) => d === mine),
    );
    return ctx.answerCallbackQuery({ text: taskTexts.buttonAlready });
  }
  const ask = confirmRow(taskTexts.confirmDoneButton(r.ref.task), step("confirm", rowId), step("keep", rowId));
  await setButtons(ctx, replaceButton(pressedKeyboard(ctx), mine, ask));
  return ctx.answerCallbackQuery({ text: taskTexts.buttonConfirmAsk });
});

onButton(taskButtonsFeature, taskStepButton, async (ctx, { step: s, rowId }) => {
  if (s === "evidence" || s === "skip") return evidenceStep(ctx, s, rowId);
  const unit = unitOfChat(ctx);
  if (!unit) return alert(ctx, taskTexts.buttonWrongChat);
  const keyboard = pressedKeyboard(ctx);
  if (s === "keep") {
    const r = await ctx.uc.tasks.checkRow(rowId, unit);
    const back =
      r.ok && !r.already
        ? [{ text: taskTexts.doneButton(r.ref.task), callback_data: taskButton.encode({ rowId }) }]
        : [];
    await setButtons(
      ctx,
      replaceButton(replaceButton(keyboard, step("confirm", rowId), back), step("keep", rowId), []),
    );
    return ctx.answerCallbackQuery({ text: taskTexts.buttonKept });
  }
  const r = await ctx.uc.tasks.markRowDone(rowId, unit, { by: BigInt(ctx.from.id), at: ctx.deps.clock.now() });
  if (!r.ok) return alert(ctx, r.reason === "gone" ? taskTexts.buttonGone : taskTexts.buttonNotLead);
  const stale = new Set([step("confirm", rowId), step("keep", rowId), taskButton.encode({ rowId })]);
  const rest = withoutButtons(keyboard, (d) => stale.has(d));
  if (r.already) {
    await setButtons(ctx, rest);
    return ctx.answerCallbackQuery({ text: taskTexts.buttonAlready });
  }
  await ctx.answerCallbackQuery({ text: taskTexts.buttonDone });
  await markPressed(ctx, pressedTexts.line("done", presserName(ctx.from), ctx.deps.clock.now(), r.ref.task.code), rest);
  return confirmDone(ctx, unit, r);
});

const refusalText = (r: EvidenceRefusal) => (r.reason === "gone" ? taskTexts.evidenceGone : taskTexts.evidenceNotYours);

/** "📎 Gửi minh chứng" / "Bỏ qua": only the one who marked the task done (or an administrator). */
async function evidenceStep(ctx: ButtonContext, s: "evidence" | "skip", rowId: number): Promise<unknown> {
  const chat = ctx.chat;
  if (!chat) return ctx.answerCallbackQuery();
  const gate = await ctx.uc.tasks.evidenceGate(rowId, { userId: BigInt(ctx.from.id), isAdmin: () => isAdmin(ctx) });
  if (!gate.ok) return alert(ctx, refusalText(gate));
  await ctx.answerCallbackQuery();
  const who = presserName(ctx.from);
  await markPressed(ctx, pressedTexts.line(s === "skip" ? "skipped" : "evidenceAsked", who, ctx.deps.clock.now()));
  if (s === "skip") return;
  const target = replyTarget(ctx);
  const msg = await ctx.reply(`${target.prefix}${taskTexts.evidenceAsk(gate.taskCode)}`, {
    parse_mode: "HTML",
    reply_markup: { force_reply: true, selective: true, input_field_placeholder: taskTexts.evidencePlaceholder },
    ...target.params,
  });
  await ctx.uc.tasks.recordEvidencePrompt({
    chatId: BigInt(chat.id),
    userId: BigInt(ctx.from.id),
    messageId: msg.message_id,
    rowId,
  });
}
