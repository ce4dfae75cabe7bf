/**
 * `/nop` questions (services/figures/questions.ts): the guided flow — indicator → month (buttons)
 * → figures (a selective force-reply: the one input buttons cannot give) → Ghi / Huỷ — and the
 * Ghi / Huỷ under a report held for confirmation (a swap guessed, a month long past). A press
 * edits its message: the buttons go, the text says what was done and by whom.
 */
import { Composer, InlineKeyboard } from "grammy";
import type { CatalogUnit } from "../../domain/catalog.js";
import type { Indicator } from "../../domain/directive/schema.js";
import { nopCommand } from "../../messages/grammar.js";
import { reportTexts } from "../../messages/report.js";
import { MAX_NOP_CHOICE, nopButton } from "../../render/callbackData.js";
import { currentPeriod } from "../../services/figures/figures.js";
import { offeredPeriods, planReport, reportableIndicators, type RequestFigures } from "../../services/figures/plan.js";
import type { NopQuestion } from "../../services/figures/questions.js";
import { alert, onButton, type ButtonContext } from "../buttons.js";
import type { BotContext } from "../context.js";
import { parseTypedFigures } from "../parse/nop.js";
import { replyHtml } from "../reply.js";
import { unitOfChat } from "./access.js";
import { answerPlan, cancelRow, refusal, save } from "./reportAnswer.js";

export const reportQuestionsFeature = new Composer<BotContext>();

const MAX_BUTTON_TEXT = 60;

/** The month question's buttons: this month, last month (offeredPeriods), then Huỷ. */
function monthKeyboard(ctx: BotContext, questionId: number): InlineKeyboard {
  const { current, previous } = offeredPeriods(ctx.deps);
  const kb = new InlineKeyboard()
    .text(reportTexts.monthButton("current", current), nopButton.encode({ action: "month", questionId, index: 0 }))
    .text(reportTexts.monthButton("previous", previous), nopButton.encode({ action: "month", questionId, index: 1 }))
    .row();
  return cancelRow(kb, questionId);
}

/**
 * Step 1: the unit's indicators as buttons — or, when it reports only one, straight to the month
 * (a choice of one is a tap that tells nothing), the question naming that indicator.
 */
export async function startGuide(ctx: BotContext, unit: CatalogUnit, indicators: readonly Indicator[]) {
  if (!ctx.chat || !ctx.from || !ctx.msg) return;
  const only = indicators.length === 1 ? indicators[0] : undefined;
  const questionId = await ctx.uc.figures.askNop({
    chatId: BigInt(ctx.chat.id),
    userId: BigInt(ctx.from.id),
    state: only
      ? { step: "period", commandMessageId: ctx.msg.message_id, indicatorCode: only.code }
      : { step: "indicator", commandMessageId: ctx.msg.message_id },
  });
  const def = indicators[0];
  const quick =
    def && def.kind !== "count" ? nopCommand({ indicatorCode: null, total: 120, part: 95, period: null }) : null;
  if (only)
    return replyHtml(ctx, reportTexts.guideOnlyIndicator(unit.name, only, quick), monthKeyboard(ctx, questionId));
  const kb = new InlineKeyboard();
  // A press carries the index (callbackData.ts bounds it); the rest are reported by code.
  indicators.slice(0, MAX_NOP_CHOICE + 1).forEach((i, index) => {
    kb.text(
      (i.shortName ?? i.name).slice(0, MAX_BUTTON_TEXT),
      nopButton.encode({ action: "choose", questionId, index }),
    );
    kb.row();
  });
  return replyHtml(ctx, reportTexts.guideIndicator(unit.name, quick), cancelRow(kb, questionId));
}

const edit = (ctx: ButtonContext, text: string, kb?: InlineKeyboard) =>
  ctx.editMessageText(text, { parse_mode: "HTML", ...(kb ? { reply_markup: kb } : {}) }).catch(() => undefined);

/** The request a held question stands for (its figures as the grammar reads them). */
function requestOf(s: NopQuestion, indicator: Indicator | undefined): RequestFigures {
  const code = s.indicatorCode ?? "";
  const period = s.period ?? null;
  return indicator?.kind === "count"
    ? { kind: "count", indicatorCode: code, count: s.numerator ?? 0, period }
    : { kind: "report", indicatorCode: code, total: s.denominator ?? 0, part: s.numerator ?? 0, period };
}

