/**
 * A planned `/nop` answered (services/figures/plan.ts): refused, saved at once, or held for
 * Ghi / Huỷ. Shared by the typed command, its buttons and the guided flow, so all three refuse,
 * save and answer in the same words.
 */
import { InlineKeyboard } from "grammy";
import type { CatalogUnit } from "../../domain/catalog.js";
import { commandOf, reportTexts, type FigureView } from "../../messages/report.js";
import { nopButton, undoButton } from "../../render/callbackData.js";
import { currentPeriod } from "../../services/figures/figures.js";
import { reportableIndicators, type ReportPlan } from "../../services/figures/plan.js";
import type { FoundQuestion, NopQuestion } from "../../services/figures/questions.js";
import type { BotContext } from "../context.js";
import { replyHtml } from "../reply.js";

export const cancelRow = (kb: InlineKeyboard, questionId: number) =>
  kb.text(reportTexts.cancelButton, nopButton.encode({ action: "cancel", questionId }));

/** What a refused plan says, or null when the plan can be saved or confirmed. */
export function refusal(unit: CatalogUnit, plan: ReportPlan): string | null {
  switch (plan.kind) {
    case "no-indicators":
      return reportTexts.noIndicators(unit.name);
    case "unknown-indicator":
      return reportTexts.unknownIndicator(plan.code, plan.valid);
    case "needs-code":
      return reportTexts.needsCode(plan.valid);
    case "ratio-needs-two":
      return reportTexts.ratioNeedsTwo(plan.indicator);
    case "count-needs-one":
      return reportTexts.countNeedsOne(plan.indicator);
    case "future":
      return reportTexts.futurePeriod(plan.period);
    default:
      return null;
  }
}

/** Saves a figure and returns the answer `/nop` gives, with its undo button. */
export async function save(ctx: BotContext, unit: CatalogUnit, f: FigureView) {
  const result = await ctx.uc.figures.submitFigures({
    unit,
    ...f,
    prov: {
      byUser: ctx.from ? BigInt(ctx.from.id) : null,
      chatId: ctx.chat ? BigInt(ctx.chat.id) : null,
      source: "chat",
      at: ctx.deps.clock.now(),
    },
  });
  return {
    text: reportTexts.saved(unit.name, f, result.evaluation, result.previous),
    keyboard: new InlineKeyboard().text(reportTexts.undoButton, undoButton.encode({ revisionId: result.revisionId })),
  };
}

export type How = { kind: "typed" | "swap" } | { kind: "guided"; question: FoundQuestion; swapped: boolean };

/**
 * A planned report answered: refused, saved at once (typed, ordinary), or held for Ghi / Huỷ —
 * a guessed swap, a month long past, and every guided report (its last step is the check).
 */
export async function answerPlan(ctx: BotContext, unit: CatalogUnit, plan: ReportPlan, how: How): Promise<unknown> {
  const refused = refusal(unit, plan);
  if (refused || (plan.kind !== "ready" && plan.kind !== "old")) return replyHtml(ctx, refused ?? "");
  const f = plan.figure;
  if (plan.kind === "ready" && how.kind === "typed") {
    const { text, keyboard } = await save(ctx, unit, f);
    return replyHtml(ctx, text, keyboard);
  }
  const swapped = how.kind === "swap" || (how.kind === "guided" && how.swapped);
  const isDefault = reportableIndicators(ctx.deps, unit)[0]?.code === f.indicator.code;
  const oldNote = plan.kind === "old" ? `\n${reportTexts.oldPeriod(unit.name, f, plan.monthsBack)}` : "";
  const text = swapped
    ? reportTexts.swapGuess(unit.name, f, commandOf(f, isDefault, currentPeriod(ctx.deps))) + oldNote
    : plan.kind === "old"
      ? reportTexts.oldPeriod(unit.name, f, plan.monthsBack)
      : reportTexts.guideConfirm(unit.name, f);
  const state: NopQuestion = {
    step: "confirm",
    commandMessageId: how.kind === "guided" ? how.question.state.commandMessageId : (ctx.msg?.message_id ?? 1),
    indicatorCode: f.indicator.code,
    period: f.period,
    numerator: f.numerator,
    denominator: f.denominator,
  };
  let questionId: number;
  if (how.kind === "guided") {
    questionId = how.question.id;
    await ctx.uc.figures.moveNopQuestion(questionId, state);
  } else {
    if (!ctx.chat || !ctx.from) return;
    questionId = await ctx.uc.figures.askNop({ chatId: BigInt(ctx.chat.id), userId: BigInt(ctx.from.id), state });
  }
  const kb = new InlineKeyboard().text(
    swapped ? reportTexts.swapButton(f) : reportTexts.saveButton,
    nopButton.encode({ action: "save", questionId }),
  );
  return replyHtml(ctx, text, cancelRow(kb, questionId));
}