onButton(reportQuestionsFeature, nopButton, async (ctx, press) => {
  const unit = unitOfChat(ctx);
  if (!unit || !ctx.chat) return alert(ctx, reportTexts.undoNoUnit);
  const q = await ctx.uc.figures.findNopQuestion(BigInt(ctx.chat.id), press.questionId);
  if (!q) {
    await alert(ctx, reportTexts.questionGone);
    return ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
  }
  if (q.userId !== BigInt(ctx.from.id)) return alert(ctx, reportTexts.notYours);
  const indicators = reportableIndicators(ctx.deps, unit);
  if (press.action === "cancel") {
    if (!(await ctx.uc.figures.closeNopQuestion(q.id))) return alert(ctx, reportTexts.questionGone);
    await edit(ctx, reportTexts.cancelled(ctx.from.first_name));
    return ctx.answerCallbackQuery({ text: reportTexts.pressCancelled });
  }
  if (press.action === "choose" && q.state.step === "indicator") {
    const indicator = indicators[press.index];
    if (!indicator) return alert(ctx, reportTexts.questionGone);
    await ctx.uc.figures.moveNopQuestion(q.id, { ...q.state, step: "period", indicatorCode: indicator.code });
    await edit(ctx, reportTexts.guideMonth(unit.name, indicator), monthKeyboard(ctx, q.id));
    return ctx.answerCallbackQuery();
  }
  if (press.action === "month" && q.state.step === "period") {
    const indicator = indicators.find((i) => i.code === q.state.indicatorCode);
    if (!indicator) return alert(ctx, reportTexts.questionGone);
    const { current, previous } = offeredPeriods(ctx.deps);
    const period = press.index === 0 ? current : previous;
    await edit(ctx, reportTexts.guideChosen(unit.name, indicator, period));
    const asked = await askFigures(ctx, indicator, period, q.state.commandMessageId);
    await ctx.uc.figures.moveNopQuestion(q.id, { ...q.state, step: "figures", period }, asked);
    return ctx.answerCallbackQuery();
  }
  if (press.action === "save" && q.state.step === "confirm") {
    if (!(await ctx.uc.figures.closeNopQuestion(q.id))) return alert(ctx, reportTexts.questionGone);
    const indicator = indicators.find((i) => i.code === q.state.indicatorCode);
    const plan = planReport(ctx.deps, unit, requestOf(q.state, indicator));
    const refused = refusal(unit, plan);
    if (refused || (plan.kind !== "ready" && plan.kind !== "old")) {
      await edit(ctx, refused ?? "");
      return ctx.answerCallbackQuery();
    }
    const { text, keyboard } = await save(ctx, unit, plan.figure);
    await edit(ctx, text, keyboard);
    return ctx.answerCallbackQuery({ text: reportTexts.pressSaved });
  }
  // A button of a step the question has left (a stale client, a double tap).
  return alert(ctx, reportTexts.questionGone);
});

/** The force-reply asking for the figures, answering the sender's `/nop` so only they get the box. */
async function askFigures(ctx: BotContext, indicator: Indicator, period: string, commandMessageId: number) {
  const msg = await ctx.reply(reportTexts.guideFigures(indicator, period), {
    parse_mode: "HTML",
    reply_parameters: { message_id: commandMessageId, allow_sending_without_reply: true },
    reply_markup: {
      force_reply: true,
      selective: true,
      input_field_placeholder: reportTexts.guideFiguresPlaceholder(indicator),
    },
  });
  return msg.message_id;
}

/** The figures typed in reply to the guided flow's question. */
reportQuestionsFeature.on("message:text", async (ctx, next) => {
  const replyTo = ctx.message.reply_to_message;
  if (!replyTo || replyTo.from?.id !== ctx.me.id || ctx.message.text.startsWith("/")) return next();
  const q = await ctx.uc.figures.nopQuestionRepliedTo(BigInt(ctx.chat.id), replyTo.message_id);
  if (q?.state.step !== "figures" || q.userId !== BigInt(ctx.from.id)) return next();
  const unit = unitOfChat(ctx);
  const indicator = unit ? reportableIndicators(ctx.deps, unit).find((i) => i.code === q.state.indicatorCode) : null;
  if (!unit || !indicator || !q.state.period) return replyHtml(ctx, reportTexts.questionGone);
  const figures = parseTypedFigures(ctx.message.text, indicator.kind === "count", currentPeriod(ctx.deps));
  if (!figures.ok) {
    await replyHtml(ctx, reportTexts.guideBadFigures(figures.error));
    const asked = await askFigures(ctx, indicator, q.state.period, q.state.commandMessageId);
    return ctx.uc.figures.moveNopQuestion(q.id, q.state, asked);
  }
  const req: RequestFigures =
    figures.count !== undefined
      ? { kind: "count", indicatorCode: indicator.code, count: figures.count, period: q.state.period }
      : {
          kind: "report",
          indicatorCode: indicator.code,
          total: figures.total,
          part: figures.part,
          period: q.state.period,
        };
  return answerPlan(ctx, unit, planReport(ctx.deps, unit, req), {
    kind: "guided",
    question: q,
    swapped: figures.swapped,
  });
});
